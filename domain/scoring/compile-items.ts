/**
 * @module An assessment's items with their constants parsed once — weights, caps, steps, points,
 * conditions, each year's target — together with the text they are shown as. Scoring thousands
 * of units then makes no Decimal it does not need (Decimals are immutable, so sharing them is
 * safe). Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { AssessmentItem } from '../../schemas/index.ts'
import { parseFormula } from '../formula/parse-formula.ts'
import type { FormulaNode } from '../formula/parse-formula.ts'
import { formatDecimal } from './indicator-value.ts'
import type { IndicatorSet } from './indicator-value.ts'
import { selectTarget } from './select-target.ts'
import type { AppliedTarget } from './select-target.ts'
import { compileEvidence } from './condition-evidence.ts'
import type { LocalizedText } from '../compiler/config-issue.ts'
import type { FormulaValue } from '../formula/evaluate-formula.ts'

export type Deduct = Extract<AssessmentItem, { kind: 'deduct' }>
export type Measure = Deduct['measures'][number]
export type Proportional = Extract<AssessmentItem, { kind: 'proportional' }>
export type Conditional = Extract<AssessmentItem, { kind: 'bonus' | 'veto' }>

/** A number from the config: its exact value, its exact text ("0.5") and as shown ("0.5"). */
export interface Constant {
  value: Decimal
  text: string
  shown: string
}

/** The target that applies in a year, with its value as exact text and as shown. */
export type YearTarget =
  | { ok: true; target: AppliedTarget; text: string; shown: string }
  | { ok: false; reason: 'none' | 'no-baseline' | 'no-related-value' }

export interface CompiledMeasure {
  measure: Measure
  indicatorName: string
  unit: string | null
  step: Constant
  points: Constant
  baseline: Decimal | undefined
  /** Targets by year, filled as years are scored (see {@link targetFor}). */
  targets: Map<number, YearTarget>
}

export type CompiledItem =
  | { kind: 'deduct'; item: Deduct; weight: Constant; cap: Constant; measures: CompiledMeasure[] }
  | {
      kind: 'proportional'
      item: Proportional
      weight: Constant
      full: Constant
      indicatorName: string
      unit: string
    }
  | {
      kind: 'bonus' | 'veto'
      item: Conditional
      points: Constant | null
      condition: FormulaNode | undefined
      evidence: ((lookup: (id: string) => FormulaValue | undefined) => LocalizedText) | undefined
    }

/** Parses an item's constants and its condition once, for every unit scored with it. */
export function compileItem(item: AssessmentItem, indicators: IndicatorSet): CompiledItem {
  switch (item.kind) {
    case 'deduct': {
      const weight = constant(item.weight)
      const cap =
        item.cap === undefined ? weight : constant(Decimal.min(new Decimal(item.cap), weight.value))
      return {
        kind: 'deduct',
        item,
        weight,
        cap,
        measures: item.measures.map((measure) => compileMeasure(measure, indicators)),
      }
    }
    case 'proportional': {
      const indicator = indicators.byId.get(item.indicator)
      return {
        kind: 'proportional',
        item,
        weight: constant(item.weight),
        full: constant(item.full),
        indicatorName: indicator?.name ?? item.indicator,
        unit: indicator?.unit ?? '',
      }
    }
    case 'bonus':
    case 'veto': {
      const parsed = parseFormula(item.when)
      const points = item.kind === 'bonus' ? constant(item.points) : null
      return {
        kind: item.kind,
        item,
        points,
        condition: parsed.ok ? parsed.ast : undefined,
        evidence: parsed.ok ? compileEvidence(parsed.ast, indicators.names) : undefined,
      }
    }
  }
}

function compileMeasure(measure: Measure, indicators: IndicatorSet): CompiledMeasure {
  const indicator = indicators.byId.get(measure.indicator)
  const baseline = indicator?.baseline?.value
  return {
    measure,
    indicatorName: indicator?.name ?? measure.indicator,
    unit: indicator?.unit ?? null,
    step: constant(measure.step),
    points: constant(measure.points),
    baseline: baseline === undefined ? undefined : new Decimal(baseline),
    targets: new Map(),
  }
}

/** The target of `measure` in `year`, chosen once per year (see select-target.ts). */
export function targetFor(measure: CompiledMeasure, year: number): YearTarget {
  let known = measure.targets.get(year)
  if (!known) {
    const choice = selectTarget(measure.measure.targets, year, measure.baseline)
    known = choice.ok
      ? {
          ok: true,
          target: choice.target,
          text: choice.target.value.toString(),
          shown: formatDecimal(choice.target.value),
        }
      : choice
    measure.targets.set(year, known)
  }
  return known
}

function constant(number: number | Decimal): Constant {
  const value = new Decimal(number)
  return { value, text: value.toString(), shown: formatDecimal(value) }
}
