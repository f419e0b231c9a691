/**
 * @module Scores one measure of a deduct item for one unit: the indicator's value, the target of
 * the year, the gap, the steps counted and the points deducted, with the sentence a reviewer
 * reads. Browser-safe.
 */
import type { LocalizedText } from '../compiler/config-issue.ts'
import { ExactDecimal, roundedText, ZERO } from '../formula/exact-decimal.ts'
import type { CompiledMeasure } from './compile-items.ts'
import { targetFor } from './compile-items.ts'
import type { IndicatorSet, InputValues } from './indicator-value.ts'
import type { MeasureScore } from './score-types.ts'
import { gapTo, meets } from './select-target.ts'
import { noBaselineText } from '../indicators/baseline.ts'

const ONE = ExactDecimal.of(1)
const EMPTY: InputValues = new Map()
const OP_SIGNS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }

export interface ItemInput {
  indicators: IndicatorSet
  values: InputValues
  year: number
  /** The unit's values in the years whose data is a baseline (indicator `baseline.year`). */
  baselines?: ReadonlyMap<number, InputValues>
}

export type ScoredMeasure =
  | { score: MeasureScore; deducted: null }
  | { score: MeasureScore; deducted: ExactDecimal; explanation: LocalizedText }

/** Scores one measure of a deduct item for the unit whose values are `input.values`. */
export function scoreMeasure(compiled: CompiledMeasure, input: ItemInput): ScoredMeasure {
  const { measure, indicatorName, step, points } = compiled
  const value = input.indicators.exactValueOf(measure.indicator, input.values)
  if (!value.ok)
    return { score: measureScore(compiled, value.missing, value.message), deducted: null }
  const valueText = value.value.toString()
  const baselineYear = compiled.baselineYear
  const baselineResult =
    baselineYear === undefined
      ? undefined
      : input.indicators.valueOf(measure.indicator, input.baselines?.get(baselineYear) ?? EMPTY)
  const choice = targetFor(
    compiled,
    input.year,
    baselineResult?.ok ? baselineResult.value : undefined,
  )
  if (!choice.ok) {
    const indicator = input.indicators.byId.get(measure.indicator)
    const problem =
      choice.reason === 'no-baseline'
        ? noBaselineText(indicator, indicatorName)
        : choice.reason === 'not-assessed'
          ? {
              zh: `配置写明 ${input.year} 年不考核（yearsWithoutTargets）`,
              en: `The config states ${input.year} is not assessed (yearsWithoutTargets)`,
            }
          : {
              zh: `「${indicatorName}」在 ${input.year} 年没有考核目标，配置也未写明该年沿用此前目标或不考核（yearsWithoutTargets）`,
              en: `"${indicatorName}" has no target for ${input.year}, and the config does not state whether the year carries an earlier target forward or is not assessed (yearsWithoutTargets)`,
            }
    return { score: measureScore(compiled, [], problem, valueText), deducted: null }
  }
  const { target, bounds } = choice
  const targetShown = { op: target.op, value: choice.text, year: target.year }
  const unit = compiled.unit ?? ''
  const label = measure.name
    ? { zh: `${measure.name}：`, en: `${measure.name}: ` }
    : { zh: '', en: '' }
  const sign = OP_SIGNS[target.op]!
  const year =
    target.year === null
      ? ''
      : target.year < input.year
        ? `（沿用 ${target.year} 年目标）`
        : `（${target.year} 年目标）`
  const baseline = choice.baseline
  const base = baseline
    ? {
        zh: `（${baselineYear ?? ''}${baselineYear === undefined ? '基线' : ' 年基线'} ${showFigure(baseline.value, baseline.text)}${compiled.unit ?? ''}）`,
        en: ` (baseline${baselineYear === undefined ? '' : ` ${baselineYear}`} ${showFigure(baseline.value, baseline.text)}${compiled.unit ?? ''})`,
      }
    : { zh: '', en: '' }
  const shown = showFigure(value.value, valueText)
  const said = {
    zh: `${label.zh}${indicatorName} ${shown}${unit}，目标 ${sign}${choice.shown}${unit}${base.zh}${year}，`,
    en: `${label.en}${indicatorName} ${shown}${unit}, target ${sign} ${choice.shown}${unit}${base.en}${target.year !== null && target.year < input.year ? ` (${target.year}'s, carried forward)` : ''}: `,
  }
  if (meets(value.value, bounds)) {
    return {
      score: measureScore(compiled, [], null, valueText, targetShown, true, '0', '0', '0'),
      deducted: ZERO,
      explanation: { zh: `${said.zh}达标，不扣分。`, en: `${said.en}met, nothing deducted.` },
    }
  }
  const gap = gapTo(value.value, bounds)
  const ratio = gap.dividedBy(step.value)
  const steps =
    measure.rounding === 'whole-steps'
      ? ratio.floor()
      : measure.rounding === 'started-steps'
        ? ExactDecimal.max(ratio.ceil(), ONE) // short of a strict target by 0 is still a started step
        : ratio
  // gap × points ÷ step rather than (gap ÷ step) × points: exact whenever the result terminates.
  const deducted =
    measure.rounding === 'proportional'
      ? gap.times(points.value).dividedBy(step.value)
      : steps.times(points.value)
  const over = target.op === '<=' || target.op === '<'
  const texts = { gap: gap.toString(), steps: steps.toString(), deducted: deducted.toString() }
  const gapShown = showFigure(gap, texts.gap)
  const stepsShown = showFigure(steps, texts.steps, 4)
  const deductedShown = showFigure(deducted, texts.deducted)
  const gapUnit = GAP_UNITS[unit] ?? { zh: unit, en: unit }
  const counted = roundingClause(measure.rounding, ratio, steps.times(step.value), step, gapUnit)
  const verb = over ? { zh: '超', en: 'over' } : { zh: '差', en: 'short' }
  return {
    score: measureScore(
      compiled,
      [],
      null,
      valueText,
      targetShown,
      false,
      texts.gap,
      texts.steps,
      texts.deducted,
    ),
    deducted,
    explanation: {
      zh: `${said.zh}${over ? '超出' : '差'} ${gapShown}${gapUnit.zh}${counted.zh}；每${verb.zh} ${step.shown}${gapUnit.zh}扣 ${points.shown} 分，计 ${stepsShown} 步，扣 ${deductedShown} 分。`,
      en: `${said.en}${verb.en} by ${gapShown}${gapUnit.en}${counted.en}; ${points.shown} per ${step.shown}${gapUnit.en}: ${stepsShown} step(s), ${deductedShown} deducted.`,
    },
  }
}

/** A measure's score written out in full (see the note above proportionalScore in score-items.ts). */
function measureScore(
  { measure, indicatorName, unit, step, points }: CompiledMeasure,
  missing: string[],
  problem: LocalizedText | null,
  value: string | null = null,
  target: MeasureScore['target'] = null,
  met: boolean | null = null,
  gap: string | null = null,
  steps: string | null = null,
  deducted: string | null = null,
): MeasureScore {
  return {
    name: measure.name ?? null,
    indicator: measure.indicator,
    indicatorName,
    unit,
    value,
    target,
    met,
    gap,
    step: step.text,
    points: points.text,
    rounding: measure.rounding,
    steps,
    deducted,
    missing,
    problem,
  }
}

/**
 * How a gap in a rate is said: a rate 0.6 short of 88 % is 0.6 个百分点 (percentage points), not
 * 0.6 %.
 */
const GAP_UNITS: Record<string, LocalizedText> = {
  '%': { zh: ' 个百分点', en: ' percentage point(s)' },
  '‰': { zh: ' 个千分点', en: ' permille point(s)' },
}

/**
 * What the rounding did to a gap that is not a whole number of steps, said beside the gap: 差 0.6
 * 个百分点，按 1 个百分点计 (a started step counts) or 按 0 个百分点计 (only whole steps count).
 * Nothing when the gap is a whole number of steps.
 */
function roundingClause(
  rounding: string,
  ratio: ExactDecimal,
  countedGap: ExactDecimal,
  step: { shown: string },
  unit: LocalizedText,
): LocalizedText {
  if (rounding === 'proportional') return { zh: '（按比例计）', en: ' (pro rata)' }
  if (ratio.isInteger() && !ratio.isZero()) return { zh: '', en: '' }
  const shown = showFigure(countedGap, countedGap.toString())
  return rounding === 'started-steps'
    ? {
        zh: `，按 ${shown}${unit.zh}计（不足 ${step.shown}${unit.zh}的按 ${step.shown}${unit.zh}计）`,
        en: `, counted as ${shown}${unit.en} (a started step of ${step.shown} counts in full)`,
      }
    : {
        zh: `，按 ${shown}${unit.zh}计（只计整步，不足 ${step.shown}${unit.zh}的不计）`,
        en: `, counted as ${shown}${unit.en} (only whole steps of ${step.shown} count)`,
      }
}

/** `value` as shown; `text` is its exact text, which is how it shows when it has few places. */
export function showFigure(value: ExactDecimal, text: string, places = 2): string {
  return roundedText(value, text, places)
}
