/** GET /api/plans/:id/progress groups the tasks by the document's own parts, apart from phases. */
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'

describe('GET /api/plans/:id/progress by the document’s parts', () => {
  it('counts Pingnan’s duties under 一、 to 五、 in document order, every lead task once', async () => {
    const t = await makeTestApp('2018-07-02T09:00:00+08:00')
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    const office = await loginAs(t, 'office', {
      units: [{ policyId, unitId: 'leadership-group-office' }],
    })
    const response = await office.get(`/api/plans/${planId}/progress`)
    expect(response.status).toBe(200)
    const { parts } = (await response.json()) as {
      parts: Array<{ part: string; duties: number; tasks: { total: number } }>
    }
    expect(parts.map((p) => p.part)).toEqual(['一、', '二、', '三、', '四、', '五、'])
    const tasks = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', planId)
      .where('kind', '=', 'responsibility')
      .where('role', '!=', 'sub')
      .execute()
    expect(parts.reduce((sum, p) => sum + p.tasks.total, 0)).toBe(tasks.length)
  })
})
