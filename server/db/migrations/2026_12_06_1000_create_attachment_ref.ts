/**
 * The reference table between attachments and the tasks whose form data holds them, at a field the
 * form marks `format: attachment-id`. Downloads are authorized through it instead of a text search
 * over task data. Existing data is backfilled: a reference is kept only when the file's uploader
 * sent an event to that task — a file someone else's id was copied into is not referenced.
 *
 * The backfill reads each plan's form schemas through the application's plan model, so it follows
 * forms as the versions define them.
 */
import type { Kysely } from 'kysely'
import { taskAttachmentFields } from '../../attachments/attachment-fields.ts'
import type { PolicyVersionRow } from '../database.ts'
import { planModel } from '../../plan-model/plan-model.ts'
import type { PlanModel } from '../../plan-model/plan-model.ts'

const PAGE = 500

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_ref')
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('pointer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_ref_pk', ['attachment_id', 'task_id', 'pointer'])
    .execute()
  await db.schema
    .createIndex('attachment_ref_by_task')
    .on('attachment_ref')
    .columns(['task_id'])
    .execute()
  await backfill(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_ref').execute()
}

async function backfill(db: Kysely<any>): Promise<void> {
  if (!(await db.selectFrom('attachment').select('id').limit(1).executeTakeFirst())) return
  const models = new Map<string, PlanModel | null>()
  const modelOf = async (planId: string): Promise<PlanModel | null> => {
    if (!models.has(planId)) {
      const version = (await db
        .selectFrom('plan')
        .innerJoin('policy_version', 'policy_version.id', 'plan.policy_version_id')
        .selectAll('policy_version')
        .where('plan.id', '=', planId)
        .executeTakeFirst()) as PolicyVersionRow | undefined
      models.set(planId, version ? planModel(version) : null)
    }
    return models.get(planId)!
  }
  for (let after = ''; ;) {
    const tasks: Array<{
      id: string
      plan_id: string
      source_id: string
      data: string
      updated_at: string
    }> = await db
      .selectFrom('task')
      .select(['id', 'plan_id', 'source_id', 'data', 'updated_at'])
      .where('data', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()
    if (tasks.length === 0) return
    after = tasks.at(-1)!.id
    const candidates: Array<{
      attachment_id: string
      task_id: string
      plan_id: string
      pointer: string
      created_at: string
    }> = []
    for (const task of tasks) {
      const model = await modelOf(task.plan_id)
      if (!model) continue
      for (const field of taskAttachmentFields(model, task.source_id, JSON.parse(task.data)))
        candidates.push({
          attachment_id: field.id,
          task_id: task.id,
          plan_id: task.plan_id,
          pointer: field.pointer,
          created_at: task.updated_at,
        })
    }
    if (candidates.length === 0) continue
    const uploaders = new Map<string, string>(
      (
        await db
          .selectFrom('attachment')
          .select(['id', 'user_id'])
          .where('id', 'in', [...new Set(candidates.map((c) => c.attachment_id))])
          .execute()
      ).map((row: { id: string; user_id: string }) => [row.id, row.user_id]),
    )
    const actors = new Set(
      (
        await db
          .selectFrom('task_event')
          .select(['task_id', 'actor'])
          .distinct()
          .where('task_id', 'in', [...new Set(candidates.map((c) => c.task_id))])
          .execute()
      ).map((row: { task_id: string; actor: string }) => `${row.task_id}\u0000${row.actor}`),
    )
    const rows = candidates.filter(
      (c) =>
        uploaders.has(c.attachment_id) &&
        actors.has(`${c.task_id}\u0000${uploaders.get(c.attachment_id)}`),
    )
    if (rows.length)
      await db
        .insertInto('attachment_ref')
        .values(rows)
        .onConflict((oc) => oc.columns(['attachment_id', 'task_id', 'pointer']).doNothing())
        .execute()
  }
}
