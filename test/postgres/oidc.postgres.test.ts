/**
 * Single sign-on on PostgreSQL: the oidc_login migration runs down and up again, and a sign-on
 * against a real provider — matched by email regardless of case — opens an `oidc` session,
 * takes its pending row once (a replay is refused) and leaves no row behind, as on SQLite.
 */
import { tmpdir } from 'node:os'
import type { Kysely } from 'kysely'
import { createApp } from '../../server/app.ts'
import { ensureUser } from '../../server/auth/users.ts'
import { SimulatedClock } from '../../server/clock.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import * as oidcMigration from '../../server/db/migrations/2026_12_07_0200_create_oidc_login.ts'
import { listen } from '../../server/http/listen.ts'
import type { Listening } from '../../server/http/listen.ts'
import { CookieJarClient } from '../helpers/cookie-jar-client.ts'
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, startTestProvider } from '../helpers/oidc-provider.ts'
import type { TestProvider } from '../helpers/oidc-provider.ts'
import { pathOf, submitAtProvider, toProvider } from '../helpers/oidc-sign-on.ts'
import { startMigratedPostgres } from '../helpers/postgres.ts'
import { TEST_AUDIT_KEY } from '../helpers/make-db.ts'
import { installAuditKey } from '../../server/audit/audit-key.ts'

describe('single sign-on on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let db: Kysely<Database>
  let provider: TestProvider
  let listening: Listening

  beforeAll(async () => {
    installAuditKey(TEST_AUDIT_KEY)
    pg = await startMigratedPostgres('luoshi_oidc')
    db = pg.db
    provider = await startTestProvider()
  }, 60_000)

  afterAll(async () => {
    listening?.server.closeAllConnections()
    await new Promise((resolve) => (listening ? listening.server.close(resolve) : resolve(null)))
    await provider?.close()
    await pg?.stop()
  })

  it('migrates down and up, signs on by email once, and refuses the replay', async () => {
    await oidcMigration.down(db)
    await oidcMigration.up(db)
    const clock = new SimulatedClock('2018-04-02T09:00:00+08:00')
    const writes = new GroupCommitter(db)
    const app = createApp({
      db,
      reads: db,
      clock,
      writes,
      files: `${tmpdir()}/luoshi-pg-oidc-${process.pid}`,
      oidc: {
        issuer: new URL(provider.issuer),
        clientId: OIDC_CLIENT_ID,
        clientSecret: OIDC_CLIENT_SECRET,
        redirectUri: undefined,
        claim: 'email',
        match: 'email',
        scope: 'openid profile email',
        label: '统一身份认证登录',
      },
    })
    listening = listen(app.fetch, { port: 0, hostname: '127.0.0.1' })
    const base = `http://127.0.0.1:${(await listening.address).port}`
    provider.register([`${base}/api/auth/oidc/callback`])
    const user = await ensureUser(
      { db, writes },
      {
        username: 'chen.jing',
        displayName: '陈静',
        password: 'unused-Pass-2018',
        roles: ['leader'],
      },
      clock.now().toISOString(),
    )
    await db
      .updateTable('app_user')
      .set({ email: 'chen.jing@example.gov.cn' })
      .where('id', '=', user.id)
      .execute()
    provider.accounts.set('gov-1', { email: 'CHEN.JING@example.gov.cn', email_verified: true })

    const browser = new CookieJarClient()
    const page = await toProvider(browser, base, provider.issuer, '/#/dashboard')
    const { landed, callback } = await submitAtProvider(browser, base, page, { login: 'gov-1' })

    expect(pathOf(landed)).toBe('/#/dashboard')
    const me = (await (await browser.request(`${base}/api/auth/me`)).json()) as {
      user: { id: string }
    }
    expect(me.user.id).toBe(user.id)
    const sessions = await db
      .selectFrom('session')
      .select('method')
      .where('user_id', '=', user.id)
      .execute()
    expect(sessions).toEqual([{ method: 'oidc' }])
    expect(await db.selectFrom('oidc_login').selectAll().execute()).toEqual([])

    const replay = new CookieJarClient()
    replay.setCookie(base, 'luoshi_oidc', new URL(callback).searchParams.get('state')!)
    const answer = await replay.request(callback)
    expect(answer.headers.get('location')).toBe('/?login-error=sso-expired')
  })
})
