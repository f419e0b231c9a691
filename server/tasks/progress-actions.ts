/**
 * @module What a unit and the office do about a task's progress, inside the request's one
 * transaction: a unit reports progress (周期反馈) on its own task; the office clears an overdue
 * task's red light with a reason (解除红灯). Both are audited with the write.
 */
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { AppError, forbidden } from '../errors.ts'
import { newId } from '../ids.ts'
import { refuseWorkUnlessRunning } from '../access/plan-writable.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import type { LightClearanceBody, ProgressReportBody } from '../../schemas/api/requests.schema.ts'
import { lightOf, loadSupervisionFacts } from './task-lights.ts'
import { mayClearRed, mayReport, periodFor } from './progress-reports.ts'

/** Records a progress report; only the assignee's units, while the task is owed. */
export async function reportProgress(
  trx: Transaction<Database>,
  context: PlanContext,
  user: CurrentUser,
  task: TaskRow,
  body: ProgressReportBody,
  now: Date,
) {
  refuseWorkUnlessRunning(context.plan)
  if (!mayReport(user, context, task))
    throw forbidden({
      zh: '只有承办单位可以报送该任务的进度',
      en: 'Only the assigned unit may report progress on this task',
    })
  if (!taskHasTag(context.model, task, 'owing'))
    throw new AppError(
      409,
      'conflict',
      {
        zh: '该任务已报送或已办结，不再报送进度',
        en: 'The task is handed in or finished: progress is no longer reported',
      },
      { state: task.state },
    )
  const at = now.toISOString()
  const period = await periodFor(trx, context.model, task, civilDateAt(now))
  const row = {
    id: newId(),
    plan_id: task.plan_id,
    task_id: task.id,
    period,
    percent: body.percent,
    text: body.text,
    reported_by: user.id,
    reported_at: at,
  }
  await trx.insertInto('progress_report').values(row).execute()
  await appendAudit(trx, [
    {
      at,
      actor: user.id,
      action: 'task.progress-report',
      entity: 'task',
      entityId: task.id,
      planId: task.plan_id,
      payload: { period, percent: body.percent, text: body.text },
    },
  ])
  return {
    id: row.id,
    period,
    percent: row.percent,
    text: row.text,
    reportedBy: user.id,
    reportedByName: user.displayName,
    reportedAt: at,
  }
}

/** Clears a task's red light with a reason; the office only, and only while the light is red. */
export async function clearRedLight(
  trx: Transaction<Database>,
  context: PlanContext,
  user: CurrentUser,
  task: TaskRow,
  body: LightClearanceBody,
  now: Date,
): Promise<void> {
  refuseWorkUnlessRunning(context.plan)
  if (!mayClearRed(user, context))
    throw forbidden({
      zh: '只有办公室可以解除红灯',
      en: 'Only the office may clear a red light',
    })
  const facts = await loadSupervisionFacts(trx, task.plan_id, [task.id])
  const light = lightOf(context.model, task, civilDateAt(now), facts)
  if (light !== 'red')
    throw new AppError(
      409,
      'conflict',
      { zh: '该任务当前不是红灯', en: 'The task’s light is not red' },
      { light },
    )
  const at = now.toISOString()
  await trx
    .insertInto('light_clearance')
    .values({
      id: newId(),
      plan_id: task.plan_id,
      task_id: task.id,
      reason: body.reason,
      cleared_by: user.id,
      cleared_at: at,
    })
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor: user.id,
      action: 'task.clear-red',
      entity: 'task',
      entityId: task.id,
      planId: task.plan_id,
      payload: { reason: body.reason, dueOn: task.due_on },
    },
  ])
}
