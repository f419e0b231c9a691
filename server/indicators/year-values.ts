/**
 * @module The values an annual assessment (and an indicator's yearly series) reads: each unit's
 * inputs for one year. A value entered for the year itself wins. Otherwise the year is built from
 * its months or its quarters — never from both, which would count the same visits twice:
 * - a data element that counts (人次, 元, 床日) adds up, but only over a whole year: all twelve
 *   months, or all four quarters. A year half reported is not the year's figure, so it stays
 *   missing (the assessment then names it) rather than being scored as if complete;
 * - a yes/no is yes if any period says yes;
 * - anything else (a rate, an average, an indicator entered as is) takes the latest period of the
 *   year, by the date it ends: December over October, and the month over the quarter that ends
 *   with it.
 */
import { Decimal } from 'decimal.js'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { FormulaValue } from '../../domain/formula/evaluate-formula.ts'
import type { EntryInput } from './inputs.ts'

const ADDITIVE = new Set<EntryInput['valueType']>(['count', 'amount', 'days'])

interface PeriodValue {
  period: string
  value: FormulaValue
}

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
        .execute()
    : []
  const collected = new Map<string, Map<string, PeriodValue[]>>(
    units.map((unit) => [unit, new Map()]),
  )
  for (const row of rows) {
    const byInput = collected.get(row.unit_id)!
    const value: FormulaValue =
      row.value === 'true' ? true : row.value === 'false' ? false : new Decimal(row.value)
    const list = byInput.get(row.element_id)
    if (list) list.push({ period: row.period, value })
    else byInput.set(row.element_id, [{ period: row.period, value }])
  }
  const byUnit = new Map<string, Map<string, FormulaValue>>()
  for (const [unit, byInput] of collected) {
    const values = new Map<string, FormulaValue>()
    for (const [id, periods] of byInput) {
      const value = valueOfYear(String(year), periods, inputs.get(id))
      if (value !== undefined) values.set(id, value)
    }
    byUnit.set(unit, values)
  }
  return byUnit
}

/** The year's value of one input from what was entered for the year, its quarters and months. */
export function valueOfYear(
  year: string,
  entered: readonly PeriodValue[],
  input: EntryInput | undefined,
): FormulaValue | undefined {
  const annual = entered.find((entry) => entry.period === year)
  if (annual) return annual.value
  const quarters = entered.filter((entry) => entry.period.includes('-Q'))
  const months = entered.filter((entry) => !entry.period.includes('-Q'))
  if (entered.some((entry) => typeof entry.value === 'boolean'))
    return entered.some((entry) => entry.value === true)
  if (input?.kind === 'data-element' && ADDITIVE.has(input.valueType)) {
    // Whole years only, from one grain: twelve months, else four quarters.
    const whole = months.length === 12 ? months : quarters.length === 4 ? quarters : undefined
    return whole?.reduce<Decimal>((sum, entry) => sum.plus(entry.value as Decimal), new Decimal(0))
  }
  return latest(entered)?.value
}

/** The entry whose period ends last; a month wins over the quarter that ends with it. */
function latest(entered: readonly PeriodValue[]): PeriodValue | undefined {
  const endMonth = (period: string) =>
    period.includes('-Q') ? Number(period.slice(-1)) * 3 : Number(period.slice(5, 7))
  let best: PeriodValue | undefined
  for (const entry of entered) {
    if (!best) best = entry
    else {
      const difference = endMonth(entry.period) - endMonth(best.period)
      if (difference > 0 || (difference === 0 && !entry.period.includes('-Q'))) best = entry
    }
  }
  return best
}
