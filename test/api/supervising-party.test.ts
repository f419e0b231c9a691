/**
 * A supervising party (督促/指导, `supervisors`) distinct from the implementer: in Chongqing's
 * plan 市卫生健康委 指导督促 the districts' work. It sees their tasks; it is given none, and it
 * cannot act on theirs.
 */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'

const POLICY = 'chongqing-urban-medical-group'

describe('a supervising party (督促/指导)', () => {
  it('sees the districts’ tasks of a duty it supervises, is given none, and cannot start one', async () => {
    const t = await makeTestApp('2024-05-06T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'chongqing')
    const commission = await loginAs(t, 'commission', {
      units: [{ policyId: POLICY, unitId: 'municipal-health-commission' }],
    })
    const fuling = await taskId(
      t,
      planId,
      'fulfil-district-fiscal-responsibility',
      'fuling-district',
    )
    expect((await commission.get(`/api/tasks/${fuling}`)).status).toBe(200)
    // Its own tasks are those it leads (市卫生健康委 拟定考核评价方案 …), never a district's.
    const own = await t.db
      .selectFrom('task')
      .select('source_id')
      .where('plan_id', '=', planId)
      .where('assignee', '=', 'municipal-health-commission')
      .execute()
    expect(own.map((row) => row.source_id)).not.toContain('fulfil-district-fiscal-responsibility')
    const started = await commission.post(`/api/tasks/${fuling}/events`, { type: 'START' })
    expect(started.status).toBeGreaterThanOrEqual(400)
    expect(started.status).toBeLessThan(500)
  })

  it('does not let a unit that supervises nothing see the districts’ tasks', async () => {
    const t = await makeTestApp('2024-05-06T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'chongqing')
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId: POLICY, unitId: 'municipal-finance-bureau' }],
    })
    const fuling = await taskId(
      t,
      planId,
      'fulfil-district-fiscal-responsibility',
      'fuling-district',
    )
    const body = (await (await finance.get('/api/tasks')).json()) as {
      tasks: Array<{ id: string }>
    }
    expect(body.tasks.map((task) => task.id)).not.toContain(fuling)
  })
})
