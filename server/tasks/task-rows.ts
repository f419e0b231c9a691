/**
 * @module The one place task rows and timer rows are built and inserted. Every kind of task —
 * a duty's lead and supporting units, a procedure's applicant, a rectification — starts as a row
 * from `taskRow()`, and every timer (the escalation ladder, a period or phase opening, a phase's
 * end) as a row from `timerRow()`, so a new column gets its default here once.
 */
import type { Insertable, Transaction } from 'kysely'
import type { Database, NewTask, TimerTable } from '../db/database.ts'
import { newId } from '../ids.ts'
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

/** Inserts rows in chunks that stay under SQLite's bound-parameter limit. */
export async function insertChunked<T extends 'task' | 'timer'>(
  trx: Transaction<Database>,
  table: T,
  rows: Array<Insertable<Database[T]>>,
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!).length
  const size = Math.max(1, Math.floor(30000 / columns))
  for (let index = 0; index < rows.length; index += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(index, index + size))
      .execute()
  }
}
