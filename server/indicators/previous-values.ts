/**
 * @module Last period's figures beside an entry form's boxes: a yearly report shows each input's
 * value of the year before (上年), a quarterly or monthly one the period before, so staff see at
 * once a figure typed ten times too large. Numbers are written with thousands separators.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { entryDutiesOf } from './entry-duties.ts'
import { entryValueKey, yearOf } from './entry-data.ts'

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 })

/** The period before a period: 2021 → 2020, 2021-Q1 → 2020-Q4, 2021-01 → 2020-12. */
export function previousPeriod(period: string): string | null {
  const year = /^(\d{4})$/.exec(period)
  if (year) return String(Number(year[1]) - 1)
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period)
  if (quarter) {
    const q = Number(quarter[2])
    return q === 1 ? `${Number(quarter[1]) - 1}-Q4` : `${quarter[1]}-Q${q - 1}`
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period)
  if (month) {
    const m = Number(month[2])
    return m === 1 ? `${Number(month[1]) - 1}-12` : `${month[1]}-${String(m - 1).padStart(2, '0')}`
  }
  return null
}

/** A stored value as staff read it: 1,234,567.5; 是 / 否 for yes/no. */
export function displayValue(value: string): string {
  if (value === 'true') return '是'
  if (value === 'false') return '否'
  const number = Number(value)
  return Number.isFinite(number) ? NUMBER.format(number) : value
}

/** The form with `上年：…（2020年）` (or `上期：…`) added to each input that has a value then. */
export async function withPreviousValues(
  db: Kysely<Database> | Transaction<Database>,
  model: PlanModel,
  task: TaskRow,
  form: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const entry = entryDutiesOf(model).get(task.source_id)
  if (!entry || entry.inputs.length === 0) return form
  const { unit, period } = entryValueKey(task, entry, yearOf(new Date(task.created_at)))
  const before = previousPeriod(period)
  if (!before) return form
  const rows = await db
    .selectFrom('indicator_value')
    .select(['element_id', 'value'])
    .where('plan_id', '=', task.plan_id)
    .where('unit_id', '=', unit)
    .where('period', '=', before)
    .where(
      'element_id',
      'in',
      entry.inputs.map((input) => input.id),
    )
    .execute()
  if (rows.length === 0) return form
  const yearly = /^\d{4}$/.test(before)
  const zhLabel = yearly ? `上年（${before}年）` : `上期（${before}）`
  const enLabel = yearly ? `Last year (${before})` : `Last period (${before})`
  const properties = { ...(form.properties as Record<string, Record<string, unknown>>) }
  for (const row of rows) {
    const field = properties[row.element_id]
    if (!field) continue
    // The description is bilingual (`中文 / English`): the value joins each half.
    const [zh = '', en = ''] = (typeof field.description === 'string' ? field.description : '')
      .split(' / ')
      .map((half) => half.trim())
    const value = displayValue(row.value)
    const enValue = value === '是' ? 'yes' : value === '否' ? 'no' : value
    properties[row.element_id] = {
      ...field,
      description: `${zh}${zhLabel}：${value} / ${en ? `${en} ` : ''}${enLabel}: ${enValue}`,
    }
  }
  return { ...form, properties }
}
