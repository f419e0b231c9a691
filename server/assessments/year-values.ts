/**
 * @module The values an annual assessment reads: each unit's inputs for the year. A value
 * entered for the year itself wins; otherwise the year is built from its months or quarters —
 * counts, amounts and days add up, a yes/no is yes if any period says yes, and rates take the
 * latest period (a rate cannot be summed).
 */
import { Decimal } from 'decimal.js'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { FormulaValue } from '../formula/evaluate-formula.js'
import type { EntryInput } from '../indicators/inputs.js'

const ADDITIVE = new Set<EntryInput['valueType']>(['count', 'amount', 'days'])

/** unit id → input id → value, for the given units and year. */
export async function yearValues(
  db: Kysely<Database>,
  planId: string,
  units: readonly string[],
  year: number,
  inputs: ReadonlyMap<string, EntryInput>,
): Promise<Map<string, Map<string, FormulaValue>>> {
  const rows = units.length
    ? await db
        .selectFrom('indicator_value')
        .select(['unit_id', 'element_id', 'period', 'value'])
        .where('plan_id', '=', planId)
        .where('unit_id', 'in', [...units])
        .where((eb) => eb.or([eb('period', '=', String(year)), eb('period', 'like', `${year}-%`)]))
        .orderBy('period')
        .execute()
    : []
  const byUnit = new Map<string, Map<string, FormulaValue>>(units.map((unit) => [unit, new Map()]))
  const annual = new Set<string>()
  for (const row of rows) {
    const values = byUnit.get(row.unit_id)!
    const key = `${row.unit_id}|${row.element_id}`
    const value: FormulaValue = row.value === 'true' ? true : row.value === 'false' ? false : new Decimal(row.value)
    if (row.period === String(year)) {
      annual.add(key)
      values.set(row.element_id, value)
      continue
    }
    if (annual.has(key)) continue
    const previous = values.get(row.element_id)
    const input = inputs.get(row.element_id)
    if (previous === undefined || !input) values.set(row.element_id, value)
    else if (typeof value === 'boolean') values.set(row.element_id, value || previous === true)
    else if (ADDITIVE.has(input.valueType) && previous instanceof Decimal) values.set(row.element_id, previous.plus(value))
    else values.set(row.element_id, value) // rows come in period order: the latest wins
  }
  return byUnit
}
