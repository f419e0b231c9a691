/**
 * The rest of a plan's life: a plan is `running`, `suspended`, `closed` or `archived` (its
 * `status`, text as before). `suspended_at` is when the current suspension began (null when
 * running); `closed_at`, `closed_by` and `close_reason` say who closed it, when and why;
 * `archived_at` and `archived_by` when it became read-only. `plan_suspension` keeps every
 * suspension: who suspended and resumed it, why, and what became of the timers that fell due
 * meanwhile (fired once, or cancelled). Plans stored before are running, as they were.
 */
import type { Kysely } from 'kysely'

const PLAN_COLUMNS = [
  'suspended_at',
  'closed_at',
  'closed_by',
  'close_reason',
  'archived_at',
  'archived_by',
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of PLAN_COLUMNS)
    await db.schema.alterTable('plan').addColumn(column, 'text').execute()
  await db.schema
    .createTable('plan_suspension')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('suspended_at', 'text', (c) => c.notNull())
    .addColumn('suspended_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('resumed_at', 'text')
    .addColumn('resumed_by', 'text')
    .addColumn('fire_missed', 'integer')
    .addColumn('missed_fired', 'integer')
    .addColumn('missed_cancelled', 'integer')
    .execute()
  await db.schema
    .createIndex('plan_suspension_plan')
    .on('plan_suspension')
    .columns(['plan_id', 'suspended_at'])
    .execute()
  await db.schema.createIndex('plan_status').on('plan').column('status').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('plan_status').execute()
  await db.schema.dropTable('plan_suspension').execute()
  for (const column of [...PLAN_COLUMNS].reverse())
    await db.schema.alterTable('plan').dropColumn(column).execute()
}
