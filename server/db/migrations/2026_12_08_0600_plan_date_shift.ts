/**
 * `plan.shift_years`: a plan may run its version's calendar moved by whole years (the 演示 plan a
 * demo start runs now from a policy whose own dates are past). 0 for every plan started before.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plan')
    .addColumn('shift_years', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan').dropColumn('shift_years').execute()
}
