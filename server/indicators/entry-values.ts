/**
 * @module When a unit submits its indicator entry task, the report's numbers become the unit's
 * values for that period — in the same transaction as the submission, so the task and the
 * values never disagree. A resubmission after a return replaces them. A one-off (`once`) report
 * has no period of its own: its values are the year's it is due in (or, with no deadline, the
 * year it is submitted in), so the yearly series and the assessments read them.
 */
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.js'
import type { PlanModel } from '../plans/plan-model.js'
import { checkValue } from './check-value.js'
import { entryValueKey, yearOf } from './settle-entry-tasks.js'
import { upsertValues } from './value-store.js'
import type { NewIndicatorValue } from './value-store.js'

export async function recordEntryValues(trx: Transaction<Database>, model: PlanModel, task: TaskRow, actor: string, now: Date): Promise<number> {
  const entry = model.entries.get(task.source_id)
  if (!entry || !task.data) return 0
  const data = JSON.parse(task.data) as Record<string, unknown>
  const { unit, period } = entryValueKey(task, entry, yearOf(now))
  const rows: NewIndicatorValue[] = []
  for (const input of entry.inputs) {
    if (data[input.id] === undefined) continue
    // The form has already checked ranges; this normalises to exact decimal text.
    const checked = checkValue(input, data[input.id])
    if (!checked.ok) continue
    rows.push({
      plan_id: task.plan_id, element_id: input.id, unit_id: unit, period, value: checked.value,
      source: 'form', task_id: task.id, entered_by: actor, entered_at: now.toISOString(),
    })
  }
  await upsertValues(trx, rows)
  return rows.length
}
