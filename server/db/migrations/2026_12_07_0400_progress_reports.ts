/**
 * 周期反馈 and 三色预警: `progress_report` keeps each progress report a unit makes on a long
 * task — the period it answers (the date the report was due), percent complete, text, who and
 * when; `light_clearance` keeps each time the office cleared a task's red light, with its reason.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('progress_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('task.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('progress_report_task')
    .on('progress_report')
    .columns(['task_id', 'reported_at'])
    .execute()
  await db.schema
    .createIndex('progress_report_plan')
    .on('progress_report')
    .columns(['plan_id'])
    .execute()
  await db.schema
    .createTable('light_clearance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('task.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('cleared_by', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('light_clearance_plan')
    .on('light_clearance')
    .columns(['plan_id', 'task_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('light_clearance').execute()
  await db.schema.dropTable('progress_report').execute()
}
