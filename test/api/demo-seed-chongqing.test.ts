/** The Chongqing demo: the national monitoring report's figures, for the whole region. */
import {
  CHONGQING_DEMO_POLICY_ID,
  CHONGQING_DEMO_YEAR,
  CHONGQING_REPORT_FIGURES,
} from '../../server/bootstrap/demo-chongqing-values.ts'
import { seedIndicatorValues } from '../../server/bootstrap/seed-indicator-values.ts'
import { entryDutiesOf } from '../../server/indicators/entry-duties.ts'
import { indicatorScopes, indicatorSeries } from '../../server/indicators/indicator-series.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { makeTestApp, startBundledPlan } from '../helpers/test-app.ts'

describe('the Chongqing demo data', () => {
  it('shows the report’s 41.71 / 39.67 / 33.24 / 65.81 % for the region, with no entry task for anyone', async () => {
    const t = await makeTestApp('2025-03-03T09:00:00+08:00')
    const plan = { id: (await startBundledPlan(t, 'chongqing')).planId }
    const context = await loadPlanContext(t.db, plan.id)
    expect(context.plan.policy_id).toBe(CHONGQING_DEMO_POLICY_ID)
    expect(await seedIndicatorValues(t, t.clock, context)).toBe(7)
    const region = indicatorScopes(context).find((scope) => scope.kind === 'region')!
    const series = await indicatorSeries(t.db, context, region, [CHONGQING_DEMO_YEAR])
    const shown = Object.fromEntries(
      series
        .filter((indicator) => indicator.series[0]!.value !== null)
        .map((indicator) => [indicator.id, Number(indicator.series[0]!.value)]),
    )
    expect(shown).toEqual(CHONGQING_REPORT_FIGURES)
    // The reply sets no reporting unit or frequency: the plan gives no one an entry duty.
    expect(entryDutiesOf(context.model).size).toBe(0)
    const tasks = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'indicator-entry')
      .execute()
    expect(tasks).toEqual([])
  })
})
