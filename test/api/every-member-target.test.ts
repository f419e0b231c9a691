/**
 * "每个卫生院不少于3人" in Pingnan's plan: an every-member target. A centre is met or not on its
 * own; a group or the county shows its worst centre, and is met only when every centre reported
 * and the worst meets it.
 */
import { upsertValues } from '../../server/indicators/value-store.ts'
import { indicatorScopes, indicatorSeries } from '../../server/indicators/indicator-series.ts'
import type { Scope } from '../../server/indicators/indicator-series.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const CENTERS = [
  { id: 'dazhou-thc', name: '大洲镇卫生院' },
  { id: 'danzhu-thc', name: '丹竹镇卫生院' },
  { id: 'guanyang-thc', name: '官成镇卫生院' },
]
const STAFF = 'resident-staff-per-township-center'

async function staffing(t: TestApp, staff: Record<string, number>) {
  const { planId } = await startBundledPlan(t, 'pingnan', { 'township-health-centers': CENTERS })
  await upsertValues(
    t.db,
    Object.entries(staff).map(([unit, value]) => ({
      plan_id: planId,
      element_id: STAFF,
      unit_id: unit,
      period: '2019',
      value: String(value),
      source: 'api' as const,
      task_id: null,
      entered_by: 'test',
      entered_at: '2019-03-01T00:00:00.000Z',
    })),
  )
  const context = await loadPlanContext(t.db, planId)
  const scopes = indicatorScopes(context)
  const at = async (scope: Scope) => {
    const series = await indicatorSeries(t.db, context, scope, [2019])
    return series.find((indicator) => indicator.id === STAFF)!.series[0]!
  }
  return { scopes, at }
}

describe('an every-member target (每个卫生院不少于3人)', () => {
  it('shows the county its worst centre: 2 of 4, 3, 2 people is 未达标 by 1, with every centre counted', async () => {
    const t = await makeTestApp('2019-03-01T09:00:00+08:00')
    const { scopes, at } = await staffing(t, {
      'dazhou-thc': 4,
      'danzhu-thc': 3,
      'guanyang-thc': 2,
    })
    const region = await at(scopes.find((scope) => scope.kind === 'region')!)
    expect(region).toMatchObject({ value: '2', status: 'not-met', gap: '1', reporting: 3 })
    expect(region.target).toMatchObject({ op: '>=', value: '3', each: true })
    const own = await at(scopes.find((scope) => scope.id === 'danzhu-thc')!)
    expect(own).toMatchObject({ value: '3', status: 'met' })
  })

  it('is met when every centre has at least 3, and not while one has not reported', async () => {
    const t = await makeTestApp('2019-03-01T09:00:00+08:00')
    const all = await staffing(t, { 'dazhou-thc': 4, 'danzhu-thc': 3, 'guanyang-thc': 3 })
    const region = all.scopes.find((scope) => scope.kind === 'region')!
    expect(await all.at(region)).toMatchObject({ value: '3', status: 'met', partial: false })

    const t2 = await makeTestApp('2019-03-01T09:00:00+08:00')
    const some = await staffing(t2, { 'dazhou-thc': 4, 'danzhu-thc': 3 })
    const partial = await some.at(some.scopes.find((scope) => scope.kind === 'region')!)
    expect(partial).toMatchObject({ value: '3', partial: true, reporting: 2 })
    expect(partial.status).toBe('not-met')
  })
})
