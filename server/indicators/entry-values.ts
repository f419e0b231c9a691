/**
 * @module When a unit submits its indicator entry task, the report's numbers become the unit's
 * values for that period — in the same transaction as the submission, so the task and the
 * values never disagree. They are weighed like any write: a value locked by review, or one that
 * breaks a validation rule with what is stored, refuses the submission (422 `invalid-values`, at
 * the field's pointer) and nothing is written. A resubmission after a return corrects them, with
 * history. A one-off (`once`) report has no period of its own: its values are the year's it is
 * due in (or, with no deadline, the year it is submitted in), so the yearly series and the
 * assessments read them.
 */
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { checkValue } from './check-value.ts'
import { entryInputs } from './inputs.ts'
import {
  inputNames,
  readLocked,
  readStored,
  valueIssue,
  valuesRefused,
  weighValues,
  writeValues,
} from './rules/check-write.ts'
import type { Correction, ValueIssue } from './rules/check-write.ts'
import { entryValueKey, yearOf } from './entry-data.ts'
import { entryDutiesOf } from './entry-duties.ts'
import type { NewIndicatorValue } from './value-store.ts'
import { readJson } from '../db/json-columns.ts'

/**
 * Stores a submitted entry task's values.
 * @throws AppError 422 `invalid-values` when a lock or an error rule refuses a value
 * @returns the values stored, the corrections among them, and the warnings of rules they break
 */
export async function recordEntryValues(
  trx: Transaction<Database>,
  model: PlanModel,
  task: TaskRow,
  actor: string,
  now: Date,
): Promise<{ count: number; corrections: Correction[]; warnings: ValueIssue[] }> {
  const entry = entryDutiesOf(model).get(task.source_id)
  if (!entry || !task.data) return { count: 0, corrections: [], warnings: [] }
  const data = readJson('task', 'data', task.data)
  const { unit, period } = entryValueKey(task, entry, yearOf(now))
  const rows: NewIndicatorValue[] = []
  for (const input of entry.inputs) {
    if (data[input.id] === undefined) continue
    // The form has already checked ranges; this normalises to exact decimal text.
    const checked = checkValue(input, data[input.id])
    if (!checked.ok) continue
    rows.push({
      plan_id: task.plan_id,
      element_id: input.id,
      unit_id: unit,
      period,
      value: checked.value,
      source: 'form',
      task_id: task.id,
      entered_by: actor,
      entered_at: now.toISOString(),
    })
  }
  const stored = await readStored(trx, task.plan_id, rows)
  const locked = await readLocked(trx, model, task.plan_id, rows, now)
  const weighed = weighValues(
    model.config,
    rows,
    stored,
    locked,
    inputNames(entryInputs(model.config)),
  )
  const pointer = (index: number) => `/data/${rows[index]!.element_id}`
  if (weighed.errors.length > 0)
    throw valuesRefused(
      weighed.errors.map((problem) => valueIssue(problem, pointer(problem.index))),
    )
  const corrections = await writeValues(trx, rows, stored, { actor, at: now.toISOString() })
  return {
    count: rows.length,
    corrections,
    warnings: weighed.warnings.map((problem) => valueIssue(problem, pointer(problem.index))),
  }
}
