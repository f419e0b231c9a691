/**
 * Every read and write is scoped: another unit's task is a 404 on every route, exactly as if it
 * did not exist, and each attempt is written to the audit log.
 */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'

describe('scope', () => {
  let t: TestApp
  let planId: string
  let financeTask: string
  let health: Client
  let meishanUser: Client

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    financeTask = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    // 县卫计局 supports 完善投入政策 but is neither its lead nor its reviewer.
    health = await loginAs(t, 'health', {
      units: [{ policyId: POLICY, unitId: 'county-price-bureau' }],
    })
    meishanUser = await loginAs(t, 'meishan-user', {
      units: [{ policyId: 'meishan-medical-community-insurance', unitId: 'city-finance-bureau' }],
    })
  })

  const routes = (id: string) => [
    { name: 'GET /api/tasks/:id', call: (client: Client) => client.get(`/api/tasks/${id}`) },
    {
      name: 'POST /api/tasks/:id/events (START)',
      call: (client: Client) => client.post(`/api/tasks/${id}/events`, { type: 'START' }),
    },
    {
      name: 'POST /api/tasks/:id/events (APPROVE)',
      call: (client: Client) => client.post(`/api/tasks/${id}/events`, { type: 'APPROVE' }),
    },
    {
      name: 'POST /api/tasks/:id/events (SUBMIT)',
      call: (client: Client) =>
        client.post(`/api/tasks/${id}/events`, { type: 'SUBMIT', data: { summary: 'x' } }),
    },
  ]

  it.each(routes('placeholder').map((route) => route.name))(
    '%s answers 404 for another unit’s task, like a missing one',
    async (name) => {
      const route = routes(financeTask).find((r) => r.name === name)!
      const missing = routes('00000000-0000-0000-0000-000000000000').find((r) => r.name === name)!
      const denied = await route.call(health)
      const absent = await missing.call(health)
      expect(denied.status).toBe(404)
      expect(await denied.json()).toEqual(await absent.json())
    },
  )

  it('audits each denied attempt with who tried', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('entity_id', '=', financeTask)
      .execute()
    expect(rows.length).toBe(4)
    expect(rows.every((row) => JSON.parse(row.payload).username === 'health')).toBe(true)
  })

  it('leaves the task untouched', async () => {
    const task = await t.db
      .selectFrom('task')
      .select(['state', 'version'])
      .where('id', '=', financeTask)
      .executeTakeFirstOrThrow()
    expect(task).toEqual({ state: 'assigned', version: 1 })
  })

  it('lists only the unit’s own tasks', async () => {
    const body = await (await health.get('/api/tasks')).json()
    expect(body.tasks.length).toBeGreaterThan(0)
    expect(
      body.tasks.every(
        (task: { assignee: { id: string } }) => task.assignee.id === 'county-price-bureau',
      ),
    ).toBe(true)
  })

  it('hides another region’s plan, its progress and its sign-off', async () => {
    for (const path of [`/api/plans/${planId}`, `/api/plans/${planId}/progress`]) {
      expect((await meishanUser.get(path)).status).toBe(404)
    }
    expect(
      (await meishanUser.post(`/api/plans/${planId}/phases/supervise/sign-off`, {})).status,
    ).toBe(404)
    expect((await (await meishanUser.get('/api/plans')).json()).plans).toEqual([])
    expect((await (await meishanUser.get('/api/tasks')).json()).tasks).toEqual([])
  })

  it('lets a leader of the policy see every task of its plans, and nobody else’s', async () => {
    const leader = await loginAs(t, 'leader', {
      roles: ['leader'],
      units: [{ policyId: POLICY, unitId: 'leadership-group' }],
    })
    expect((await leader.get(`/api/tasks/${financeTask}`)).status).toBe(200)
    const all = await (await leader.get(`/api/tasks?scope=all&plan=${planId}`)).json()
    expect(all.counts.total).toBe(
      await t.db
        .selectFrom('task')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
    )
  })

  it('needs a session for every route, and the CSRF token for writes', async () => {
    expect((await t.app.request('/api/tasks')).status).toBe(401)
    expect((await t.app.request(`/api/tasks/${financeTask}`)).status).toBe(401)
    const noToken = await health.raw(`/api/tasks/${financeTask}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'wrong' },
      body: '{"type":"START"}',
    })
    expect(noToken.status).toBe(403)
    expect((await noToken.json()).error.code).toBe('csrf-failed')
  })

  it('revokes the session at logout', async () => {
    const user = await loginAs(t, 'leaver', {
      units: [{ policyId: POLICY, unitId: 'county-price-bureau' }],
    })
    expect((await user.post('/api/auth/logout')).status).toBe(200)
    expect((await user.get('/api/tasks')).status).toBe(401)
  })
})
