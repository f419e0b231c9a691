/**
 * @module An indicator's value for one unit and period: entered directly (or given by a policy
 * test), else computed from its formula over the entered data elements. Computed values are
 * rounded to 12 decimal places, so 264 / 300 * 100 is exactly 88 and "exactly on target" means
 * what it says. Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { Indicator, PolicyConfig } from '../../schemas/index.ts'
import type { LocalizedText } from '../compiler/config-issue.ts'
import { evaluateFormula } from '../formula/evaluate-formula.ts'
import type { FormulaValue } from '../formula/evaluate-formula.ts'
import { parseFormula } from '../formula/parse-formula.ts'
import type { FormulaNode } from '../formula/parse-formula.ts'
import { rateBounds } from '../indicators/rate-bounds.ts'
import type { RateBounds } from '../indicators/rate-bounds.ts'

export const VALUE_PLACES = 12

/** The entered values of one unit for one period, by input id (data element or indicator). */
export type InputValues = ReadonlyMap<string, FormulaValue>

export type IndicatorResult =
  | { ok: true; value: Decimal; computed: boolean }
  | {
      ok: false
      missing: string[]
      message: LocalizedText
      /** A rate outside 0–100 % (0–1000 ‰): the impossible figure, never met nor scored. */
      impossible?: Decimal
    }

/** Indicators of a config with their parsed formulas, built once and shared by every unit. */
export class IndicatorSet {
  readonly byId: ReadonlyMap<string, Indicator>
  /** Names of data elements and indicators, for explanations. */
  readonly names: ReadonlyMap<string, string>
  readonly #formulas = new Map<string, FormulaNode | null>()
  readonly #bounds = new Map<string, RateBounds>()

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
      this.#formulas.set(indicator.id, parsed?.ok ? parsed.ast : null)
      const bounds = rateBounds(indicator)
      if (bounds) this.#bounds.set(indicator.id, bounds)
    }
  }

  /** The value of `indicatorId` for a unit whose entered values are `values`. */
  valueOf(indicatorId: string, values: InputValues): IndicatorResult {
    const indicator = this.byId.get(indicatorId)
    const name = indicator?.name ?? indicatorId
    const given = values.get(indicatorId)
    if (given !== undefined)
      return given instanceof Decimal
        ? { ok: true, value: given, computed: false }
        : notNumber(name)
    const formula = this.#formulas.get(indicatorId)
    if (!formula) {
      return {
        ok: false,
        missing: [indicatorId],
        message: { zh: `「${name}」没有填报数值`, en: `No value entered for "${name}"` },
      }
    }
    const result = evaluateFormula(formula, (id) => values.get(id))
    if (result.ok) {
      if (!(result.value instanceof Decimal)) return notNumber(name)
      const value = roundValue(result.value)
      const bounds = this.#bounds.get(indicatorId)
      if (bounds && (value.lessThan(bounds.min) || value.greaterThan(bounds.max))) {
        const shown = formatDecimal(value)
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

function roundValue(value: Decimal): Decimal {
  return value.decimalPlaces() <= VALUE_PLACES
    ? value
    : value.toDecimalPlaces(VALUE_PLACES, Decimal.ROUND_HALF_UP)
}

function notNumber(name: string): IndicatorResult {
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
