/**
 * 层层分解: a task split into sub-tasks for units below its owner. A sub-task is a task row (role
 * `sub`, `parent_task_id` its parent); `sub_task` keeps what the split said of it — the
 * instruction, the share of the work, how deep it sits — and who split it, when.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sub_task')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('task.id'))
    .addColumn('parent_task_id', 'text', (c) => c.notNull().references('task.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('instruction', 'text', (c) => c.notNull())
    .addColumn('share', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sub_task_parent').on('sub_task').column('parent_task_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sub_task_parent').execute()
  await db.schema.dropTable('sub_task').execute()
}
