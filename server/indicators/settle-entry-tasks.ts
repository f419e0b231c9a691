/**
 * @module Values entered outside an entry task (an import, the value API, the demo) fulfil that
 * task. A unit that imported its year's figures has reported them: its entry task for the year
 * must not stay open, go overdue and escalate to 通报 for data the platform already uses. So
 * after every write, each open entry task whose inputs now all have a value for its unit and
 * period is submitted with those values — in the same transaction, by whoever wrote them — and
 * goes to its reviewer like any report (with nobody to review it, it stays submitted: only a review
 * approves indicator data). A task still missing
 * some inputs stays open; its form shows the values already stored (`storedEntryData`).
 */
import type { Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import { OWING_STATES } from '../../domain/workflow/task-states.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { applyTaskEvent } from '../tasks/apply-event.ts'
import { entryValueKey, formValues, yearOf } from './entry-data.ts'
import { entryDutiesOf } from './entry-duties.ts'
import { REGION_UNIT } from './inputs.ts'
import { readJson } from '../db/json-columns.ts'

/**
 * Submits every open entry task of the plan that the values now written complete.
 * @param written the units and periods just written (a year also reaches `once` tasks due in it)
 * @returns how many tasks were submitted
 */
export async function settleEntryTasks(
  trx: Transaction<Database>,
  model: PlanModel,
  planId: string,
  written: ReadonlyArray<{ unit_id: string; period: string }>,
  options: { actor: string; now: Date; approve?: boolean },
): Promise<number> {
  const entries = entryDutiesOf(model)
  if (written.length === 0 || entries.size === 0) return 0
  const units = [...new Set(written.map((row) => row.unit_id))]
  const periods = new Set(written.map((row) => row.period))
  let query = trx
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('kind', '=', 'indicator-entry')
    .where('state', 'in', [...OWING_STATES])
    .where((eb) => eb.or([eb('period', 'in', [...periods]), eb('period', '=', 'once')]))
  // The region's values are entered by the office, whose id is not the unit written.
  if (!units.includes(REGION_UNIT)) query = query.where('assignee', 'in', units)
  const candidates = await query.execute()
  const fallbackYear = yearOf(options.now)
  // One read of everything stored for these units and periods (an import can complete thousands
  // of tasks at once), then each task is checked against it.
  const rows = candidates.length
    ? await trx
        .selectFrom('indicator_value')
        .select(['unit_id', 'period', 'element_id', 'value'])
        .where('plan_id', '=', planId)
        .where('unit_id', 'in', units)
        .where('period', 'in', [...periods])
        .execute()
    : []
  const stored = new Map<string, Map<string, string>>()
  for (const row of rows) {
    const key = `${row.unit_id}\u0000${row.period}`
    const values = stored.get(key) ?? new Map<string, string>()
    values.set(row.element_id, row.value)
    stored.set(key, values)
  }
  let submitted = 0
  for (const task of candidates) {
    const entry = entries.get(task.source_id)
    if (!entry || entry.inputs.length === 0) continue
    const key = entryValueKey(task, entry, fallbackYear)
    const values = stored.get(`${key.unit}\u0000${key.period}`)
    if (!values || !entry.inputs.every((input) => values.has(input.id))) continue
    const data = { ...(readJson('task', 'data', task.data) ?? {}), ...formValues(entry, values) }
    const apply = { model, now: options.now, actor: options.actor, requestId: null }
    const result = await applyTaskEvent(
      trx,
      task,
      { type: task.state === 'returned' ? 'RESUBMIT' : 'SUBMIT', data },
      apply,
    )
    if (!result.ok) continue // a lead still waiting for contributions: it stays open
    submitted += 1
    if (options.approve && result.task.state === 'submitted')
      await applyTaskEvent(trx, result.task, { type: 'APPROVE' }, apply)
  }
  return submitted
}
