/**
 * @module Loads the demo indicator data into the Meishan plan (demo-indicator-values.ts) and the
 * Chongqing plan (demo-chongqing-values.ts, all for the whole region), once:
 * a plan that already holds demo values is left alone, so a second `npm start` adds nothing and
 * never overwrites what someone entered since. Each county's values go to the unit that reports
 * for it: the plan's 医共体 of that county (a `medical-communities` member whose name starts with
 * the county's), else the county's 卫健局, which files the county's 医共体 monitoring data.
 */
import { appendAudit } from '../audit/audit-log.ts'
import type { Clock } from '../clock.ts'
import type { Store } from '../db/group-commit.ts'
import { entryInputs, REGION_UNIT } from '../indicators/inputs.ts'
import { upsertValues } from '../indicators/value-store.ts'
import { settleEntryTasks } from '../indicators/settle-entry-tasks.ts'
import type { NewIndicatorValue } from '../indicators/value-store.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { DEMO_COUNTIES, DEMO_POLICY_ID, demoIndicatorValues } from './demo-indicator-values.ts'
import type { DemoCounty, DemoValue } from './demo-indicator-values.ts'
import { CHONGQING_DEMO_POLICY_ID, chongqingDemoValues } from './demo-chongqing-values.ts'

/** The demo values of each policy that has some. */
const DEMO_SETS: Record<string, () => DemoValue[]> = {
  [DEMO_POLICY_ID]: demoIndicatorValues,
  [CHONGQING_DEMO_POLICY_ID]: chongqingDemoValues,
}

/** The unit holding a county's demo values in a plan, or none. */
export function demoUnitFor(plan: PlanContext, county: DemoCounty): string | undefined {
  const name = DEMO_COUNTIES.find((entry) => entry.key === county)!.name
  const community = (plan.members['medical-communities'] ?? []).find((unit) =>
    unit.name.startsWith(name),
  )
  if (community) return community.id
  const bureau = `${county}-health-bureau`
  return plan.model.actors(plan.members).has(bureau) ? bureau : undefined
}

/**
 * Inserts the demo values into a plan of the demo policy (only those of `periods`, when given: a
 * plan driven through its years gets each year's values when they were due); returns how many
 * were written.
 */
export async function seedIndicatorValues(
  store: Store,
  clock: Clock,
  plan: PlanContext,
  periods?: readonly string[],
): Promise<number> {
  const demoValues = DEMO_SETS[plan.plan.policy_id]
  if (!demoValues) return 0
  let query = store.db
    .selectFrom('indicator_value')
    .select('plan_id')
    .where('plan_id', '=', plan.plan.id)
    .where('source', '=', 'demo')
  if (periods) query = query.where('period', 'in', periods.length ? [...periods] : [''])
  const existing = await query.limit(1).execute()
  if (existing.length > 0) return 0
  const inputs = entryInputs(plan.model.config)
  const at = clock.now().toISOString()
  const units = new Map(DEMO_COUNTIES.map(({ key }) => [key, demoUnitFor(plan, key)]))
  const rows: NewIndicatorValue[] = []
  for (const value of demoValues()) {
    if (periods && !periods.includes(value.period)) continue
    const unit = value.county === 'region' ? REGION_UNIT : units.get(value.county)
    // A config edited since the data was written may have dropped an element: skip, never fail.
    if (!unit || !inputs.has(value.element)) continue
    rows.push({
      plan_id: plan.plan.id,
      element_id: value.element,
      unit_id: unit,
      period: value.period,
      value: value.value,
      source: 'demo',
      task_id: null,
      entered_by: 'system',
      entered_at: at,
    })
  }
  if (rows.length === 0) return 0
  await store.writes.run(async (trx) => {
    await upsertValues(trx, rows)
    // The demo's past years were reported and accepted: their entry tasks are closed, not overdue.
    await settleEntryTasks(trx, plan.model, plan.plan.id, rows, {
      actor: 'system',
      now: clock.now(),
      approve: true,
    })
    await appendAudit(trx, [
      {
        at,
        actor: 'system',
        action: 'indicator-values.seed',
        entity: 'plan',
        entityId: plan.plan.id,
        planId: plan.plan.id,
        payload: { values: rows.length, source: 'demo' },
      },
    ])
  })
  return rows.length
}
