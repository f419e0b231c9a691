/**
 * @module What a plan's status lets be written (plans/plan-lifecycle.ts): an archived plan nothing,
 * a suspended or closed one no work on its tasks. Asked where a plan is loaded for a write — the
 * plan routes (plans/visible-plan.ts) and a task's events (tasks/send-event.ts) — so each refusal
 * is said once.
 */
import type { PlanRow } from '../db/database.ts'
import { AppError } from '../errors.ts'

/**
 * Refuses any write to an archived plan — the one check, asked where a plan is loaded for a
 * mutating request (plans/visible-plan.ts) and by a task event (tasks/send-event.ts).
 * @throws AppError 409 `plan-archived`
 */
export function refuseArchivedWrite(plan: Pick<PlanRow, 'status'>): void {
  if (plan.status === 'archived')
    throw new AppError(
      409,
      'plan-archived',
      {
        zh: '该计划已归档，只能查看，不能再修改任务、指标值、考核或成员。',
        en: 'The plan is archived and read-only: its tasks, indicator values, assessments and members can no longer change.',
      },
      { status: plan.status },
    )
}

/**
 * Refuses work on a plan that is not running: task events and phase sign-off wait while it is
 * suspended, and end with it when it is closed.
 * @throws AppError 409 `plan-suspended` or `plan-closed` (and `plan-archived`)
 */
export function refuseWorkUnlessRunning(plan: Pick<PlanRow, 'status'>): void {
  refuseArchivedWrite(plan)
  if (plan.status === 'suspended')
    throw new AppError(
      409,
      'plan-suspended',
      {
        zh: '该计划已暂停：恢复之前不能办理任务或签认阶段，仍可查看。',
        en: 'The plan is suspended: tasks cannot be acted on, nor phases signed off, until it is resumed. Reading still works.',
      },
      { status: plan.status },
    )
  if (plan.status === 'closed')
    throw new AppError(
      409,
      'plan-closed',
      {
        zh: '该计划已关闭，任务不再办理。',
        en: 'The plan is closed: its tasks are no longer acted on.',
      },
      { status: plan.status },
    )
}
