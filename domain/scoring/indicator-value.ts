/**
 * @module An indicator's value for one unit and period: entered directly (or given by a policy
 * test), else computed from its formula over the entered data elements. Computed values are
 * rounded to 12 decimal places, so 264 / 300 * 100 is exactly 88 and "exactly on target" means
 * what it says. Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { Indicator, PolicyConfig } from '../../schemas/index.ts'
import type { LocalizedText } from '../compiler/config-issue.ts'
import { compileFormula } from '../formula/compile-formula.ts'
import type { CompiledFormula, ExactValue } from '../formula/compile-formula.ts'
import type { FormulaValue } from '../formula/evaluate-formula.ts'
import { ExactDecimal, roundedText } from '../formula/exact-decimal.ts'
import { parseFormula } from '../formula/parse-formula.ts'
import { rateBounds } from '../indicators/rate-bounds.ts'
import type { RateBounds } from '../indicators/rate-bounds.ts'

export const VALUE_PLACES = 12

/** The entered values of one unit for one period, by input id (data element or indicator). */
export type InputValues = ReadonlyMap<string, FormulaValue>

/** An indicator's value, or why it has none; `T` is Decimal or, for scoring, ExactDecimal. */
export type IndicatorResultOf<T> =
  | { ok: true; value: T; computed: boolean }
  | {
      ok: false
      missing: string[]
      message: LocalizedText
      /** A rate outside 0–100 % (0–1000 ‰): the impossible figure, never met nor scored. */
      impossible?: T
    }

export type IndicatorResult = IndicatorResultOf<Decimal>

/** A rate's bounds with their exact values, compared with each unit's rate. */
type ExactBounds = RateBounds & { low: ExactDecimal; high: ExactDecimal }

/** Indicators of a config with their parsed formulas, built once and shared by every unit. */
export class IndicatorSet {
  readonly byId: ReadonlyMap<string, Indicator>
  /** Names of data elements and indicators, for explanations. */
  readonly names: ReadonlyMap<string, string>
  readonly #formulas = new Map<string, CompiledFormula | null>()
  readonly #bounds = new Map<string, ExactBounds>()

  constructor(config: PolicyConfig) {
    this.byId = new Map((config.indicators ?? []).map((indicator) => [indicator.id, indicator]))
    this.names = new Map(
      [...(config.dataElements ?? []), ...(config.indicators ?? [])].map((entry) => [
        entry.id,
        entry.name,
      ]),
    )
    for (const indicator of this.byId.values()) {
      const parsed = indicator.formula ? parseFormula(indicator.formula) : undefined
      this.#formulas.set(indicator.id, parsed?.ok ? compileFormula(parsed.ast) : null)
      const bounds = rateBounds(indicator)
      if (bounds)
        this.#bounds.set(indicator.id, {
          ...bounds,
          low: ExactDecimal.of(bounds.min),
          high: ExactDecimal.of(bounds.max),
        })
    }
  }

  /** The value of `indicatorId` for a unit whose entered values are `values`. */
  valueOf(indicatorId: string, values: InputValues): IndicatorResult {
    const result = this.exactValueOf(indicatorId, values)
    if (!result.ok)
      return result.impossible
        ? { ...result, impossible: result.impossible.toDecimal() }
        : (result as IndicatorResultOf<never>)
    // An entered value is handed back as it was entered.
    const value = result.computed ? result.value.toDecimal() : (values.get(indicatorId) as Decimal)
    return { ok: true, value, computed: result.computed }
  }

  /** {@link valueOf} as an exact decimal, for scoring many units (see exact-decimal.ts). */
  exactValueOf(indicatorId: string, values: InputValues): IndicatorResultOf<ExactDecimal> {
    const indicator = this.byId.get(indicatorId)
    const name = indicator?.name ?? indicatorId
    const given = values.get(indicatorId)
    if (given !== undefined)
      return given instanceof Decimal
        ? { ok: true, value: ExactDecimal.from(given), computed: false }
        : notNumber(name)
    const formula = this.#formulas.get(indicatorId)
    if (!formula) {
      return {
        ok: false,
        missing: [indicatorId],
        message: { zh: `「${name}」没有填报数值`, en: `No value entered for "${name}"` },
      }
    }
    const result = formula((id) => exactInput(values.get(id)))
    if (result.ok) {
      if (!(result.value instanceof ExactDecimal)) return notNumber(name)
      const value = result.value.toDecimalPlaces(VALUE_PLACES)
      const bounds = this.#bounds.get(indicatorId)
      if (bounds && (value.lessThan(bounds.low) || value.greaterThan(bounds.high))) {
        const shown = formatExact(value)
        return {
          ok: false,
          missing: [],
          impossible: value,
          message: {
            zh: `「${name}」算得 ${shown}${bounds.sign}，比率不可能超出 ${bounds.min}–${bounds.max}${bounds.sign}：数据有误，请核对填报的分子和分母`,
            en: `"${name}" comes to ${shown}${bounds.sign}, an impossible rate (outside ${bounds.min}–${bounds.max}${bounds.sign}): the data is wrong; check the numerator and denominator entered`,
          },
        }
      }
      return { ok: true, value, computed: true }
    }
    if (result.reason === 'missing') {
      return {
        ok: false,
        missing: result.missing,
        message: {
          zh: `计算「${name}」缺少数据：${result.missing.join('、')}`,
          en: `"${name}" cannot be computed: missing ${result.missing.join(', ')}`,
        },
      }
    }
    if (result.reason === 'division-by-zero') {
      return {
        ok: false,
        missing: [],
        message: {
          zh: `计算「${name}」时除数 ${result.divisor} 为 0，无法计算`,
          en: `"${name}" cannot be computed: the divisor ${result.divisor} is 0`,
        },
      }
    }
    return {
      ok: false,
      missing: [],
      message: {
        zh: `「${name}」的公式类型不符（${result.detail}）`,
        en: `"${name}": type mismatch in its formula (${result.detail})`,
      },
    }
  }
}

/** An entered value as the compiled formulas read it. */
export function exactInput(value: FormulaValue | undefined): ExactValue | undefined {
  return value instanceof Decimal ? ExactDecimal.from(value) : value
}

function notNumber(name: string): IndicatorResultOf<never> {
  return {
    ok: false,
    missing: [],
    message: { zh: `「${name}」应为数值`, en: `"${name}" must be a number` },
  }
}

/** Shows a decimal for people: at most `places` decimals, no trailing zeros. */
export function formatDecimal(value: Decimal, places = 2): string {
  return (
    value.decimalPlaces() <= places ? value : value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP)
  ).toString()
}

/** {@link formatDecimal} for an exact decimal. */
export function formatExact(value: ExactDecimal, places = 2): string {
  return roundedText(value, value.toString(), places)
}
