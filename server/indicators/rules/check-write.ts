/**
 * @module What stands in the way of writing indicator values, however they arrive (the entry
 * form, an import, the value API): a value locked by review — its entry task approved — cannot
 * change, and no value may break a validation rule together with what is already stored for its
 * unit and period (see validation-rules.ts). The reads run in the writer's transaction; the
 * weighing itself is pure, so an import can weigh its rows again after refusing some.
 */
import type { Kysely, Transaction } from 'kysely'
import type { PolicyConfig } from '../../../schemas/index.ts'
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import type { RequestIssue } from '../../errors.ts'
import type { FormulaValue } from '../../../domain/formula/evaluate-formula.ts'
import type { PlanModel } from '../../plan-model/plan-model.ts'
import { REGION_UNIT } from '../inputs.ts'
import { entryValueKey, yearOf } from '../entry-data.ts'
import { entryDutiesOf } from '../entry-duties.ts'
import { FINISHED_STATES } from '../../../domain/workflow/task-states.ts'
import { upsertValues } from '../value-store.ts'
import type { NewIndicatorValue } from '../value-store.ts'
import { checkRules, compileRules, formulaValue } from './validation-rules.ts'
import type { RuleViolation } from './validation-rules.ts'

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

/** A stored value as weighing and versioning need it. */
export interface StoredValue {
  value: string
  version: number
}

/** What is stored for some units and periods, by unit and period, then element. */
export class StoredValues {
  readonly #groups = new Map<string, Map<string, StoredValue>>()

  /** The value stored under a row's unit, period and element. */
  get(row: Keyed): StoredValue | undefined {
    return this.#groups.get(groupKey(row))?.get(row.element_id)
  }

  /** Every element stored for a unit and period. */
  group(key: string): ReadonlyMap<string, StoredValue> | undefined {
    return this.#groups.get(key)
  }

  set(row: Keyed, value: StoredValue): void {
    const key = groupKey(row)
    let group = this.#groups.get(key)
    if (!group) this.#groups.set(key, (group = new Map()))
    group.set(row.element_id, value)
  }
}

/** The key of a unit and period. */
export function groupKey(row: Pick<Keyed, 'unit_id' | 'period'>): string {
  return `${row.unit_id}\u0000${row.period}`
}

/** Everything stored for the units and periods of `rows` (value and version only). */
export async function readStored(
  db: Db,
  planId: string,
  rows: readonly Keyed[],
): Promise<StoredValues> {
  const stored = new StoredValues()
  if (rows.length === 0) return stored
  const units = [...new Set(rows.map((row) => row.unit_id))]
  const periods = [...new Set(rows.map((row) => row.period))]
  for (let start = 0; start < units.length; start += 500) {
    const found = await db
      .selectFrom('indicator_value')
      .select(['unit_id', 'period', 'element_id', 'value', 'version'])
      .where('plan_id', '=', planId)
      .where('unit_id', 'in', units.slice(start, start + 500))
      .where('period', 'in', periods)
      .execute()
    for (const row of found) stored.set(row, { value: row.value, version: row.version })
  }
  return stored
}

/**
 * The values locked by review: those an approved entry task of the unit and period asks for.
 * @returns their keys ({@link valueKey})
 */
export async function readLocked(
  db: Db,
  model: PlanModel,
  planId: string,
  rows: readonly Keyed[],
  now: Date,
): Promise<Set<string>> {
  const locked = new Set<string>()
  if (rows.length === 0 || entryDutiesOf(model).size === 0) return locked
  const units = [...new Set(rows.map((row) => row.unit_id))]
  const periods = [...new Set(rows.map((row) => row.period))]
  let query = db
    .selectFrom('task')
    .select(['source_id', 'assignee', 'period', 'due_on'])
    .where('plan_id', '=', planId)
    .where('kind', '=', 'indicator-entry')
    .where('state', 'in', [...FINISHED_STATES])
    .where((eb) => eb.or([eb('period', 'in', periods), eb('period', '=', 'once')]))
  // The region's values are entered by the office, whose id is not the unit written.
  if (!units.includes(REGION_UNIT)) query = query.where('assignee', 'in', units)
  const fallbackYear = yearOf(now)
  for (const task of await query.execute()) {
    const entry = entryDutiesOf(model).get(task.source_id)
    if (!entry) continue
    const key = entryValueKey(task, entry, fallbackYear)
    for (const input of entry.inputs)
      locked.add(valueKey({ unit_id: key.unit, period: key.period, element_id: input.id }))
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
  stored: StoredValues,
  locked: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): { errors: ValueProblem[]; warnings: ValueProblem[] } {
  const errors: ValueProblem[] = []
  const warnings: ValueProblem[] = []
  const groups = new Map<string, number[]>()
  rows.forEach((row, index) => {
    const before = stored.get(row)
    if (locked.size > 0 && locked.has(valueKey(row)) && before?.value !== row.value) {
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
    const group = groupKey(row)
    const list = groups.get(group)
    if (list) list.push(index)
    else groups.set(group, [index])
  })
  const rules = compileRules(config)
  if (rules.length === 0) return { errors, warnings }
  for (const [group, indexes] of groups) {
    // Values as text, the written over the stored; a rule turns into decimals only what it reads.
    const texts = new Map<string, string>()
    for (const [element, value] of stored.group(group) ?? []) texts.set(element, value.value)
    const written = new Map<string, number>()
    for (const index of indexes) {
      const row = rows[index]!
      texts.set(row.element_id, row.value)
      written.set(row.element_id, index)
    }
    const values = new LazyValues(texts)
    for (const violation of checkRules(rules, values, new Set(written.keys()), names)) {
      const problem: ValueProblem = {
        index: written.get(violation.element)!,
        code: 'rule-violated',
        message: violation.message,
        rule: violation.rule,
      }
      ;(violation.rule.severity === 'error' ? errors : warnings).push(problem)
    }
  }
  return { errors, warnings }
}

/** Text values read as formula values on first use. */
class LazyValues implements Pick<ReadonlyMap<string, FormulaValue>, 'get'> {
  readonly #texts: ReadonlyMap<string, string>
  readonly #values = new Map<string, FormulaValue>()
  constructor(texts: ReadonlyMap<string, string>) {
    this.#texts = texts
  }
  get(id: string): FormulaValue | undefined {
    let value = this.#values.get(id)
    if (value === undefined) {
      const text = this.#texts.get(id)
      if (text === undefined) return undefined
      this.#values.set(id, (value = formulaValue(text)))
    }
    return value
  }
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
 * `indicator_value_version` and takes the next version; a new value is version 1. A value equal
 * to the one stored is no change: the stored row, and who entered it, stand.
 * @returns the corrections made
 */
export async function writeValues(
  trx: Db,
  rows: readonly NewIndicatorValue[],
  stored: StoredValues,
  by: { actor: string; at: string },
): Promise<Correction[]> {
  const corrections: Correction[] = []
  const changed: Array<NewIndicatorValue & { version: number }> = []
  for (const row of rows) {
    const before = stored.get(row)
    if (!before) changed.push({ ...row, version: 1 })
    else if (before.value !== row.value) {
      corrections.push({
        element: row.element_id,
        unit: row.unit_id,
        period: row.period,
        from: before.value,
        to: row.value,
        version: before.version + 1,
      })
      changed.push({ ...row, version: before.version + 1 })
    }
  }
  // The rows being replaced, copied as they are (row values: SQLite ≥ 3.15 and PostgreSQL).
  for (let start = 0; start < corrections.length; start += 300) {
    const keys = corrections.slice(start, start + 300)
    await trx
      .insertInto('indicator_value_version')
      .columns([
        'plan_id',
        'element_id',
        'unit_id',
        'period',
        'version',
        'value',
        'source',
        'task_id',
        'entered_by',
        'entered_at',
        'replaced_by',
        'replaced_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('indicator_value')
          .select([
            'plan_id',
            'element_id',
            'unit_id',
            'period',
            'version',
            'value',
            'source',
            'task_id',
            'entered_by',
            'entered_at',
          ])
          .select([eb.val(by.actor).as('replaced_by'), eb.val(by.at).as('replaced_at')])
          .where('plan_id', '=', rows[0]!.plan_id)
          .where((w) =>
            w(
              w.refTuple('unit_id', 'period', 'element_id'),
              'in',
              keys.map((key) => w.tuple(key.unit, key.period, key.element)),
            ),
          ),
      )
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await upsertValues(trx, changed)
  return corrections
}

/** An issue of a refused or warned value, at its pointer, naming the rule it breaks. */
export type ValueIssue = RequestIssue & { code: ValueProblem['code']; rule?: ValueProblem['rule'] }

/** A problem as an issue at `pointer`. */
export function valueIssue(problem: ValueProblem, pointer: string): ValueIssue {
  return {
    pointer,
    code: problem.code,
    message: problem.message,
    ...(problem.rule ? { rule: problem.rule } : {}),
  }
}

/** The 422 for values a lock or a rule refuses; nothing was written. */
export function valuesRefused(issues: readonly ValueIssue[]): AppError {
  const first = issues[0]!.message
  return new AppError(
    422,
    'invalid-values',
    {
      zh: `${issues.length} 处数值未通过校验，均未保存：${first.zh}`,
      en: `${issues.length} value(s) failed validation; nothing was saved: ${first.en}`,
    },
    { issues: issues.slice(0, 1000), issueCount: issues.length },
  )
}

/** Element names by id, for messages. */
export function inputNames(inputs: ReadonlyMap<string, { name: string }>): Map<string, string> {
  return new Map([...inputs].map(([id, input]) => [id, input.name]))
}
