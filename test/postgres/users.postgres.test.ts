/**
 * Accounts on PostgreSQL: the user-admin migration runs down and up again, and the users API —
 * creation with a unit, the forced change, deactivation ending a live session, the reset — behaves
 * as on SQLite.
 */
import { tmpdir } from 'node:os'
import type { Kysely } from 'kysely'
import { createApp } from '../../server/app.ts'
import { SimulatedClock } from '../../server/clock.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import * as userAdminMigration from '../../server/db/migrations/2026_12_06_2300_user_admin.ts'
import { publishBundled } from '../helpers/make-db.ts'
import { startMigratedPostgres } from '../helpers/postgres.ts'
import { logIn, loginAs } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

describe('accounts on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let db: Kysely<Database>

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_users')
    db = pg.db
  }, 60_000)

  afterAll(async () => {
    await pg?.stop()
  })

  it('migrates down and up, and creates, forces the change, deactivates and resets as on SQLite', async () => {
    await userAdminMigration.down(db)
    await userAdminMigration.up(db)
    const clock = new SimulatedClock('2018-04-02T09:00:00+08:00')
    const writes = new GroupCommitter(db)
    const t: TestApp = {
      app: createApp({
        db,
        reads: db,
        clock,
        writes,
        files: `${tmpdir()}/luoshi-pg-users-${process.pid}`,
      }),
      db,
      file: pg.url,
      clock,
      writes,
    }
    const versionId = await publishBundled(t, clock, 'pingnan')
    const { policy_id: policyId } = await db
      .selectFrom('policy_version')
      .select('policy_id')
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow()
    const admin = await loginAs(t, 'root', { roles: ['admin'] })

    const unknown = await admin.post('/api/users', {
      username: 'finance',
      displayName: '县财政局',
      roles: ['department'],
      units: [{ policyId, unitId: 'nowhere' }],
    })
    expect(unknown.status).toBe(422)
    const created = await admin.post('/api/users', {
      username: 'finance',
      displayName: '县财政局',
      roles: ['department'],
      units: [{ policyId, unitId: 'county-finance-bureau' }],
    })
    expect(created.status).toBe(201)
    const { user, initialPassword } = (await created.json()) as {
      user: { id: string; mustChangePassword: boolean }
      initialPassword: string
    }
    expect(user.mustChangePassword).toBe(true)
    expect(
      (
        await admin.post('/api/users', {
          username: 'finance',
          displayName: 'again',
          roles: ['department'],
        })
      ).status,
    ).toBe(409)

    const finance = await logIn(t, 'finance', initialPassword)
    expect((await finance.get('/api/tasks')).status).toBe(403)
    expect(
      (
        await finance.post('/api/auth/password', {
          currentPassword: initialPassword,
          newPassword: 'Finance-2024!',
        })
      ).status,
    ).toBe(200)
    expect((await finance.get('/api/tasks')).status).toBe(200)

    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200)
    expect((await finance.get('/api/tasks')).status).toBe(401)
    expect(
      await db.selectFrom('session').select('id').where('user_id', '=', user.id).execute(),
    ).toEqual([])
    expect((await admin.patch(`/api/users/${user.id}`, { active: true })).status).toBe(200)

    const reset = await admin.post(`/api/users/${user.id}/password-reset`)
    const { oneTimePassword } = (await reset.json()) as { oneTimePassword: string }
    const again = await logIn(t, 'finance', oneTimePassword)
    expect((await again.get('/api/tasks')).status).toBe(403)
    const actions = (
      await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'user.%')
        .orderBy('seq')
        .execute()
    ).map((row) => row.action)
    expect(actions).toEqual([
      'user.create',
      'user.password-change',
      'user.deactivate',
      'user.update',
      'user.password-reset',
    ])
    await writes.close()
  }, 120_000)
})
