/**
 * @module What checking an entered value needs to know about its plan and its user: the inputs
 * (by id and by Chinese name), the units that can hold values (by id, name, full name or alias,
 * plus the region itself) and the units this user may write. {@link EntryResolver} resolves the
 * cells of an import or the entries of a PUT against it, caching each distinct text, so a file of
 * 100,000 values resolves its few hundred distinct units and periods once each. Pure: no I/O.
 */
import { closestMatch } from '../../domain/compiler/closest-match.ts'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { IndicatorValueTable } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { actorsOf, directs, holdsRoleFor, oversees } from '../access/visibility.ts'
import { checkValue } from './check-value.ts'
import { assessedUnits } from '../access/assessed-units.ts'
import { entryInputs, REGION_UNIT } from './inputs.ts'
import type { EntryInput } from './inputs.ts'
import { parsePeriod, periodFits } from './periods.ts'
import type { Period } from './periods.ts'

export interface EntryContext {
  planId: string
  inputs: Map<string, EntryInput>
  /** Every unit (and body) that can hold values, and `region`; id → name. */
  units: Map<string, string>
  /** null when the user may write every unit. */
  writable: ReadonlySet<string> | null
  enteredBy: string
  enteredAt: string
  source: IndicatorValueTable['source']
}

export type Resolved<T> =
  { ok: true; value: T } | { ok: false; code: EntryIssueCode; message: LocalizedText }

/** Stable codes of row problems in imports and PUTs. */
export type EntryIssueCode =
  | 'unknown-unit'
  | 'not-your-unit'
  | 'unknown-input'
  | 'invalid-period'
  | 'period-too-fine'
  | 'invalid-value'
  | 'missing-value'
  | 'date-cell'
  | 'error-cell'
  | 'duplicate'
  | 'rule-violated'
  | 'locked'

/** Users who direct the policy and its region's authors may write (and read) every unit. */
export function writableUnits(user: CurrentUser, policyId: string): ReadonlySet<string> | null {
  if (directs(user, policyId) || holdsRoleFor(user, 'author', policyId)) return null
  return actorsOf(user, policyId)
}

/**
 * The units a user may write in a plan: {@link writableUnits}, those an assessor assesses
 * (access/assessed-units.ts), and the region's own values for
 * those who act for the plan's office — it enters (and corrects) the indicators without a named
 * owner for the whole region.
 */
export function planWritableUnits(
  plan: PlanContext,
  user: CurrentUser,
): ReadonlySet<string> | null {
  const writable = writableUnits(user, plan.plan.policy_id)
  if (!writable) return writable
  // An assessor enters (and imports) the values of the units it assesses.
  const assessed = assessedUnits(plan, user).units
  const withAssessed = assessed.size ? new Set([...writable, ...assessed]) : writable
  if (!plan.model.office || !writable.has(plan.model.office)) return withAssessed
  return new Set([...withAssessed, REGION_UNIT])
}

/**
 * The units whose values a user may read in a plan: every one for those who oversee its policy —
 * the leaders and administrators of the region above included, who read down without writing —
 * and its region's authors; for everyone else those it may write ({@link planWritableUnits}).
 */
export function planReadableUnits(
  plan: PlanContext,
  user: CurrentUser,
): ReadonlySet<string> | null {
  const policyId = plan.plan.policy_id
  if (oversees(user, policyId) || holdsRoleFor(user, 'author', policyId)) return null
  return planWritableUnits(plan, user)
}

/** The entry context of a plan for a user (or for the system, writing every unit). */
export function entryContext(
  plan: PlanContext,
  who: { user: CurrentUser } | { system: string },
  at: string,
  source: IndicatorValueTable['source'],
): EntryContext {
  const units = new Map<string, string>()
  for (const actor of plan.model.actors(plan.members).values()) units.set(actor.id, actor.name)
  units.set(REGION_UNIT, plan.model.config.metadata.region.name)
  return {
    planId: plan.plan.id,
    inputs: entryInputs(plan.model.config),
    units,
    writable: 'user' in who ? planWritableUnits(plan, who.user) : null,
    enteredBy: 'user' in who ? who.user.id : who.system,
    enteredAt: at,
    source,
  }
}

/** Resolves units, periods, inputs and values against a context, caching by text. */
export class EntryResolver {
  readonly context: EntryContext
  readonly #unitNames = new Map<string, string | null>()
  readonly #inputNames = new Map<string, EntryInput | null>()
  readonly #unitCache = new Map<string, Resolved<string>>()
  readonly #periodCache = new Map<string, Resolved<Period>>()

  constructor(context: EntryContext, aliases: ReadonlyMap<string, string> = new Map()) {
    this.context = context
    const addName = (name: string, id: string) => {
      const key = name.trim()
      const known = this.#unitNames.get(key)
      this.#unitNames.set(key, known === undefined || known === id ? id : null) // null: two units share it
    }
    for (const [id, name] of context.units) addName(name, id)
    for (const [alias, id] of aliases) if (context.units.has(id)) addName(alias, id)
    for (const input of context.inputs.values()) {
      const known = this.#inputNames.get(input.name)
      this.#inputNames.set(input.name, known === undefined ? input : null)
    }
  }

  /** A unit by id or name; checks the user may write it. */
  unit(raw: unknown): Resolved<string> {
    const text = textOf(raw)
    let resolved = this.#unitCache.get(text)
    if (!resolved) {
      resolved = this.#resolveUnit(text)
      this.#unitCache.set(text, resolved)
    }
    return resolved
  }

  #resolveUnit(text: string): Resolved<string> {
    const { units, writable } = this.context
    if (text === '') return fail('unknown-unit', { zh: '没有填写单位', en: 'The unit is missing' })
    const id = units.has(text) ? text : this.#unitNames.get(text)
    if (id === null)
      return fail('unknown-unit', {
        zh: `单位名称「${text}」对应多个单位，请填写单位编号`,
        en: `The unit name "${text}" matches several units; use the unit id`,
      })
    if (id === undefined) {
      const names = [...this.#unitNames.keys()]
      const guess = closestMatch(text, names) ?? closestMatch(text, [...units.keys()])
      const guessId =
        guess === undefined
          ? undefined
          : units.has(guess)
            ? guess
            : (this.#unitNames.get(guess) ?? undefined)
      const hint = guessId
        ? {
            zh: `，是否为「${units.get(guessId)}」（${guessId}）？`,
            en: `; did you mean "${units.get(guessId)}" (${guessId})?`,
          }
        : { zh: '；请填写计划中的单位编号或名称', en: '; use a unit id or name of the plan' }
      return fail('unknown-unit', {
        zh: `找不到单位「${text}」${hint.zh}`,
        en: `No unit "${text}"${hint.en}`,
      })
    }
    if (writable && !writable.has(id)) {
      const mine = [...writable].map((unit) => units.get(unit) ?? unit).join('、') || '无'
      return fail('not-your-unit', {
        zh: `不能填报「${units.get(id)}」的数据；你可填报的单位：${mine}`,
        en: `You may not enter values for ${id}; yours: ${[...writable].join(', ') || 'none'}`,
      })
    }
    return { ok: true, value: id }
  }

  /** An input by id or Chinese name. */
  input(raw: unknown): Resolved<EntryInput> {
    const text = textOf(raw)
    const input = this.context.inputs.get(text) ?? this.#inputNames.get(text)
    if (input) return { ok: true, value: input }
    if (input === null)
      return fail('unknown-input', {
        zh: `名称「${text}」对应多个数据项，请填写编号`,
        en: `The name "${text}" matches several inputs; use the id`,
      })
    if (text === '')
      return fail('unknown-input', { zh: '没有填写指标', en: 'The input (element) is missing' })
    return fail('unknown-input', {
      zh: `找不到数据项「${text}」${this.suggestInput(text).zh}`,
      en: `No input "${text}"${this.suggestInput(text).en}`,
    })
  }

  /** ", did you mean …" for an unknown input name or id. */
  suggestInput(text: string): LocalizedText {
    const inputs = [...this.context.inputs.values()]
    const guess =
      closestMatch(
        text,
        inputs.map((input) => input.name),
      ) ??
      closestMatch(
        text,
        inputs.map((input) => input.id),
      )
    const input =
      guess === undefined
        ? undefined
        : (this.context.inputs.get(guess) ?? this.#inputNames.get(guess) ?? undefined)
    return input
      ? {
          zh: `，是否为「${input.name}」（${input.id}）？`,
          en: `; did you mean "${input.name}" (${input.id})?`,
        }
      : {
          zh: '；可填写的数据项见模板的「说明」页',
          en: '; the template’s 说明 sheet lists the inputs',
        }
  }

  /** A period (a date cell on the 1st of a month, as Excel turns `2021-03` into, is that month). */
  period(raw: unknown): Resolved<Period> {
    if (typeof raw === 'number' && !Number.isInteger(raw)) {
      // Excel stores a typed 2021.10 as the number 2021.1: October and January look the same.
      return fail('invalid-period', {
        zh: `期间单元格是数字 ${raw}，无法分辨月份（Excel 会把 2021.10 存成 2021.1）；请把该列设为「文本」格式，写作 2021-10、2021-Q1 或 2021`,
        en: `The period cell is the number ${raw}, which cannot tell October from January (Excel stores 2021.10 as 2021.1); format the column as Text and write 2021-10, 2021-Q1 or 2021`,
      })
    }
    const text =
      raw !== null && typeof raw === 'object' && 'date' in raw
        ? monthOfDate(String((raw as { date: string }).date))
        : textOf(raw)
    let resolved = this.#periodCache.get(text)
    if (!resolved) {
      const parsed = parsePeriod(text)
      resolved = parsed.ok
        ? { ok: true, value: parsed.period }
        : fail('invalid-period', parsed.message)
      this.#periodCache.set(text, resolved)
    }
    return resolved
  }

  /** Checks a period suits an input's frequency (of that frequency or coarser). */
  periodFits(input: EntryInput, period: Period): Resolved<Period> {
    const fits = periodFits(period, input.frequency, `${input.name}（${input.id}）`)
    return fits.ok ? { ok: true, value: period } : fail('period-too-fine', fits.message)
  }

  /** A value as stored (exact decimal text or `true`/`false`). */
  value(input: EntryInput, raw: unknown): Resolved<string> {
    if (raw !== null && typeof raw === 'object') {
      if ('date' in raw) {
        const date = String((raw as { date: string }).date)
        return fail('date-cell', {
          zh: `${input.name}（${input.id}）的单元格是日期（${date}），应为数字；请把单元格格式设为「常规」或「数值」后重新填写`,
          en: `${input.id}: the cell is a date (${date}), not a number; format the cell as General or Number and enter the value again`,
        })
      }
      if ('error' in raw) {
        const error = String((raw as { error: string }).error)
        return error === '#NO-RESULT'
          ? fail('error-cell', {
              zh: `${input.name}（${input.id}）的公式没有计算结果；请在 Excel 中打开并保存后再上传`,
              en: `${input.id}: the formula has no saved result; open and save the file in Excel, then upload`,
            })
          : fail('error-cell', {
              zh: `${input.name}（${input.id}）的单元格是错误值 ${error}，请改正公式或填写数值`,
              en: `${input.id}: the cell holds the error ${error}; fix the formula or enter a value`,
            })
      }
      return fail('invalid-value', {
        zh: `${input.name}（${input.id}）的值无法识别`,
        en: `${input.id}: the value is not understood`,
      })
    }
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      return fail('missing-value', {
        zh: `${input.name}（${input.id}）没有填写数值`,
        en: `${input.id} has no value`,
      })
    }
    const checked = checkValue(input, raw)
    return checked.ok ? { ok: true, value: checked.value } : fail('invalid-value', checked.message)
  }
}

/** Config aliases of units: full names and other spellings (`眉山市卫健委` → city-health-commission). */
export function unitAliases(plan: PlanContext): Map<string, string> {
  const aliases = new Map<string, string>()
  for (const unit of plan.model.config.organizations.units) {
    if (unit.fullName) aliases.set(unit.fullName, unit.id)
    for (const alias of unit.aliases ?? []) aliases.set(alias, unit.id)
  }
  return aliases
}

function fail<T>(code: EntryIssueCode, message: LocalizedText): Resolved<T> {
  return { ok: false, code, message }
}

function textOf(raw: unknown): string {
  if (raw === null || raw === undefined) return ''
  return String(raw).trim()
}

function monthOfDate(date: string): string {
  return date.endsWith('-01') ? date.slice(0, 7) : date
}
