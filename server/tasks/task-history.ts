/**
 * @module An entry in a task's history that is not a step of its machine (a split, a transfer):
 * it takes the task's next version, as an event does, so `If-Match` and the history's order both
 * see it. The version must still be the one read, else nothing is written.
 */
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { newId } from '../ids.ts'

/**
 * Records `type` with `payload` in the task's history and advances its version; `changes` are
 * written to the row with it (a transfer's new assignee).
 * @returns the task's new version
 * @throws AppError 409 `version-mismatch` when the task changed since it was read
 */
export async function recordTaskHistory(
  trx: Transaction<Database>,
  task: Pick<TaskRow, 'id' | 'version'>,
  type: 'SPLIT' | 'TRANSFER',
  payload: Record<string, unknown>,
  actor: string,
  at: string,
  requestId: string | null,
  changes: Partial<Pick<TaskRow, 'assignee' | 'reviewer'>> = {},
): Promise<number> {
  const update = await trx
    .updateTable('task')
    .set({ ...changes, version: task.version + 1, updated_at: at })
    .where('id', '=', task.id)
    .where('version', '=', task.version)
    .executeTakeFirst()
  if (Number(update.numUpdatedRows) !== 1)
    throw new AppError(409, 'version-mismatch', {
      zh: '该任务已被他人修改，请刷新后重试。',
      en: 'The task was changed by someone else; reload it and try again.',
    })
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
