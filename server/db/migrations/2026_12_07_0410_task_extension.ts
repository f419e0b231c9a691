/**
 * 延期申请, 销号 and 催办 by a person. `extension_request` keeps every request for a new due date:
 * who asked (user and unit), the date asked for and the date it replaced, the reason and the
 * progress reported (percent and text), who decides it and what was decided. A task's
 * `original_due_on` is the date it had before its first approved extension (null when never
 * extended). A notification's `sender` is the user who sent it (null for the system's own).
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('extension_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('task.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('due_from', 'text', (c) => c.notNull())
    .addColumn('due_to', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('progress', 'text')
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createIndex('extension_request_task')
    .on('extension_request')
    .columns(['task_id', 'status'])
    .execute()
  await db.schema.alterTable('task').addColumn('original_due_on', 'text').execute()
  await db.schema.alterTable('notification').addColumn('sender', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notification').dropColumn('sender').execute()
  await db.schema.alterTable('task').dropColumn('original_due_on').execute()
  await db.schema.dropTable('extension_request').execute()
}
