/**
 * A running plan can move to a revised version of its policy. Two columns follow from it:
 * `plan.revision`, a counter every change of the plan's make-up (a migration, a group's members)
 * advances, so a migration previewed against one make-up is refused once another has been
 * applied; and `task.report_flag`, set on a task whose submitted report no longer validates
 * against its revised form — the report itself is kept as submitted.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plan')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('task').addColumn('report_flag', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task').dropColumn('report_flag').execute()
  await db.schema.alterTable('plan').dropColumn('revision').execute()
}
