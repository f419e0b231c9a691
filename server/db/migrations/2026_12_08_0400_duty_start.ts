/**
 * Conditional and optional duties (`startsWhen`, `optional`) start while the plan runs, not when
 * it starts: `duty_start` records that a duty of a plan has started, when, and on what — the
 * event (a procedure step done, an assessment published) or an office activating it. A plan
 * holds tasks for such a duty only once it has a row here.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_start')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('duty_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_start_pk', ['plan_id', 'duty_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duty_start').execute()
}
