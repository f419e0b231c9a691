/**
 * Indicator values (per plan, data element, unit and period) and assessment runs with one result
 * per assessed unit. Values are exact decimals kept as text, so no float ever touches a score.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_value')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('element_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_value_pk', ['plan_id', 'element_id', 'unit_id', 'period'])
    .execute()
  await db.schema
    .createIndex('indicator_value_by_unit')
    .on('indicator_value')
    .columns(['plan_id', 'unit_id', 'period'])
    .execute()

  await db.schema
    .createTable('assessment_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('assessment_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_note', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .execute()
  await db.schema
    .createIndex('assessment_run_one_per_period')
    .on('assessment_run')
    .columns(['plan_id', 'assessment_id', 'period'])
    .unique()
    .execute()

  await db.schema
    .createTable('assessment_result')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('total', 'text')
    .addColumn('grade_id', 'text')
    .addColumn('vetoed_by', 'text')
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('consequences', 'text')
    .addPrimaryKeyConstraint('assessment_result_pk', ['run_id', 'unit_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_result').execute()
  await db.schema.dropTable('assessment_run').execute()
  await db.schema.dropTable('indicator_value').execute()
}
