/**
 * The office of a plan lists every task of it with `?scope=all` (paged like any list) and every
 * escalated one; a unit asking for all still gets its own.
 */
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface TaskList {
  counts: { total: number }
  tasks: Array<{ id: string; assignee: { id: string } }>
}

describe('GET /api/tasks?scope=all for the office of a plan', () => {
  let t: TestApp
  let planId: string
  let office: Client
  let department: Client
  let planTasks: number

  beforeAll(async () => {
    t = await makeTestApp()
    const started = await startBundledPlan(t, 'pingnan')
    planId = started.planId
    office = await loginAs(t, 'office', {
      roles: ['reviewer', 'department'],
      units: [{ policyId: started.policyId, unitId: 'leadership-group-office' }],
    })
    department = await loginAs(t, 'finance', {
      units: [{ policyId: started.policyId, unitId: 'county-finance-bureau' }],
    })
    const count = await t.db
      .selectFrom('task')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow()
    planTasks = Number(count.n)
  })

  it('lists every task of the plan for its office', async () => {
    const own = (await (await office.get(`/api/tasks?plan=${planId}`)).json()) as TaskList
    expect(own.counts.total).toBeLessThan(planTasks)
    const all = (await (await office.get(`/api/tasks?scope=all&plan=${planId}`)).json()) as TaskList
    expect(all.counts.total).toBe(planTasks)
    expect(new Set(all.tasks.map((task) => task.assignee.id)).size).toBeGreaterThan(2)
  })

  it('pages the office’s list as any list is paged', async () => {
    const page = (await (
      await office.get(`/api/tasks?scope=all&plan=${planId}&limit=5`)
    ).json()) as TaskList
    expect(page.tasks).toHaveLength(5)
    expect(page.counts.total).toBe(planTasks)
  })

  it('opens any task of the plan for its office, as the list shows it', async () => {
    const all = (await (await office.get(`/api/tasks?scope=all&plan=${planId}`)).json()) as TaskList
    const other = all.tasks.find((task) => task.assignee.id === 'county-finance-bureau')!
    expect((await office.get(`/api/tasks/${other.id}`)).status).toBe(200)
  })

  it('keeps a unit’s scope: asking for all gives its own tasks', async () => {
    const all = (await (
      await department.get(`/api/tasks?scope=all&plan=${planId}`)
    ).json()) as TaskList
    expect(all.counts.total).toBeGreaterThan(0)
    expect(all.tasks.every((task) => task.assignee.id === 'county-finance-bureau')).toBe(true)
  })

  it('lists every escalated task of the plan for its office, and a unit only its own', async () => {
    const finance = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', planId)
      .where('assignee', '=', 'county-finance-bureau')
      .executeTakeFirstOrThrow()
    const other = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', planId)
      .where('assignee', 'not in', ['county-finance-bureau', 'leadership-group-office'])
      .executeTakeFirstOrThrow()
    await t.db
      .updateTable('task')
      .set({ escalation_level: 3 })
      .where('id', 'in', [finance.id, other.id])
      .execute()
    const supervised = async (client: Client) =>
      (
        (await (await client.get(`/api/plans/${planId}/escalations`)).json()) as {
          supervise: Array<{ id: string }>
        }
      ).supervise
        .map((task) => task.id)
        .sort()
    expect(await supervised(office)).toEqual([finance.id, other.id].sort())
    expect(await supervised(department)).toEqual([finance.id])
  })
})
