/** Groups of groups: Chongqing's 区县政府 are its national and municipal pilot districts together. */
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { makeTestApp, startBundledPlan } from '../helpers/test-app.ts'

describe('a group made of groups', () => {
  it('resolves Chongqing’s 区县政府 to the six districts of its two pilot sets', async () => {
    const t = await makeTestApp('2024-05-06T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'chongqing')
    const { model } = await loadPlanContext(t.db, planId)
    expect(model.resolveOwners(['district-county-governments']).actors.sort()).toEqual(
      [
        'banan-district',
        'bishan-district',
        'dazu-district',
        'fuling-district',
        'liangjiang-new-area',
        'yongchuan-district',
      ].sort(),
    )
    // Duties led by 区县政府 go to each district.
    const tasks = await t.db
      .selectFrom('task')
      .select('assignee')
      .where('plan_id', '=', planId)
      .where('source_id', '=', 'fulfil-district-fiscal-responsibility')
      .execute()
    expect(tasks.map((task) => task.assignee).sort()).toHaveLength(6)
  })
})
