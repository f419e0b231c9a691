/**
 * @module 延期申请: before its deadline the task's unit asks for a new due date, with its reason
 * and progress; the reviewer the config names (`escalation.extensions.reviewer`, else the task's
 * reviewer, else the plan's office) approves or refuses. One request is pending at a time. An
 * approval moves the due date, keeps the first date in `original_due_on`, and re-plans the
 * reminders and escalation from the new date; each step is in the task's history, the audit log
 * and the other side's notifications.
 */
import type { Kysely, Transaction } from 'kysely'
import { addDays, civilDateAt } from '../../domain/deadlines/index.ts'
import type {
  ExtensionDecisionBody,
  ExtensionRequestBody,
} from '../../schemas/api/requests.schema.ts'
import { actorsOf } from '../access/visibility.ts'
import { refuseWorkUnlessRunning } from '../access/plan-writable.ts'
import type { Database, ExtensionRequestRow, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { newId } from '../ids.ts'
import { insertNotification } from '../notifications/insert-notification.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import { visibleTask } from './send-event.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { resumeProgressReports } from './progress-reports.ts'
import { replanLadder } from './replan-ladder.ts'
import { recordTaskEvent } from './record-event.ts'

export interface ActingOn {
  user: CurrentUser
  now: Date
  requestId?: string | null
}

/** Who decides a task's extension requests (null when the plan names no one). */
export function extensionReviewer(model: PlanModel, task: TaskRow): string | null {
  return model.config.escalation?.extensions?.reviewer ?? task.reviewer ?? model.office
}

/** The task's pending request, if any. */
export async function pendingExtension(
  db: Transaction<Database> | Kysely<Database>,
  taskId: string,
): Promise<ExtensionRequestRow | undefined> {
  return db
    .selectFrom('extension_request')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
}

/** True when nothing more is owed on the task: approved, withdrawn or closed with its plan. */
export function isFinished(model: PlanModel, task: TaskRow): boolean {
  return (['finished', 'withdrawn', 'closed'] as const).some((tag) => taskHasTag(model, task, tag))
}

export function finishedTask(): AppError {
  return new AppError(409, 'task-finished', {
    zh: '该任务已办结、撤回或关闭，不能再申请延期或催办。',
    en: 'The task is finished, withdrawn or closed; it takes no extension or urging.',
  })
}

/**
 * Records the unit's request for a new due date and tells the reviewer.
 * @throws AppError 403 (not the task's unit); 409 `extension-too-late`, `extension-pending`,
 *   `task-finished`, `conflict` (no deadline, no one to decide, not owing now); 422 `invalid-body`
 *   at `/dueOn` (not later, or beyond `maxDays`)
 */
export async function requestExtension(
  trx: Transaction<Database>,
  context: PlanContext,
  taskId: string,
  body: ExtensionRequestBody,
  by: ActingOn,
): Promise<ExtensionRequestRow> {
  const { model, plan } = context
  const task = await currentTask(trx, taskId)
  if (!actorsOf(by.user, plan.policy_id).has(task.assignee))
    throw new AppError(403, 'forbidden', {
      zh: '只有该任务的责任单位可以申请延期。',
      en: 'Only the unit the task is assigned to may ask for an extension.',
    })
  if (isFinished(model, task)) throw finishedTask()
  if (!task.due_on)
    throw new AppError(409, 'conflict', {
      zh: '该任务没有截止日，无需延期。',
      en: 'The task has no deadline to extend.',
    })
  const today = civilDateAt(by.now)
  if (today > task.due_on)
    throw new AppError(
      409,
      'extension-too-late',
      {
        zh: `截止日 ${task.due_on} 已过，不能再申请延期；请尽快报送，或联系办公室说明情况。`,
        en: `The deadline ${task.due_on} has passed; an extension must be asked for before it. Report as soon as you can, or explain to the office.`,
      },
      { dueOn: task.due_on },
    )
  if (!taskHasTag(model, task, 'owing'))
    throw new AppError(409, 'conflict', {
      zh: '报送正在审核中，此时不能申请延期。',
      en: 'The report is under review; an extension cannot be asked for now.',
    })
  const limit = model.config.escalation?.extensions?.maxDays
  const first = task.original_due_on ?? task.due_on
  const latest = limit ? addDays(first, limit) : undefined
  if (body.dueOn <= task.due_on || (latest && body.dueOn > latest))
    throw new AppError(
      422,
      'invalid-body',
      { zh: '申请的截止日不可用', en: 'The due date asked for cannot be used' },
      {
        issues: [
          {
            pointer: '/dueOn',
            message:
              body.dueOn <= task.due_on
                ? {
                    zh: `新截止日应晚于当前截止日 ${task.due_on}`,
                    en: `The new due date must be after the current one, ${task.due_on}`,
                  }
                : {
                    zh: `最多可延期 ${limit} 天，即不晚于 ${latest}`,
                    en: `At most ${limit} days later than ${first}: on or before ${latest}`,
                  },
          },
        ],
      },
    )
  const reviewer = extensionReviewer(model, task)
  if (!reviewer)
    throw new AppError(409, 'conflict', {
      zh: '该计划没有可审批延期的单位（配置 escalation.extensions.reviewer）。',
      en: 'No one in this plan decides extensions (set escalation.extensions.reviewer).',
    })
  if (await pendingExtension(trx, task.id))
    throw new AppError(409, 'extension-pending', {
      zh: '该任务已有待审批的延期申请，请等待审批结果。',
      en: 'An extension request for this task is already waiting for a decision.',
    })
  refuseWorkUnlessRunning(await planStatus(trx, task.plan_id))
  const at = by.now.toISOString()
  const row: ExtensionRequestRow = {
    id: newId(),
    task_id: task.id,
    plan_id: task.plan_id,
    unit: task.assignee,
    requested_by: by.user.id,
    requested_at: at,
    due_from: task.due_on,
    due_to: body.dueOn,
    reason: body.reason,
    percent: body.percent ?? null,
    progress: body.progress ?? null,
    reviewer,
    status: 'pending',
    decided_by: null,
    decided_at: null,
    note: null,
  }
  await trx.insertInto('extension_request').values(row).execute()
  await recordTaskEvent(
    trx,
    task,
    'EXTENSION_REQUESTED',
    {
      extension: row.id,
      dueFrom: row.due_from,
      dueTo: row.due_to,
      reason: row.reason,
      percent: row.percent,
      progress: row.progress,
    },
    { actor: by.user.id, now: by.now, requestId: by.requestId ?? null },
  )
  await insertNotification(trx, {
    planId: task.plan_id,
    taskId: task.id,
    recipient: reviewer,
    kind: 'extension-requested',
    message: `延期申请：截止日 ${row.due_from} 申请延至 ${row.due_to}（${row.reason}）`,
    at,
    sender: by.user.id,
  })
  return row
}

/**
 * Approves or refuses the pending request. An approval moves the due date and re-plans the
 * ladder from it; either way the unit is told.
 * @throws AppError 403 (not the reviewer); 409 `conflict` (nothing pending), `task-finished`
 */
export async function decideExtension(
  trx: Transaction<Database>,
  context: PlanContext,
  taskId: string,
  body: ExtensionDecisionBody,
  by: ActingOn,
): Promise<ExtensionRequestRow> {
  const { model, plan } = context
  const task = await currentTask(trx, taskId)
  const pending = await pendingExtension(trx, task.id)
  if (!pending)
    throw new AppError(409, 'conflict', {
      zh: '该任务没有待审批的延期申请。',
      en: 'The task has no extension request waiting for a decision.',
    })
  if (!actorsOf(by.user, plan.policy_id).has(pending.reviewer))
    throw new AppError(403, 'forbidden', {
      zh: '只有延期申请的审批单位可以审批。',
      en: 'Only the reviewer of the extension request may decide it.',
    })
  if (isFinished(model, task)) throw finishedTask()
  refuseWorkUnlessRunning(await planStatus(trx, task.plan_id))
  const at = by.now.toISOString()
  const status = body.approve ? ('approved' as const) : ('refused' as const)
  const note = body.note?.trim() || null
  const decided = { status, decided_by: by.user.id, decided_at: at, note }
  const updated = await trx
    .updateTable('extension_request')
    .set(decided)
    .where('id', '=', pending.id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError(409, 'conflict', {
      zh: '该延期申请已被审批，请刷新。',
      en: 'The extension request was decided meanwhile; reload.',
    })
  const ladder = body.approve ? await replanLadder(trx, model, task, pending.due_to) : undefined
  if (body.approve)
    await resumeProgressReports(trx, model, task, pending.due_to, civilDateAt(by.now))
  await recordTaskEvent(
    trx,
    task,
    body.approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REFUSED',
    {
      extension: pending.id,
      dueFrom: pending.due_from,
      dueTo: pending.due_to,
      note,
      ...(ladder
        ? { cancelledTimers: ladder.cancelled, nextReminderAt: ladder.nextAt ?? null }
        : {}),
    },
    {
      actor: by.user.id,
      now: by.now,
      requestId: by.requestId ?? null,
      ...(body.approve
        ? { set: { due_on: pending.due_to, original_due_on: task.original_due_on ?? task.due_on } }
        : {}),
    },
  )
  await insertNotification(trx, {
    planId: task.plan_id,
    taskId: task.id,
    recipient: task.assignee,
    kind: 'extension-decided',
    message: body.approve
      ? `延期申请已同意：截止日改为 ${pending.due_to}${note ? `（${note}）` : ''}`
      : `延期申请未同意：截止日仍为 ${pending.due_from}${note ? `（${note}）` : ''}`,
    at,
    sender: by.user.id,
  })
  return { ...pending, ...decided }
}

async function currentTask(trx: Transaction<Database>, taskId: string): Promise<TaskRow> {
  return trx.selectFrom('task').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow()
}

async function planStatus(trx: Transaction<Database>, planId: string) {
  return trx.selectFrom('plan').select('status').where('id', '=', planId).executeTakeFirstOrThrow()
}

/**
 * The task if the user may see it, or decides its pending extension request (a reviewer the config
 * names may otherwise not see the unit's tasks); else a 404, audited as {@link visibleTask} does.
 */
export async function visibleOrDeciding(
  deps: Parameters<typeof visibleTask>[0],
  user: CurrentUser,
  taskId: string,
): Promise<{ task: TaskRow; context: PlanContext }> {
  const pending = await pendingExtension(deps.reads, taskId)
  if (pending) {
    const context = await loadPlanContext(deps.reads, pending.plan_id)
    if (actorsOf(user, context.plan.policy_id).has(pending.reviewer)) {
      const task = await deps.reads
        .selectFrom('task')
        .selectAll()
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow()
      return { task, context }
    }
  }
  return visibleTask(deps, user, taskId)
}
