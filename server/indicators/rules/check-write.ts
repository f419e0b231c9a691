/**
 * @module What stands in the way of writing indicator values, however they arrive (the entry
 * form, an import, the value API): a value locked by review — its entry task approved — cannot
 * change, and no value may break a validation rule together with what is already stored for its
 * unit and period (see validation-rules.ts). The reads run in the writer's transaction; the
 * weighing itself is pure, so an import can weigh its rows again after refusing some.
 */
import type { Kysely, Transaction } from 'kysely'
import type { PolicyConfig } from '../../../schemas/index.js'
import type { LocalizedText } from '../../compiler/config-issue.js'
import type { Database, IndicatorValueRow } from '../../db/database.js'
import { AppError } from '../../errors.js'
import type { RequestIssue } from '../../errors.js'
import type { FormulaValue } from '../../formula/evaluate-formula.js'
import type { PlanModel } from '../../plans/plan-model.js'
import { REGION_UNIT } from '../inputs.js'
import { entryValueKey, yearOf } from '../settle-entry-tasks.js'
import type { NewIndicatorValue } from '../value-store.js'
import { checkRules, compileRules, formulaValue } from './validation-rules.js'
import type { RuleViolation } from './validation-rules.js'

type Db = Kysely<Database> | Transaction<Database>
type Keyed = Pick<NewIndicatorValue, 'unit_id' | 'period' | 'element_id'>

/** A problem with one of the rows to write. */
export interface ValueProblem {
  /** The row's index in the rows weighed. */
  index: number
  code: 'locked' | 'rule-violated'
  message: LocalizedText
  /** The rule broken, for `rule-violated`. */
  rule?: RuleViolation['rule']
}

/** The key of a value: unit, period and element. */
export function valueKey(row: Keyed): string {
  return `${row.unit_id}\u0000${row.period}\u0000${row.element_id}`
}

/** Everything stored for the units and periods of `rows`, by {@link valueKey}. */
export async function readStored(db: Db, planId: string, rows: readonly Keyed[]): Promise<Map<string, IndicatorValueRow>> {
  const stored = new Map<string, IndicatorValueRow>()
  if (rows.length === 0) return stored
  const units = [...new Set(rows.map((row) => row.unit_id))]
  const periods = [...new Set(rows.map((row) => row.period))]
  for (let start = 0; start < units.length; start += 500) {
    const found = await db.selectFrom('indicator_value').selectAll().where('plan_id', '=', planId)
      .where('unit_id', 'in', units.slice(start, start + 500)).where('period', 'in', periods).execute()
    for (const row of found) stored.set(valueKey(row), row)
  }
  return stored
}

/**
 * The values locked by review: those an approved entry task of the unit and period asks for.
 * @returns their keys ({@link valueKey})
 */
export async function readLocked(db: Db, model: PlanModel, planId: string, rows: readonly Keyed[], now: Date): Promise<Set<string>> {
  const locked = new Set<string>()
  if (rows.length === 0 || model.entries.size === 0) return locked
  const units = [...new Set(rows.map((row) => row.unit_id))]
  const periods = [...new Set(rows.map((row) => row.period))]
  let query = db.selectFrom('task').select(['source_id', 'assignee', 'period', 'due_on']).where('plan_id', '=', planId)
    .where('kind', '=', 'indicator-entry').where('state', '=', 'approved')
    .where((eb) => eb.or([eb('period', 'in', periods), eb('period', '=', 'once')]))
  // The region's values are entered by the office, whose id is not the unit written.
  if (!units.includes(REGION_UNIT)) query = query.where('assignee', 'in', units)
  const fallbackYear = yearOf(now)
  for (const task of await query.execute()) {
    const entry = model.entries.get(task.source_id)
    if (!entry) continue
    const key = entryValueKey(task, entry, fallbackYear)
    for (const input of entry.inputs) locked.add(valueKey({ unit_id: key.unit, period: key.period, element_id: input.id }))
  }
  return locked
}

/**
 * Weighs rows against the locks and the rules.
 * @param stored what {@link readStored} read for them
 * @param names element names, for messages
 * @returns refusals (`errors`) and what is accepted but shown (`warnings`)
 */
export function weighValues(
  config: PolicyConfig,
  rows: readonly NewIndicatorValue[],
  stored: ReadonlyMap<string, Pick<IndicatorValueRow, 'value'>>,
  locked: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): { errors: ValueProblem[]; warnings: ValueProblem[] } {
  const errors: ValueProblem[] = []
  const warnings: ValueProblem[] = []
  const groups = new Map<string, number[]>()
  rows.forEach((row, index) => {
    const key = valueKey(row)
    const before = stored.get(key)
    if (locked.has(key) && before?.value !== row.value) {
      const name = names.get(row.element_id) ?? row.element_id
      errors.push({
        index,
        code: 'locked',
        message: {
          zh: `${name}（${row.element_id}）${row.unit_id} ${row.period} 的数据已审核通过并锁定，不能修改${before ? `（现值 ${before.value}）` : ''}`,
          en: `${row.element_id} of ${row.unit_id} for ${row.period} was approved in review and is locked${before ? ` (now ${before.value})` : ''}`,
        },
      })
    }
    const group = `${row.unit_id}\u0000${row.period}`
    const list = groups.get(group)
    if (list) list.push(index)
    else groups.set(group, [index])
  })
  const rules = compileRules(config)
  if (rules.length === 0) return { errors, warnings }
  const before = new Map<string, Array<[string, string]>>()
  for (const [key, row] of stored) {
    const cut = key.lastIndexOf('\u0000')
    const group = key.slice(0, cut)
    if (!groups.has(group)) continue
    const list = before.get(group)
    if (list) list.push([key.slice(cut + 1), row.value])
    else before.set(group, [[key.slice(cut + 1), row.value]])
  }
  for (const [group, indexes] of groups) {
    const values = new Map<string, FormulaValue>()
    for (const [element, value] of before.get(group) ?? []) values.set(element, formulaValue(value))
    const written = new Map<string, number>()
    for (const index of indexes) {
      const row = rows[index]!
      values.set(row.element_id, formulaValue(row.value))
      written.set(row.element_id, index)
    }
    for (const violation of checkRules(rules, values, new Set(written.keys()), names)) {
      const problem: ValueProblem = { index: written.get(violation.element)!, code: 'rule-violated', message: violation.message, rule: violation.rule }
      ;(violation.rule.severity === 'error' ? errors : warnings).push(problem)
    }
  }
  return { errors, warnings }
}

/** A value a write changed: what it was and what it is now. */
export interface Correction {
  element: string
  unit: string
  period: string
  from: string
  to: string
  version: number
}

/**
 * Writes values, keeping history: a value that changes what is stored moves the stored row to
 * `indicator_value_version` and takes the next version; a new value is version 1.
 * @returns the corrections made
 */
export async function writeValues(trx: Db, rows: readonly NewIndicatorValue[], stored: ReadonlyMap<string, IndicatorValueRow>, by: { actor: string; at: string }): Promise<Correction[]> {
  const corrections: Correction[] = []
  const replaced: IndicatorValueRow[] = []
  const versioned = rows.map((row) => {
    const before = stored.get(valueKey(row))
    if (!before) return { ...row, version: 1 }
    if (before.value === row.value) return { ...row, version: before.version }
    replaced.push(before)
    corrections.push({ element: row.element_id, unit: row.unit_id, period: row.period, from: before.value, to: row.value, version: before.version + 1 })
    return { ...row, version: before.version + 1 }
  })
  for (let start = 0; start < replaced.length; start += 2000) {
    await trx.insertInto('indicator_value_version')
      .values(replaced.slice(start, start + 2000).map((row) => ({ ...row, replaced_by: by.actor, replaced_at: by.at })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  const size = 2500 // 10 columns a row, under SQLite's bound-parameter limit
  for (let start = 0; start < versioned.length; start += size) {
    await trx
      .insertInto('indicator_value')
      .values(versioned.slice(start, start + size))
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
  return corrections
}

/** An issue of a refused or warned value, at its pointer, naming the rule it breaks. */
export type ValueIssue = RequestIssue & { code: ValueProblem['code']; rule?: ValueProblem['rule'] }

/** A problem as an issue at `pointer`. */
export function valueIssue(problem: ValueProblem, pointer: string): ValueIssue {
  return { pointer, code: problem.code, message: problem.message, ...(problem.rule ? { rule: problem.rule } : {}) }
}

/** The 422 for values a lock or a rule refuses; nothing was written. */
export function valuesRefused(issues: readonly ValueIssue[]): AppError {
  const first = issues[0]!.message
  return new AppError(
    422,
    'invalid-values',
    { zh: `${issues.length} 处数值未通过校验，均未保存：${first.zh}`, en: `${issues.length} value(s) failed validation; nothing was saved: ${first.en}` },
    { issues: issues.slice(0, 1000), issueCount: issues.length },
  )
}

/** Element names by id, for messages. */
export function inputNames(inputs: ReadonlyMap<string, { name: string }>): Map<string, string> {
  return new Map([...inputs].map(([id, input]) => [id, input.name]))
}
