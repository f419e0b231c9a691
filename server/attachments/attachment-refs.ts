/**
 * @module The reference table between attachments and tasks. A task's data refers to a file only
 * through a field whose form schema holds attachments; each write of task data records those
 * references in the same transaction. A user may read a file they uploaded, or one a task they may
 * see refers to — and a report may refer only to such a file.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { canSeeTask } from '../access/visibility.ts'
import { taskAttachmentFields } from './attachment-fields.ts'

/**
 * Records the references a task's newly written data makes, inside the writing transaction.
 * Ids that name no stored attachment are skipped (the form check refuses them for users).
 */
export async function recordAttachmentRefs(
  trx: Transaction<Database>,
  model: PlanModel,
  task: TaskRow,
  data: unknown,
  at: string,
): Promise<void> {
  const fields = taskAttachmentFields(model, task.source_id, data)
  if (fields.length === 0) return
  const stored = await trx
    .selectFrom('attachment')
    .select('id')
    .where('id', 'in', [...new Set(fields.map((f) => f.id))])
    .execute()
  const known = new Set(stored.map((row) => row.id))
  const rows = fields
    .filter((field) => known.has(field.id))
    .map((field) => ({
      attachment_id: field.id,
      task_id: task.id,
      plan_id: task.plan_id,
      pointer: field.pointer,
      created_at: at,
    }))
  if (rows.length === 0) return
  await trx
    .insertInto('attachment_ref')
    .values(rows)
    .onConflict((oc) => oc.columns(['attachment_id', 'task_id', 'pointer']).doNothing())
    .execute()
}

/**
 * Of these ids, the attachments the user may read: their own uploads, and files a task the user
 * may see refers to. Ids match exactly (an id in other letter case names nothing).
 */
export async function readableAttachments(
  db: Kysely<Database>,
  user: CurrentUser,
  ids: readonly string[],
): Promise<Set<string>> {
  const readable = new Set<string>()
  if (ids.length === 0) return readable
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'user_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  const others: string[] = []
  for (const row of rows) {
    if (row.user_id === user.id) readable.add(row.id)
    else others.push(row.id)
  }
  if (others.length === 0) return readable
  const refs = await db
    .selectFrom('attachment_ref')
    .innerJoin('task', 'task.id', 'attachment_ref.task_id')
    .selectAll('task')
    .select('attachment_ref.attachment_id')
    .where('attachment_ref.attachment_id', 'in', others)
    .execute()
  const plans = new Map<string, PlanContext>()
  for (const { attachment_id: attachmentId, ...task } of refs) {
    if (readable.has(attachmentId)) continue
    const context = plans.get(task.plan_id) ?? (await loadPlanContext(db, task.plan_id))
    plans.set(task.plan_id, context)
    if (canSeeTask(user, context.plan.policy_id, task, context.model)) readable.add(attachmentId)
  }
  return readable
}

/**
 * Refuses form data that refers to a file the user may not read (or that does not exist), with a
 * 422 naming each such field — so nobody can attach, and so read, someone else's evidence.
 * @throws AppError 422 `invalid-form-data`, one issue per refused field at `/data/…`.
 */
export async function checkAttachmentRefs(
  db: Kysely<Database>,
  user: CurrentUser,
  model: PlanModel,
  task: TaskRow,
  data: unknown,
): Promise<void> {
  const fields = taskAttachmentFields(model, task.source_id, data)
  if (fields.length === 0) return
  const readable = await readableAttachments(
    db,
    user,
    fields.map((field) => field.id),
  )
  const issues: RequestIssue[] = fields
    .filter((field) => !readable.has(field.id))
    .map((field) => ({
      pointer: `/data${field.pointer}`,
      code: 'invalid-value',
      message: {
        zh: '附件不存在或你无权使用，请重新上传',
        en: 'The attachment does not exist or is not yours to use; upload it again',
      },
    }))
  if (issues.length)
    throw new AppError(
      422,
      'invalid-form-data',
      { zh: '表单填写有误', en: 'The form has errors' },
      { issues },
    )
}
