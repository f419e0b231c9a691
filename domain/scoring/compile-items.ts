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
import { ExactDecimal } from '../formula/exact-decimal.ts'
import { compileFormula } from '../formula/compile-formula.ts'
import type { CompiledFormula } from '../formula/compile-formula.ts'
import { formatDecimal, formatExact } from './indicator-value.ts'
import type { IndicatorSet } from './indicator-value.ts'
import { selectTarget } from './select-target.ts'
import type { AppliedTarget, NoTargetReason, TargetBounds } from './select-target.ts'
import { dataBaselineYear } from '../indicators/baseline.ts'
import { compileEvidence } from './condition-evidence.ts'
import type { LocalizedText } from '../compiler/config-issue.ts'
import type { FormulaValue } from '../formula/evaluate-formula.ts'

export type Deduct = Extract<AssessmentItem, { kind: 'deduct' }>
export type Measure = Deduct['measures'][number]
export type Proportional = Extract<AssessmentItem, { kind: 'proportional' }>
export type Conditional = Extract<AssessmentItem, { kind: 'bonus' | 'veto' }>

/** A number from the config: its exact value, its exact text ("0.5") and as shown ("0.5"). */
export interface Constant {
  value: ExactDecimal
  text: string
  shown: string
}

/**
 * The target that applies in a year, with its value as exact text and as shown, and its bounds
 * as exact decimals to compare each unit's value with.
 */
export type YearTarget =
  | {
      ok: true
      target: AppliedTarget
      bounds: TargetBounds<ExactDecimal>
      /** The baseline a delta target was added to, and its text; null for a target with a value. */
      baseline: { value: ExactDecimal; text: string } | null
      text: string
      shown: string
    }
  | { ok: false; reason: NoTargetReason }

/** What the config states for assessment years without targets (`yearsWithoutTargets`). */
export type YearTreatments = ReadonlyMap<number, 'carry-forward' | 'not-assessed'>

export interface CompiledMeasure {
  measure: Measure
  indicatorName: string
  unit: string | null
  step: Constant
  points: Constant
  baseline: Decimal | undefined
  /** The year whose data is the baseline of delta targets (each unit's own), if any. */
  baselineYear: number | undefined
  years: YearTreatments
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
      /** The condition compiled once (compile-formula.ts). */
      decide: CompiledFormula | undefined
      evidence: ((lookup: (id: string) => FormulaValue | undefined) => LocalizedText) | undefined
    }

/** Parses an item's constants and its condition once, for every unit scored with it. */
export function compileItem(
  item: AssessmentItem,
  indicators: IndicatorSet,
  years: YearTreatments = new Map(),
): CompiledItem {
  switch (item.kind) {
    case 'deduct': {
      const weight = constant(item.weight)
      const cap =
        item.cap === undefined
          ? weight
          : constant(ExactDecimal.min(ExactDecimal.of(item.cap), weight.value))
      return {
        kind: 'deduct',
        item,
        weight,
        cap,
        measures: item.measures.map((measure) => compileMeasure(measure, indicators, years)),
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
        decide: parsed.ok ? compileFormula(parsed.ast) : undefined,
        evidence: parsed.ok ? compileEvidence(parsed.ast, indicators.names) : undefined,
      }
    }
  }
}

function compileMeasure(
  measure: Measure,
  indicators: IndicatorSet,
  years: YearTreatments,
): CompiledMeasure {
  const indicator = indicators.byId.get(measure.indicator)
  const baseline = indicator?.baseline?.value
  return {
    measure,
    indicatorName: indicator?.name ?? measure.indicator,
    unit: indicator?.unit ?? null,
    step: constant(measure.step),
    points: constant(measure.points),
    baseline: baseline === undefined ? undefined : new Decimal(baseline),
    baselineYear: dataBaselineYear(indicator),
    years,
    targets: new Map(),
  }
}

/**
 * The target of `measure` in `year` (see select-target.ts): chosen once per year, or once per
 * unit when its baseline is the unit's own data (`dataBaseline`). A year without a target of its
 * own takes the latest earlier one only when the assessment states `carry-forward` for it.
 */
export function targetFor(
  measure: CompiledMeasure,
  year: number,
  dataBaseline?: Decimal,
): YearTarget {
  const perUnit = measure.baselineYear !== undefined
  let known = perUnit ? undefined : measure.targets.get(year)
  if (!known) {
    const treatment = measure.years.get(year)
    const choice =
      treatment === 'not-assessed'
        ? ({ ok: false, reason: 'not-assessed' } as const)
        : selectTarget(
            measure.measure.targets,
            year,
            perUnit ? dataBaseline : measure.baseline,
            treatment === 'carry-forward',
          )
    known = choice.ok ? yearTarget(choice.target) : choice
    if (!perUnit) measure.targets.set(year, known)
  }
  return known
}

function yearTarget(target: AppliedTarget): YearTarget {
  const exact = (value: Decimal | undefined) =>
    value === undefined ? undefined : ExactDecimal.from(value)
  const upTo = exact(target.upTo)
  const tolerance = exact(target.tolerance)
  return {
    ok: true,
    target,
    bounds: {
      op: target.op,
      value: ExactDecimal.from(target.value),
      ...(upTo ? { upTo } : {}),
      ...(tolerance ? { tolerance } : {}),
    },
    baseline: target.baseline
      ? { value: ExactDecimal.from(target.baseline), text: target.baseline.toString() }
      : null,
    text: target.value.toString(),
    shown: formatDecimal(target.value),
  }
}

function constant(number: number | ExactDecimal): Constant {
  const value = number instanceof ExactDecimal ? number : ExactDecimal.of(number)
  const text = value.toString()
  return { value, text, shown: formatExact(value) }
}
