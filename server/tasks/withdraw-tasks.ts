/**
 * @module Withdrawing tasks: the one operation that ends work which no longer applies — a unit
 * left the group that owned it, or a running plan moved to a revised policy that dropped it. A
 * withdrawn task is never deleted: it keeps its history, gains a `WITHDRAW` event with the reason,
 * who and when, and from then on counts toward nothing (progress, phase gates, escalation; its
 * pending timers are cancelled by {@link applyTaskEvent}). A finished task stays finished.
 */
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import {
  isClosedState,
  isFinishedState,
  isWithdrawnState,
} from '../../domain/workflow/task-states.ts'
import { applyTaskEvent } from './apply-event.ts'

export interface Withdrawal {
  model: PlanModel
  /** Why, as people will read it in the task's history. */
  reason: string
  actor: string
  now: Date
  requestId?: string | null
}

/** True for a task a withdrawal would end: neither finished, withdrawn nor closed. */
export function isWithdrawable(task: Pick<TaskRow, 'state'>): boolean {
  return !isFinishedState(task.state) && !isWithdrawnState(task.state) && !isClosedState(task.state)
}

/**
 * The tasks to withdraw for `selected`: those of them still open, the open contributions of
 * every lead among them (a supporting unit's part feeds the lead's task, which is going away),
 * and the open sub-tasks split from any of them, level by level (tasks/split-task.ts).
 * Pure, so a dry run answers exactly what {@link withdrawTasks} would do.
 * @param tasks The tasks of the plan the contributions and sub-tasks are looked up among.
 */
export function withContributions(
  tasks: readonly TaskRow[],
  selected: readonly TaskRow[],
): TaskRow[] {
  const chosen = new Map(selected.filter(isWithdrawable).map((task) => [task.id, task]))
  const below = tasks.filter(
    (task) =>
      (task.role === 'support' || task.role === 'sub') &&
      task.parent_task_id !== null &&
      isWithdrawable(task),
  )
  // A sub-task may itself have been split: repeat until a pass adds nothing.
  for (let added = true; added;) {
    added = false
    for (const task of below)
      if (!chosen.has(task.id) && chosen.has(task.parent_task_id!)) {
        chosen.set(task.id, task)
        added = true
      }
  }
  return [...chosen.values()]
}

/**
 * Withdraws each task inside the caller's transaction (skipping any another request ended
 * meanwhile); returns the rows as withdrawn. Pass the contributions too ({@link withContributions}).
 * @throws AppError 409 `version-mismatch` when a task changed since it was read.
 */
export async function withdrawTasks(
  trx: Transaction<Database>,
  tasks: readonly TaskRow[],
  withdrawal: Withdrawal,
): Promise<TaskRow[]> {
  const withdrawn: TaskRow[] = []
  // Contributions first: each one counts down on its lead while the lead is still open.
  const ordered = [...tasks].sort(
    (a, b) => Number(b.role === 'support') - Number(a.role === 'support'),
  )
  for (const task of ordered) {
    // Reread: withdrawing a contribution steps its lead, so the lead's version has moved on.
    const current = await trx
      .selectFrom('task')
      .selectAll()
      .where('id', '=', task.id)
      .executeTakeFirst()
    if (!current || !isWithdrawable(current)) continue
    const result = await applyTaskEvent(
      trx,
      current,
      { type: 'WITHDRAW', reason: withdrawal.reason },
      {
        model: withdrawal.model,
        now: withdrawal.now,
        actor: withdrawal.actor,
        requestId: withdrawal.requestId ?? null,
      },
    )
    if (result.ok) withdrawn.push(result.task)
  }
  return withdrawn
}
