/**
 * @module A task event that is not a step of the task's machine — a 延期 request or decision, a
 * 催办 by a person, a split, a transfer — written the way machine events are: the task's version goes up (so a page
 * open elsewhere reloads before acting), the event joins the task's history, and the audit log
 * records it, all in the caller's transaction.
 */
import type { Transaction, Updateable } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, TaskRow, TaskTable } from '../db/database.ts'
import { TaskChangedError } from '../errors.ts'
import { newId } from '../ids.ts'

export interface RecordOptions {
  actor: string
  now: Date
  requestId?: string | null
  /** Columns of the task changed with the event (a new due date). */
  set?: Updateable<TaskTable>
}

/**
 * Records `type` with `payload` in the task's history and the audit log; returns the task row as
 * written.
 * @throws AppError 409 `version-mismatch` when the task changed since it was read
 */
export async function recordTaskEvent(
  trx: Transaction<Database>,
  task: TaskRow,
  type: string,
  payload: Record<string, unknown>,
  options: RecordOptions,
): Promise<TaskRow> {
  const at = options.now.toISOString()
  const set = { ...options.set, version: task.version + 1, updated_at: at }
  await recordTaskHistory(
    trx,
    task,
    type,
    payload,
    options.actor,
    at,
    options.requestId ?? null,
    options.set,
  )
  await appendAudit(trx, [
    {
      at,
      actor: options.actor,
      action: `task.${type.toLowerCase().replace(/_/g, '-')}`,
      entity: 'task',
      entityId: task.id,
      planId: task.plan_id,
      payload: { ...payload, requestId: options.requestId ?? null },
    },
  ])
  return { ...task, ...set }
}

/**
 * The history entry alone, without the audit row (a split or a transfer audits itself): `type`
 * with `payload` joins the task's history and the task takes its next version, with `changes`
 * written to the row (a transfer's new assignee).
 * @returns the task's new version
 * @throws AppError 409 `version-mismatch` when the task changed since it was read
 */
export async function recordTaskHistory(
  trx: Transaction<Database>,
  task: Pick<TaskRow, 'id' | 'version'>,
  type: string,
  payload: Record<string, unknown>,
  actor: string,
  at: string,
  requestId: string | null,
  changes: Updateable<TaskTable> = {},
): Promise<number> {
  const update = await trx
    .updateTable('task')
    .set({ ...changes, version: task.version + 1, updated_at: at })
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .executeTakeFirst()
  if (Number(update.numUpdatedRows) !== 1) throw new TaskChangedError()
  await trx
    .insertInto('task_event')
    .values({
      id: newId(),
      task_id: task.id,
      seq: task.version,
      type,
      payload: JSON.stringify(payload),
      actor,
      at,
      request_id: requestId,
    })
    .execute()
  return task.version + 1
}
