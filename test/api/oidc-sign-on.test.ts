/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on loopback), over real
 * HTTP: luoshi is served on a port of its own and a cookie-keeping client follows every redirect
 * between the two, submitting the provider's sign-in form as a person would. Covers the mapped
 * account (a session, `GET /api/auth/me`, no one-time-password gate, the audit entry), the
 * refusals (no matching account, a deactivated one, cancelled at the provider, a replayed,
 * forged, foreign or expired state, a nonce that does not match) — each ending on the login page
 * with its reason — open redirects refused, matching by email, and `GET /api/auth/options`.
 */
import { ensureUser } from '../../server/auth/users.ts'
import type { OidcOptions } from '../../server/auth/oidc-options.ts'
import { listen } from '../../server/http/listen.ts'
import type { Listening } from '../../server/http/listen.ts'
import { CookieJarClient } from '../helpers/cookie-jar-client.ts'
import { pathOf, submitAtProvider, toProvider } from '../helpers/oidc-sign-on.ts'
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, startTestProvider } from '../helpers/oidc-provider.ts'
import type { TestProvider } from '../helpers/oidc-provider.ts'
import { makeTestApp, PASSWORD } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

interface Served {
  t: TestApp
  base: string
  listening: Listening
}

let provider: TestProvider
let byUsername: Served
let byEmail: Served

function oidcOptions(issuer: string, match: Partial<OidcOptions> = {}): OidcOptions {
  return {
    issuer: new URL(issuer),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUri: undefined,
    claim: 'preferred_username',
    match: 'username',
    scope: 'openid profile email',
    label: '统一身份认证登录',
    ...match,
  }
}

async function serve(oidc: OidcOptions): Promise<Served> {
  const t = await makeTestApp('2018-04-02T09:00:00+08:00', { oidc })
  const listening = listen(t.app.fetch, { port: 0, hostname: '127.0.0.1' })
  const { port } = await listening.address
  return { t, base: `http://127.0.0.1:${port}`, listening }
}

beforeAll(async () => {
  provider = await startTestProvider()
  byUsername = await serve(oidcOptions(provider.issuer))
  byEmail = await serve(oidcOptions(provider.issuer, { claim: 'email', match: 'email' }))
  provider.register([byUsername, byEmail].map((served) => `${served.base}/api/auth/oidc/callback`))
})
afterAll(async () => {
  for (const served of [byUsername, byEmail]) {
    served.listening.server.closeAllConnections()
    await new Promise((resolve) => served.listening.server.close(resolve))
    await served.t.db.destroy()
  }
  await provider.close()
})

/** A luoshi account, created as an administrator would. */
async function account(served: Served, username: string): Promise<string> {
  const row = await ensureUser(
    served.t,
    { username, displayName: username, password: PASSWORD, roles: ['department'] },
    served.t.clock.now().toISOString(),
  )
  return row.id
}

interface SignOn {
  browser: CookieJarClient
  /** Where luoshi sent the browser at the end (a path on luoshi with its query and hash). */
  landed: URL
  /** The callback URL the provider sent the browser to. */
  callback: string
}

/** The whole sign-on as `sub` at the provider, from luoshi's button back to luoshi. */
async function signOn(served: Served, sub: string, returnTo = '/#/inbox'): Promise<SignOn> {
  const browser = new CookieJarClient()
  const page = await toProvider(browser, served.base, provider.issuer, returnTo)
  const { landed, callback } = await submitAtProvider(browser, served.base, page, { login: sub })
  return { browser, landed, callback }
}

const me = (served: Served, browser: CookieJarClient) =>
  browser.request(`${served.base}/api/auth/me`)

describe('GET /api/auth/options', () => {
  it('names the sign-on button when single sign-on is configured', async () => {
    const response = await fetch(`${byUsername.base}/api/auth/options`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ oidc: { label: '统一身份认证登录' } })
  })

  it('answers oidc: null without it, and the start route sends back to the login page', async () => {
    const plain = await makeTestApp()
    try {
      expect(await (await plain.app.request('/api/auth/options')).json()).toEqual({ oidc: null })
      const start = await plain.app.request('/api/auth/oidc/start?returnTo=/')
      expect(start.status).toBe(303)
      expect(start.headers.get('location')).toBe('/?login-error=sso-unavailable')
    } finally {
      await plain.db.destroy()
    }
  })
})

describe('signing on with an account an administrator created', () => {
  it('opens a session for the account the claim names, without the one-time-password gate', async () => {
    const id = await account(byUsername, 'zhang.wei')
    await byUsername.t.db
      .updateTable('app_user')
      .set({ must_change_password: 1 })
      .where('id', '=', id)
      .execute()
    provider.accounts.set('provider-0001', { preferred_username: 'Zhang.Wei', name: '张伟' })

    const { browser, landed } = await signOn(byUsername, 'provider-0001')

    expect(pathOf(landed)).toBe('/#/inbox')
    const answer = await me(byUsername, browser)
    expect(answer.status).toBe(200)
    const body = (await answer.json()) as {
      user: { id: string; username: string; mustChangePassword: boolean }
    }
    expect(body.user).toMatchObject({ id, username: 'zhang.wei', mustChangePassword: false })
    expect((await browser.request(`${byUsername.base}/api/policies`)).status).toBe(200)
    const audit = await byUsername.t.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'payload'])
      .where('action', '=', 'auth.login')
      .where('actor', '=', id)
      .execute()
    expect(audit.map((row) => JSON.parse(row.payload))).toEqual([
      { method: 'oidc', claim: 'preferred_username' },
    ])
  })

  it('matches the email claim with the email column when configured so', async () => {
    const id = await account(byEmail, 'li.na')
    await byEmail.t.db
      .updateTable('app_user')
      .set({ email: 'li.na@example.gov.cn' })
      .where('id', '=', id)
      .execute()
    provider.accounts.set('provider-0002', {
      preferred_username: 'someone-else',
      email: 'Li.Na@Example.gov.cn',
      email_verified: true,
    })

    const { browser } = await signOn(byEmail, 'provider-0002')

    const body = (await (await me(byEmail, browser)).json()) as { user: { id: string } }
    expect(body.user.id).toBe(id)
  })
})

describe('refused sign-ons end on the login page with their reason', () => {
  it('refuses a person whose claim names no account, opening no session', async () => {
    provider.accounts.set('provider-0003', { preferred_username: 'not.registered' })
    const sessionsBefore = await byUsername.t.db.selectFrom('session').select('id').execute()

    const { browser, landed } = await signOn(byUsername, 'provider-0003', '/#/plans')

    expect(pathOf(landed)).toBe('/?login-error=sso-no-account#/plans')
    expect((await me(byUsername, browser)).status).toBe(401)
    const sessionsAfter = await byUsername.t.db.selectFrom('session').select('id').execute()
    expect(sessionsAfter.length).toBe(sessionsBefore.length)
  })

  it('refuses a deactivated account', async () => {
    const id = await account(byUsername, 'wang.fang')
    await byUsername.t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', id).execute()
    provider.accounts.set('provider-0004', { preferred_username: 'wang.fang' })

    const { browser, landed } = await signOn(byUsername, 'provider-0004')

    expect(landed.searchParams.get('login-error')).toBe('sso-inactive')
    expect((await me(byUsername, browser)).status).toBe(401)
  })

  it('says the sign-on was cancelled when the provider answers access_denied', async () => {
    const browser = new CookieJarClient()
    const page = await toProvider(browser, byUsername.base, provider.issuer, '/#/inbox')

    const { landed, callback } = await submitAtProvider(browser, byUsername.base, page, 'abort')

    expect(new URL(callback).searchParams.get('error')).toBe('access_denied')
    expect(pathOf(landed)).toBe('/?login-error=sso-denied#/inbox')
  })

  it('refuses a callback replayed after it signed someone in, even with its cookie', async () => {
    await account(byUsername, 'zhao.lei')
    provider.accounts.set('provider-0005', { preferred_username: 'zhao.lei' })
    const first = await signOn(byUsername, 'provider-0005')
    expect((await me(byUsername, first.browser)).status).toBe(200)

    const replay = new CookieJarClient()
    const state = new URL(first.callback).searchParams.get('state')!
    replay.setCookie(byUsername.base, 'luoshi_oidc', state)
    const answer = await replay.request(first.callback)

    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe('/?login-error=sso-expired')
    expect(answer.headers.getSetCookie().some((line) => line.startsWith('luoshi_session='))).toBe(
      false,
    )
  })

  it('refuses a forged state, and a state this browser did not start', async () => {
    await account(byUsername, 'sun.li')
    provider.accounts.set('provider-0006', { preferred_username: 'sun.li' })
    const forger = new CookieJarClient()
    forger.setCookie(byUsername.base, 'luoshi_oidc', 'forged-state')
    const forged = await forger.request(
      `${byUsername.base}/api/auth/oidc/callback?code=whatever&state=forged-state`,
    )
    expect(forged.headers.get('location')).toBe('/?login-error=sso-expired')

    // Someone signs on at the provider but hands their callback to another browser.
    const attacker = new CookieJarClient()
    const page = await toProvider(attacker, byUsername.base, provider.issuer, '/')
    const { callback } = await submitAtProvider(
      attacker,
      byUsername.base,
      page,
      { login: 'provider-0006' },
      { stopAtCallback: true },
    )
    const victim = new CookieJarClient()
    const answer = await victim.request(callback)
    expect(answer.headers.get('location')).toBe('/?login-error=sso-expired')
    expect((await me(byUsername, victim)).status).toBe(401)
  })

  it('refuses a sign-on completed more than 10 minutes after it started', async () => {
    await account(byUsername, 'zhou.qiang')
    provider.accounts.set('provider-0007', { preferred_username: 'zhou.qiang' })
    const browser = new CookieJarClient()
    const page = await toProvider(browser, byUsername.base, provider.issuer, '/#/inbox')
    byUsername.t.clock.advance(11 * 60_000)

    const { landed } = await submitAtProvider(browser, byUsername.base, page, {
      login: 'provider-0007',
    })

    expect(landed.searchParams.get('login-error')).toBe('sso-expired')
    expect((await me(byUsername, browser)).status).toBe(401)
  })

  it('refuses an ID token whose nonce is not the one this sign-on sent, logging no secret', async () => {
    await account(byUsername, 'wu.min')
    provider.accounts.set('provider-0008', { preferred_username: 'wu.min' })
    const browser = new CookieJarClient()
    const page = await toProvider(browser, byUsername.base, provider.issuer, '/#/inbox')
    await byUsername.t.db.updateTable('oidc_login').set({ nonce: 'another-nonce' }).execute()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

    try {
      const { landed, callback } = await submitAtProvider(browser, byUsername.base, page, {
        login: 'provider-0008',
      })

      expect(landed.searchParams.get('login-error')).toBe('sso-failed')
      expect((await me(byUsername, browser)).status).toBe(401)
      const logged = warn.mock.calls.map((call) => call.join(' ')).join('\n')
      expect(logged).toContain('"event":"oidc.callback-failed"')
      const returned = new URL(callback).searchParams
      for (const secret of [OIDC_CLIENT_SECRET, returned.get('code')!, returned.get('state')!])
        expect(logged).not.toContain(secret)
    } finally {
      warn.mockRestore()
    }
  })

  it('sends the browser back to the login page when the provider cannot be reached', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    // Port 9 (discard) on loopback: nothing listens there, so discovery fails.
    const unreachable = await makeTestApp('2018-04-02T09:00:00+08:00', {
      oidc: oidcOptions('http://127.0.0.1:9'),
    })
    try {
      const answer = await unreachable.app.request('/api/auth/oidc/start?returnTo=%2F%23%2Finbox')
      expect(answer.status).toBe(303)
      expect(answer.headers.get('location')).toBe('/?login-error=sso-failed#/inbox')
      expect(await unreachable.db.selectFrom('oidc_login').selectAll().execute()).toEqual([])
    } finally {
      warn.mockRestore()
      await unreachable.db.destroy()
    }
  })
})

describe('GET /api/auth/oidc/start refuses to return anywhere but this site', () => {
  it.each([
    '//evil.example/',
    'https://evil.example/',
    '/\\evil.example',
    'inbox',
    '/\t/evil',
    '/api/auth/oidc/start',
  ])(
    'refuses returnTo=%j with 400 at /returnTo, sending nobody to the provider',
    async (returnTo) => {
      const response = await fetch(
        `${byUsername.base}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
        { redirect: 'manual' },
      )
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
      const body = (await response.json()) as {
        error: { code: string; issues: Array<{ pointer: string }> }
      }
      expect(body.error.code).toBe('bad-request')
      expect(body.error.issues.map((issue) => issue.pointer)).toEqual(['/returnTo'])
    },
  )
})
