/**
 * @module 转办: the plan's office (or whoever directs the policy) moves a task assigned to the
 * wrong unit to the right one. The task keeps its id, state, history, data and timers — reminders
 * and escalation reach whoever it is assigned to when they fire — and what it reviewed (its
 * sub-tasks, its supporting units' contributions) is reviewed by the new unit. Both units are
 * notified; the move is in the task's history and the audit log.
 */
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { insertNotification } from '../notifications/insert-notification.ts'
import { directs } from '../access/visibility.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { TransferTaskBody } from '../../schemas/api/requests.schema.ts'
import { ENDED_STATES } from '../../domain/workflow/task-states.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { mayAct } from './access.ts'
import { recordTaskHistory } from './record-event.ts'

/** True when the user may transfer the plan's tasks: its office, or who directs the policy. */
export function mayTransfer(user: CurrentUser, context: PlanContext): boolean {
  const { model, plan } = context
  return (
    directs(user, plan.policy_id) ||
    (model.office !== null && mayAct(user, plan.policy_id, [model.office]))
  )
}

/** The units a task may be transferred to: the plan's units and members, not external ones. */
export function transferTargets(context: PlanContext): Array<{ id: string; name: string }> {
  const external = new Set(
    context.model.config.organizations.units.filter((u) => u.external).map((u) => u.id),
  )
  return [...context.model.actors(context.members).entries()]
    .filter(([id]) => !external.has(id))
    .map(([id, actor]) => ({ id, name: actor.name }))
}

/**
 * Moves the task to `toUnit` in the caller's transaction.
 * @returns the task as it now is
 * @throws AppError 403 (neither the office nor who directs), 409 `conflict` (the task has ended,
 *   or the unit already holds this duty's task of that role and period), 422 `invalid-body` at
 *   `/toUnit`
 */
export async function transferTask(
  trx: Transaction<Database>,
  context: PlanContext,
  user: CurrentUser,
  taskId: string,
  body: TransferTaskBody,
  now: Date,
  requestId: string | null,
): Promise<TaskRow> {
  if (!mayTransfer(user, context))
    throw new AppError(403, 'forbidden', {
      zh: '只有牵头办公室可以转办任务。',
      en: 'Only the plan’s office may transfer a task.',
    })
  const task = await trx
    .selectFrom('task')
    .selectAll()
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow()
  const { model } = context
  if (
    taskHasTag(model, task, 'finished') ||
    taskHasTag(model, task, 'withdrawn') ||
    taskHasTag(model, task, 'closed')
  )
    throw new AppError(
      409,
      'conflict',
      { zh: '任务已结束，不能转办。', en: 'The task has ended; it cannot be transferred.' },
      { state: task.state },
    )
  const targets = new Set(transferTargets(context).map((unit) => unit.id))
  const invalid = (zh: string, en: string) =>
    new AppError(
      422,
      'invalid-body',
      { zh: '转办单位有误', en: 'The unit to transfer to is wrong' },
      { issues: [{ pointer: '/toUnit', code: 'invalid-unit', message: { zh, en } }] },
    )
  if (!targets.has(body.toUnit))
    throw invalid(
      `「${body.toUnit}」不是本计划的单位。`,
      `"${body.toUnit}" is not a unit of this plan.`,
    )
  if (body.toUnit === task.assignee)
    throw invalid('任务已由该单位承办。', 'The task is already assigned to that unit.')
  if (body.toUnit === task.reviewer)
    throw invalid(
      '该单位审核此任务，不能同时承办。',
      'That unit reviews this task; it cannot also carry it out.',
    )
  const clash = await trx
    .selectFrom('task')
    .select('id')
    .where('plan_id', '=', task.plan_id)
    .where('source_id', '=', task.source_id)
    .where('period', '=', task.period)
    .where('role', '=', task.role)
    .where('assignee', '=', body.toUnit)
    .where('state', 'not in', [...ENDED_STATES])
    .executeTakeFirst()
  if (clash)
    throw new AppError(
      409,
      'conflict',
      {
        zh: '该单位已承办同一职责、同一期次的任务，请在其任务上办理。',
        en: 'That unit already holds this duty’s task for the period; work on that one.',
      },
      { taskId: clash.id },
    )
  const at = now.toISOString()
  const from = task.assignee
  const version = await recordTaskHistory(
    trx,
    task,
    'TRANSFER',
    { from, to: body.toUnit, reason: body.reason },
    user.id,
    at,
    requestId,
    { assignee: body.toUnit },
  )
  // What the task reviewed — its sub-tasks, its contributions — the new unit reviews.
  await trx
    .updateTable('task')
    .set({ reviewer: body.toUnit })
    .where('parent_task_id', '=', task.id)
    .where('reviewer', '=', from)
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor: user.id,
      action: 'task.transfer',
      entity: 'task',
      entityId: task.id,
      planId: task.plan_id,
      payload: { from, to: body.toUnit, reason: body.reason, requestId },
    },
  ])
  const names = model.actors(context.members)
  const toName = names.get(body.toUnit)?.name ?? body.toUnit
  const fromName = names.get(from)?.name ?? from
  const told = { planId: task.plan_id, taskId: task.id, kind: 'assigned', at } as const
  await insertNotification(trx, {
    ...told,
    recipient: body.toUnit,
    message: `任务由${fromName}转办至本单位：${body.reason}`,
  })
  await insertNotification(trx, {
    ...told,
    recipient: from,
    message: `任务已转办至${toName}：${body.reason}`,
  })
  return { ...task, assignee: body.toUnit, version, updated_at: at }
}
