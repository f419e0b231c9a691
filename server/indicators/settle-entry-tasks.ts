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
import type { Kysely, Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import { civilDateAt, dateParts } from '../../domain/deadlines/index.ts'
import type { PlanModel } from '../plans/plan-model.ts'
import { applyTaskEvent } from '../tasks/apply-event.ts'
import { REGION_UNIT } from './inputs.ts'
import type { EntryDuty } from './entry-duties.ts'
import { readJson } from '../db/json-columns.ts'

const OPEN = ['assigned', 'in_progress', 'returned'] as const

/** The year (in China) of an instant: a one-off report without a deadline belongs to it. */
export function yearOf(now: Date): number {
  return dateParts(civilDateAt(now)).year
}

/** The unit and period an entry task's values are stored under. */
export function entryValueKey(task: Pick<TaskRow, 'assignee' | 'period' | 'due_on'>, entry: EntryDuty, fallbackYear: number): { unit: string; period: string } {
  return {
    unit: entry.valuesFor === REGION_UNIT ? REGION_UNIT : task.assignee,
    // A one-off report's values belong to the year it is due in.
    period: task.period === 'once' ? String(task.due_on ? dateParts(task.due_on).year : fallbackYear) : task.period,
  }
}

/** The stored values of an entry task's inputs, as its form takes them (numbers, yes/no). */
export async function storedEntryData(db: Kysely<Database> | Transaction<Database>, model: PlanModel, task: TaskRow, fallbackYear: number): Promise<Record<string, number | boolean>> {
  const entry = model.entries.get(task.source_id)
  if (!entry || entry.inputs.length === 0) return {}
  const { unit, period } = entryValueKey(task, entry, fallbackYear)
  const rows = await db
    .selectFrom('indicator_value')
    .select(['element_id', 'value'])
    .where('plan_id', '=', task.plan_id)
    .where('unit_id', '=', unit)
    .where('period', '=', period)
    .where('element_id', 'in', entry.inputs.map((input) => input.id))
    .execute()
  return formValues(entry, new Map(rows.map((row) => [row.element_id, row.value])))
}

/** Stored values as the entry form takes them: numbers and yes/no, for the task's inputs only. */
function formValues(entry: EntryDuty, stored: ReadonlyMap<string, string>): Record<string, number | boolean> {
  const data: Record<string, number | boolean> = {}
  for (const input of entry.inputs) {
    const value = stored.get(input.id)
    if (value !== undefined) data[input.id] = value === 'true' ? true : value === 'false' ? false : Number(value)
  }
  return data
}

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
  if (written.length === 0 || model.entries.size === 0) return 0
  const units = [...new Set(written.map((row) => row.unit_id))]
  const periods = new Set(written.map((row) => row.period))
  let query = trx
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('kind', '=', 'indicator-entry')
    .where('state', 'in', [...OPEN])
    .where((eb) => eb.or([eb('period', 'in', [...periods]), eb('period', '=', 'once')]))
  // The region's values are entered by the office, whose id is not the unit written.
  if (!units.includes(REGION_UNIT)) query = query.where('assignee', 'in', units)
  const candidates = await query.execute()
  const fallbackYear = yearOf(options.now)
  // One read of everything stored for these units and periods (an import can complete thousands
  // of tasks at once), then each task is checked against it.
  const rows = candidates.length
    ? await trx.selectFrom('indicator_value').select(['unit_id', 'period', 'element_id', 'value']).where('plan_id', '=', planId)
        .where('unit_id', 'in', units).where('period', 'in', [...periods]).execute()
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
    const entry = model.entries.get(task.source_id)
    if (!entry || entry.inputs.length === 0) continue
    const key = entryValueKey(task, entry, fallbackYear)
    const values = stored.get(`${key.unit}\u0000${key.period}`)
    if (!values || !entry.inputs.every((input) => values.has(input.id))) continue
    const data = { ...(readJson('task', 'data', task.data) ?? {}), ...formValues(entry, values) }
    const apply = { model, now: options.now, actor: options.actor, requestId: null }
    const result = await applyTaskEvent(trx, task, { type: task.state === 'returned' ? 'RESUBMIT' : 'SUBMIT', data }, apply)
    if (!result.ok) continue // a lead still waiting for contributions: it stays open
    submitted += 1
    if (options.approve && result.task.state === 'submitted') await applyTaskEvent(trx, result.task, { type: 'APPROVE' }, apply)
  }
  return submitted
}
