/**
 * @module The one place task rows and timer rows are built and inserted. Every kind of task —
 * a duty's lead and supporting units, a procedure's applicant, a rectification — starts as a row
 * from `taskRow()`, and every timer (the escalation ladder, a period or phase opening, a phase's
 * end) as a row from `timerRow()`, so a new column gets its default here once.
 */
import { CompiledQuery, PostgresAdapter } from 'kysely'
import type { Insertable, Transaction } from 'kysely'
import type { Database, NewTask, TimerTable } from '../db/database.ts'
import { newId } from '../ids.ts'
import { eventLoopTurn } from '../event-loop-turn.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { LEVELS } from '../plan-model/fire-times.ts'
import type { TaskFields } from '../task-kinds/task-kind.ts'

export type NewTimer = Insertable<TimerTable>

/** A new task row at version 1, with a fresh id, created `now` (ISO instant). */
export function taskRow(fields: TaskFields, now: string): NewTask {
  const { snapshot, ...rest } = fields
  return {
    ...rest,
    id: newId(),
    state: snapshot.value,
    snapshot: snapshot.json,
    version: 1,
    escalation_level: 0,
    data: null,
    created_at: now,
    updated_at: now,
  }
}

/** A pending timer of a plan (of one task when `taskId` is given) firing at `fireAt`. */
export function timerRow(
  planId: string,
  kind: TimerTable['kind'],
  fireAt: string,
  payload: unknown,
  taskId: string | null = null,
): NewTimer {
  return {
    id: newId(),
    plan_id: planId,
    task_id: taskId,
    kind,
    payload: JSON.stringify(payload),
    fire_at: fireAt,
    status: 'pending',
    claimed_by: null,
    claimed_at: null,
    fired_at: null,
  }
}

/**
 * The timer of the ladder's next step after `afterLevel` for one task (none without a due date,
 * or past the last step). Only one step is pending at a time: each fired step plans the next, so
 * a plan of 280,000 tasks starts with one timer per task, not four.
 */
export function nextEscalationTimer(
  model: PlanModel,
  planId: string,
  taskId: string,
  due: string | null,
  afterLevel = 0,
): NewTimer | undefined {
  if (!due) return undefined
  const step = model.escalationFor(due).find((s) => LEVELS[s.level] > afterLevel)
  if (!step) return undefined
  const kind = step.level === 'remind' ? 'remind' : step.level === 'urge' ? 'overdue' : 'escalate'
  return timerRow(planId, kind, step.fireAt, { level: step.level, notify: step.notify }, taskId)
}

/** The first escalation timer of each task that has a due date. */
export function escalationTimers(model: PlanModel, tasks: readonly NewTask[]): NewTimer[] {
  return tasks.flatMap(
    (task) => nextEscalationTimer(model, task.plan_id, task.id, task.due_on ?? null) ?? [],
  )
}

/** Bound values per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_PARAMETERS = 30000

/**
 * Inserts rows in multi-row statements that stay under the bound-parameter limit. Rows that all
 * have the same columns (every row built by {@link taskRow} or {@link timerRow}) are sent as
 * one statement text per chunk size, written once and prepared once, with their values in a flat
 * list: building and compiling a query object per chunk cost more than SQLite's own work at plan
 * start. Other rows go through the query builder.
 */
export async function insertChunked<T extends 'task' | 'timer'>(
  trx: Transaction<Database>,
  table: T,
  rows: Array<Insertable<Database[T]>>,
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter
  for (let index = 0; index < rows.length; index += size) {
    // Other requests are answered between chunks of a large insert (event-loop-turn.ts).
    if (index > 0) await eventLoopTurn()
    const chunk = rows.slice(index, index + size)
    const values = flatValues(chunk, columns)
    if (values) {
      const text = insertText(table, columns, chunk.length, postgres)
      await trx.executeQuery(CompiledQuery.raw(text, values))
    } else await trx.insertInto(table).values(chunk).execute()
  }
}

/** The rows' values in `columns` order, or undefined when a row has other columns or an undefined value. */
function flatValues(
  rows: ReadonlyArray<object>,
  columns: readonly string[],
): unknown[] | undefined {
  const values = new Array<unknown>(rows.length * columns.length)
  let at = 0
  for (const row of rows) {
    const record = row as Record<string, unknown>
    let own = 0
    for (const key in record) if (Object.hasOwn(record, key)) own++
    if (own !== columns.length) return undefined
    for (const column of columns) {
      const value = record[column]
      if (value === undefined) return undefined
      values[at++] = value
    }
  }
  return values
}

const INSERT_TEXTS = new Map<string, string>()

/** `insert into "table" ("a", "b") values (?, ?), (?, ?)` for `rows` rows ($1, $2 … on PostgreSQL). */
function insertText(table: string, columns: readonly string[], rows: number, postgres: boolean) {
  const key = `${postgres}|${table}|${rows}|${columns.join(',')}`
  let text = INSERT_TEXTS.get(key)
  if (text === undefined) {
    let n = 0
    const tuples = Array.from(
      { length: rows },
      () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`,
    )
    const names = columns.map((column) => `"${column}"`).join(', ')
    text = `insert into "${table}" (${names}) values ${tuples.join(', ')}`
    if (INSERT_TEXTS.size >= 64) INSERT_TEXTS.clear()
    INSERT_TEXTS.set(key, text)
  }
  return text
}
