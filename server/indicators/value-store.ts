/**
 * @module Storing and reading indicator values. Writes are upserts keyed by (plan, element,
 * unit, period): a corrected value replaces the old one, and the audit log keeps what changed.
 */
import type { Insertable, Kysely, Transaction } from 'kysely'
import type { Database, IndicatorValueTable } from '../db/database.ts'

export type NewIndicatorValue = Insertable<IndicatorValueTable>

/**
 * Upserts values in chunks under SQLite's bound-parameter limit; the same on PostgreSQL. A
 * correction carries its new version, after the caller kept the replaced row's history
 * (rules/check-write.ts); rows without one (seeds, fixtures) are version 1. Give every row of a
 * call a version or none.
 */
export async function upsertValues(
  trx: Transaction<Database> | Kysely<Database>,
  rows: readonly NewIndicatorValue[],
): Promise<void> {
  const size = 2500 // 10 columns a row
  for (let index = 0; index < rows.length; index += size) {
    await trx
      .insertInto('indicator_value')
      .values(rows.slice(index, index + size))
      .onConflict((oc) =>
        oc.columns(['plan_id', 'element_id', 'unit_id', 'period']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source: eb.ref('excluded.source'),
          task_id: eb.ref('excluded.task_id'),
          entered_by: eb.ref('excluded.entered_by'),
          entered_at: eb.ref('excluded.entered_at'),
          version: eb.ref('excluded.version'),
        })),
      )
      .execute()
  }
}

/** Every value of a plan for some units (all units when omitted), ordered for display. */
export async function readValues(
  db: Kysely<Database>,
  planId: string,
  filter: { units?: readonly string[]; periodPrefix?: string; elements?: readonly string[] } = {},
) {
  let query = db.selectFrom('indicator_value').selectAll().where('plan_id', '=', planId)
  if (filter.units)
    query = query.where('unit_id', 'in', filter.units.length ? [...filter.units] : [''])
  if (filter.elements)
    query = query.where('element_id', 'in', filter.elements.length ? [...filter.elements] : [''])
  if (filter.periodPrefix) query = query.where('period', 'like', `${filter.periodPrefix}%`)
  return query.orderBy('unit_id').orderBy('period').orderBy('element_id').execute()
}
