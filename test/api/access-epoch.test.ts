/**
 * An account's access is kept by the server between requests, and must still be the database's at
 * each request: a role, a unit or a deactivation changed through the API, or straight in the
 * database (as another process of a PostgreSQL deployment writes it), is in force on the account's
 * very next request through the same session.
 */
import { loginAs, makeTestApp, startMinimalPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'demo-county-plan'

let t: TestApp
let admin: Client

beforeEach(async () => {
  t = await makeTestApp()
  admin = await loginAs(t, 'root', { roles: ['admin'] })
})
afterEach(async () => {
  await t.db.destroy()
})

const userId = async (username: string) =>
  (
    await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id

const taskCount = async (client: Client) => {
  const response = await client.get('/api/tasks')
  expect(response.status).toBe(200)
  return ((await response.json()) as { tasks: unknown[] }).tasks.length
}

describe('an account kept between requests', () => {
  it('holds a role given or taken through the API from the next request on', async () => {
    const clerk = await loginAs(t, 'clerk', { roles: ['department'] })
    expect((await clerk.get('/api/users')).status).toBe(403)
    const id = await userId('clerk')
    expect((await admin.patch(`/api/users/${id}`, { roles: ['department', 'admin'] })).status).toBe(
      200,
    )
    expect((await clerk.get('/api/users')).status).toBe(200)
    expect((await admin.patch(`/api/users/${id}`, { roles: ['department'] })).status).toBe(200)
    expect((await clerk.get('/api/users')).status).toBe(403)
  })

  it('holds roles and deactivation written straight into the database from the next request on', async () => {
    const clerk = await loginAs(t, 'clerk', { roles: ['department'] })
    expect((await clerk.get('/api/users')).status).toBe(403)
    const id = await userId('clerk')
    await t.db
      .updateTable('app_user')
      .set({ roles: JSON.stringify(['department', 'admin']) })
      .where('id', '=', id)
      .execute()
    expect((await clerk.get('/api/users')).status).toBe(200)
    await t.db.updateTable('app_user').set({ active: 0 }).where('id', '=', id).execute()
    expect((await clerk.get('/api/auth/me')).status).toBe(401)
  })

  it('sees the tasks of a unit given or taken straight in the database from the next request on', async () => {
    await startMinimalPlan(t)
    const clerk = await loginAs(t, 'clerk', {
      units: [{ policyId: POLICY, unitId: 'health-bureau' }],
    })
    const own = await taskCount(clerk)
    expect(own).toBeGreaterThan(0)
    const id = await userId('clerk')
    await t.db
      .insertInto('user_unit')
      .values({ user_id: id, policy_id: POLICY, unit_id: 'finance-bureau' })
      .execute()
    const both = await taskCount(clerk)
    expect(both).toBeGreaterThan(own)
    await t.db.deleteFrom('user_unit').where('user_id', '=', id).execute()
    expect(await taskCount(clerk)).toBe(0)
  })

  it('moves the access epoch with every change to accounts, units, regions and policies', async () => {
    const epoch = async () =>
      (await t.db.selectFrom('access_epoch').select('n').executeTakeFirstOrThrow()).n
    let before = await epoch()
    const moved = async () => {
      const now = await epoch()
      const changed = now > before
      before = now
      return changed
    }
    await loginAs(t, 'clerk', { roles: ['department'] })
    expect(await moved()).toBe(true)
    await t.db
      .updateTable('app_user')
      .set({ display_name: '文员' })
      .where('username', '=', 'clerk')
      .execute()
    expect(await moved()).toBe(true)
    await t.db
      .insertInto('region')
      .values({
        id: 'r-test',
        name: '测试区',
        level: 'county',
        parent_id: null,
        division_code: null,
        created_at: '2018-04-02T00:00:00Z',
        created_by: 'root',
      })
      .execute()
    expect(await moved()).toBe(true)
    await startMinimalPlan(t)
    expect(await moved()).toBe(true)
    const clerk = await userId('clerk')
    await t.db
      .insertInto('user_unit')
      .values({ user_id: clerk, policy_id: POLICY, unit_id: 'health-bureau' })
      .execute()
    expect(await moved()).toBe(true)
    await t.db.deleteFrom('user_unit').where('user_id', '=', clerk).execute()
    expect(await moved()).toBe(true)
    // A session's last use is not access: it leaves the epoch alone.
    await t.db.updateTable('session').set({ last_seen_at: '2018-04-02T01:00:00Z' }).execute()
    expect(await moved()).toBe(false)
  })
})
