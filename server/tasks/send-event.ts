/**
 * @module A user's event on a task: the task and its plan read in the request's one transaction
 * (http/write.ts; {@link eventTarget}) — whether the sender may see it is the caller's to ask,
 * another unit's task answering as a missing one, the attempt audited — then optimistic
 * concurrency (`If-Match`), the actor's right to send this event, the form data against the
 * task's form, and the machine, so a refusal leaves nothing written.
 */
import { PostgresAdapter } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import { deniedRead } from '../audit/denials.ts'
import { checkAttachmentRefs } from '../attachments/attachment-refs.ts'
import { schemaIssues } from '../../domain/compiler/schema-issues.ts'
import type { Database, TaskRow } from '../db/database.ts'
import type { GroupCommitter } from '../db/group-commit.ts'
import { AppError, notFound } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { Clock } from '../clock.ts'
import type { TaskEvent } from '../../domain/workflow/registry.ts'
import type { TaskEventBody } from '../../schemas/api/requests.schema.ts'
import { canSeeTask } from '../access/visibility.ts'
import { actorsFor, mayAct } from './access.ts'
import { applyTaskEvent } from './apply-event.ts'
import { formValidatorOf, taskKind } from '../task-kinds/registry.ts'
import { refuseWorkUnlessRunning } from '../access/plan-writable.ts'
import { readJson } from '../db/json-columns.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import { checkCloseOut } from './close-out.ts'
import { ENDED_STATES } from '../../domain/workflow/task-states.ts'

export interface SendEventInput {
  taskId: string
  body: TaskEventBody
  ifMatch?: number
  requestId?: string
}

/** What a task the reader may not see answers, as one that does not exist. */
export const NO_SUCH_TASK = { zh: '找不到该任务', en: 'No such task' }

const FORM_EVENTS = new Set(['SUBMIT', 'RESUBMIT', 'SAVE', 'COMPLETE'])

/** What an event is sent to: the task as read in the event's transaction, and its plan. */
export interface EventTarget {
  task: TaskRow
  context: PlanContext
}

const taskForUpdate = preparedQuery((db, taskId: string) =>
  db
    .selectFrom('task')
    // Locked on PostgreSQL, where writes run side by side: a second event for the task waits for
    // the first to commit and reads what it wrote, rather than losing the race at its update.
    // (SQLite has one writer, and no FOR UPDATE.)
    .$if(db.getExecutor().adapter instanceof PostgresAdapter, (query) => query.forUpdate())
    .selectAll()
    .where('id', '=', taskId),
)

/**
 * The task an event is for, read in the event's transaction, with its plan (read there too, so a
 * plan suspended, closed or archived a moment ago takes no event); null for no such task. Whether
 * the sender may see it is the caller's to ask (canSeeTask): a task hidden from them is a 404, and
 * the attempt is audited.
 */
export async function eventTarget(
  trx: Transaction<Database>,
  taskId: string,
): Promise<EventTarget | null> {
  const [task] = (await taskForUpdate(trx, taskId)).rows
  if (!task) return null
  return { task, context: await loadPlanContext(trx, task.plan_id) }
}

/**
 * Applies the user's event to its target ({@link eventTarget}) inside the caller's transaction;
 * returns the updated task.
 * @throws AppError 409 `version-mismatch`, `event-not-accepted`, `plan-suspended`, `plan-closed`
 *   or `plan-archived`; 403; 422 `invalid-form-data` or `evidence-required`
 */
export async function sendTaskEvent(
  trx: Transaction<Database>,
  { task: current, context }: EventTarget,
  user: CurrentUser,
  input: SendEventInput,
  now: Date,
): Promise<TaskRow> {
  const { model, plan } = context
  refuseWorkUnlessRunning(plan)
  if (input.ifMatch !== undefined && input.ifMatch !== current.version) {
    throw new AppError(
      409,
      'version-mismatch',
      {
        zh: `任务已更新为第 ${current.version} 版（请求基于第 ${input.ifMatch} 版），请刷新后重试。`,
        en: `The task is at version ${current.version}, not ${input.ifMatch}; reload it and try again.`,
      },
      { version: current.version, state: current.state },
    )
  }
  const event = toEvent(input.body)
  if (!mayAct(user, plan.policy_id, actorsFor(model, current, event.type))) {
    throw new AppError(403, 'forbidden', {
      zh: `你所在的单位不能对该任务执行「${event.type}」。`,
      en: `Your unit may not send ${event.type} to this task.`,
    })
  }
  if (event.type === 'SUBMIT' || event.type === 'RESUBMIT' || event.type === 'COMPLETE')
    await refuseWithOpenSubTasks(trx, current)
  if (FORM_EVENTS.has(event.type) && input.body.data !== undefined)
    checkForm(formValidatorOf(model, current.source_id), input.body.data, event.type === 'SAVE')
  if ((event.type === 'SUBMIT' || event.type === 'RESUBMIT') && input.body.data === undefined) {
    checkForm(
      formValidatorOf(model, current.source_id),
      readJson('task', 'data', current.data) ?? {},
      false,
    )
  }
  if (input.body.data !== undefined)
    await checkAttachmentRefs(trx, user, model, current, input.body.data)
  const record = event.type === 'APPROVE' ? await checkCloseOut(trx, model, current) : {}
  const result = await applyTaskEvent(trx, current, event, {
    model,
    now,
    actor: user.id,
    requestId: input.requestId ?? null,
    record,
  })
  if (!result.ok) {
    throw new AppError(
      409,
      'event-not-accepted',
      {
        zh: `任务当前状态为「${result.state}」，不接受「${event.type}」。可执行：${result.accepted.join('、') || '无'}。`,
        en: `The task is "${result.state}" and does not accept ${event.type}. Accepted: ${result.accepted.join(', ') || 'none'}.`,
      },
      { state: result.state, accepted: result.accepted },
    )
  }
  if (event.type === 'SUBMIT' || event.type === 'RESUBMIT') {
    await taskKind(current.kind).submitted?.(trx, model, result.task, user.id, now)
  }
  return result.task
}

const taskById = preparedQuery((db, taskId: string) =>
  db.selectFrom('task').selectAll().where('id', '=', taskId),
)

/**
 * The task if the user may see it, with its plan (loaded once for the whole request); otherwise a
 * 404, with the attempt written to the audit log.
 */
export async function visibleTask(
  deps: { reads: Kysely<Database>; clock: Clock; writes: GroupCommitter },
  user: CurrentUser,
  taskId: string,
): Promise<{ task: TaskRow; context: PlanContext }> {
  const [task] = (await taskById(deps.reads, taskId)).rows
  if (!task) throw notFound(NO_SUCH_TASK)
  const context = await loadPlanContext(deps.reads, task.plan_id)
  if (canSeeTask(user, context.plan.policy_id, task, context.model)) return { task, context }
  throw await deniedRead(deps, user, 'task', taskId, NO_SUCH_TASK)
}

/**
 * A task split into sub-tasks is reported once they are all done (approved or withdrawn): its
 * report consolidates theirs, so a submission before then is refused, naming those still open.
 */
async function refuseWithOpenSubTasks(trx: Transaction<Database>, task: TaskRow): Promise<void> {
  const open = await trx
    .selectFrom('task')
    .select(['id', 'assignee', 'state'])
    .where('parent_task_id', '=', task.id)
    .where('role', '=', 'sub')
    .where('state', 'not in', [...ENDED_STATES])
    .execute()
  if (open.length === 0) return
  throw new AppError(
    409,
    'conflict',
    {
      zh: `还有 ${open.length} 个子任务未办结（${open.map((sub) => sub.assignee).join('、')}），请待其审核通过后再报送。`,
      en: `${open.length} ${open.length === 1 ? 'sub-task is' : 'sub-tasks are'} not done yet (${open.map((sub) => sub.assignee).join(', ')}); submit once they are approved.`,
    },
    { openSubTasks: open },
  )
}

function toEvent(body: TaskEventBody): TaskEvent {
  switch (body.type) {
    case 'RETURN':
      return { type: 'RETURN', reason: body.reason ?? '' }
    case 'APPROVE':
      return body.comment ? { type: 'APPROVE', comment: body.comment } : { type: 'APPROVE' }
    case 'START':
      return { type: 'START' }
    case 'COMPLETE':
      return { type: 'COMPLETE', data: body.data }
    default:
      return { type: body.type, data: body.data }
  }
}

function checkForm(validate: import('ajv').ValidateFunction, data: unknown, draft: boolean): void {
  if (validate(data)) return
  const issues = schemaIssues(validate.errors)
    .filter((issue) => !draft || (issue.code !== 'missing-field' && issue.code !== 'empty'))
    .map((issue) => ({ ...issue, pointer: `/data${issue.pointer}` }))
  if (issues.length === 0) return
  throw new AppError(
    422,
    'invalid-form-data',
    { zh: '表单填写有误', en: 'The form has errors' },
    { issues },
  )
}
