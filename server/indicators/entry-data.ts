/**
 * @module Where an entry task's values live: the unit and period they are stored under, and the
 * stored values as its form takes them. Read by the task's page, its submission and the locks.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import { civilDateAt, dateParts } from '../../domain/deadlines/index.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { entryDutiesOf } from './entry-duties.ts'
import type { EntryDuty } from './entry-duties.ts'
import { REGION_UNIT } from './inputs.ts'

/** The year (in China) of an instant: a one-off report without a deadline belongs to it. */
export function yearOf(now: Date): number {
  return dateParts(civilDateAt(now)).year
}

/** The unit and period an entry task's values are stored under. */
export function entryValueKey(
  task: Pick<TaskRow, 'assignee' | 'period' | 'due_on'>,
  entry: EntryDuty,
  fallbackYear: number,
): { unit: string; period: string } {
  return {
    unit: entry.valuesFor === REGION_UNIT ? REGION_UNIT : task.assignee,
    // A one-off report's values belong to the year it is due in.
    period:
      task.period === 'once'
        ? String(task.due_on ? dateParts(task.due_on).year : fallbackYear)
        : task.period,
  }
}

/** The stored values of an entry task's inputs, as its form takes them (numbers, yes/no). */
export async function storedEntryData(
  db: Kysely<Database> | Transaction<Database>,
  model: PlanModel,
  task: TaskRow,
  fallbackYear: number,
): Promise<Record<string, number | boolean>> {
  const entry = entryDutiesOf(model).get(task.source_id)
  if (!entry || entry.inputs.length === 0) return {}
  const { unit, period } = entryValueKey(task, entry, fallbackYear)
  const rows = await db
    .selectFrom('indicator_value')
    .select(['element_id', 'value'])
    .where('plan_id', '=', task.plan_id)
    .where('unit_id', '=', unit)
    .where('period', '=', period)
    .where(
      'element_id',
      'in',
      entry.inputs.map((input) => input.id),
    )
    .execute()
  return formValues(entry, new Map(rows.map((row) => [row.element_id, row.value])))
}

/** Stored values as the entry form takes them: numbers and yes/no, for the task's inputs only. */
export function formValues(
  entry: EntryDuty,
  stored: ReadonlyMap<string, string>,
): Record<string, number | boolean> {
  const data: Record<string, number | boolean> = {}
  for (const input of entry.inputs) {
    const value = stored.get(input.id)
    if (value !== undefined)
      data[input.id] = value === 'true' ? true : value === 'false' ? false : Number(value)
  }
  return data
}
