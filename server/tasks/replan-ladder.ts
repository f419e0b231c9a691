/**
 * @module Re-plans a task's escalation ladder when its deadline moves outside a plan revision (an
 * approved 延期): its pending 提醒/催办/督办/通报 timers are cancelled and the ladder starts again
 * from the new date with the same {@link nextEscalationTimer} a revision uses
 * (plans/migration-preview.ts), so both count offsets, working days and 调休 alike.
 */
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { insertChunked, nextEscalationTimer } from './task-rows.ts'

/** The timer kinds of the escalation ladder. */
export const LADDER_KINDS = ['remind', 'overdue', 'escalate'] as const

/**
 * Cancels the task's pending ladder timers and plans its first step from `dueOn`; returns how
 * many were cancelled and when the new first step fires (undefined when the ladder is past).
 */
export async function replanLadder(
  trx: Transaction<Database>,
  model: PlanModel,
  task: Pick<TaskRow, 'id' | 'plan_id'>,
  dueOn: string,
): Promise<{ cancelled: number; nextAt: string | undefined }> {
  const cancelled = await trx
    .updateTable('timer')
    .set({ status: 'cancelled' })
    .where('task_id', '=', task.id)
    .where('status', '=', 'pending')
    .where('kind', 'in', [...LADDER_KINDS])
    .executeTakeFirst()
  const next = nextEscalationTimer(model, task.plan_id, task.id, dueOn)
  if (next) await insertChunked(trx, 'timer', [next])
  return { cancelled: Number(cancelled.numUpdatedRows), nextAt: next?.fire_at }
}
