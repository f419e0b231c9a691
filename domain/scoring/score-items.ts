/**
 * @module Scores one item of an assessment for one unit, by kind, with the explanation a
 * reviewer reads: value, target, gap, steps, points deducted and whether the cap applied.
 * Items come compiled (compile-items.ts), so constants are parsed once, not once per unit.
 * Browser-safe.
 */
import type { LocalizedText } from '../compiler/config-issue.ts'
import { ExactDecimal, roundedText, ZERO } from '../formula/exact-decimal.ts'
import type { CompiledItem, CompiledMeasure } from './compile-items.ts'
import { targetFor } from './compile-items.ts'
import { exactInput } from './indicator-value.ts'
import type { IndicatorSet, InputValues } from './indicator-value.ts'
import type { ItemScore, MeasureScore } from './score-types.ts'
import { gapTo, meets } from './select-target.ts'
import { noBaselineText } from '../indicators/baseline.ts'

type CompiledDeduct = Extract<CompiledItem, { kind: 'deduct' }>
type CompiledProportional = Extract<CompiledItem, { kind: 'proportional' }>
type CompiledConditional = Extract<CompiledItem, { kind: 'bonus' | 'veto' }>

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

/** An item's score, with the points it earned to add up (null when it earned none). */
export interface ScoredItem {
  result: ItemScore
  points: ExactDecimal | null
}

/** Scores one compiled item for the unit whose values are `input.values`. */
export function scoreItem(compiled: CompiledItem, input: ItemInput): ScoredItem {
  switch (compiled.kind) {
    case 'deduct':
      return scoreDeduct(compiled, input)
    case 'proportional':
      return scoreProportional(compiled, input)
    case 'bonus':
    case 'veto':
      return scoreConditional(compiled, input)
  }
}

function scoreDeduct(
  { item, weight, cap, measures: compiledMeasures }: CompiledDeduct,
  input: ItemInput,
): ScoredItem {
  const measures: MeasureScore[] = []
  const explanation = { zh: '', en: '' }
  let deducted = ZERO
  let failed: MeasureScore | undefined
  for (const compiled of compiledMeasures) {
    const scored = scoreMeasure(compiled, input)
    measures.push(scored.score)
    if (scored.deducted === null) failed ??= scored.score
    else {
      deducted = deducted.plus(scored.deducted)
      explanation.zh += scored.explanation.zh
      explanation.en += `${scored.explanation.en} `
    }
  }
  const { id, name, kind } = item
  if (failed) {
    const missing = [...new Set(measures.flatMap((m) => m.missing))]
    const status = failed.missing.length ? 'missing' : 'error'
    const result: ItemScore = {
      id,
      name,
      kind,
      weight: weight.text,
      cap: cap.text,
      measures,
      score: null,
      deducted: null,
      capApplied: false,
      status,
      missing,
      explanation: failed.problem!,
    }
    return { result, points: null }
  }
  const capApplied = deducted.greaterThan(cap.value)
  const score = weight.value.minus(capApplied ? cap.value : deducted)
  const texts = { score: score.toString(), deducted: deducted.toString() }
  const deductedShown = fmt(deducted, texts.deducted)
  const scoreShown = fmt(score, texts.score)
  if (capApplied) {
    explanation.zh += `合计扣 ${deductedShown} 分，超过上限 ${cap.shown} 分，扣完为止，得 ${scoreShown} 分。`
    explanation.en += `${deductedShown} points deducted in all, over the cap of ${cap.shown}: ${scoreShown} points.`
  } else {
    explanation.zh += `共扣 ${deductedShown} 分，得 ${scoreShown} 分。`
    explanation.en += `${deductedShown} points deducted: ${scoreShown} points.`
  }
  const result: ItemScore = {
    id,
    name,
    kind,
    weight: weight.text,
    cap: cap.text,
    measures,
    score: texts.score,
    deducted: texts.deducted,
    capApplied,
    status: 'scored',
    missing: [],
    explanation,
  }
  return { result, points: score }
}

type ScoredMeasure =
  | { score: MeasureScore; deducted: null }
  | { score: MeasureScore; deducted: ExactDecimal; explanation: LocalizedText }

function scoreMeasure(compiled: CompiledMeasure, input: ItemInput): ScoredMeasure {
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
        zh: `（${baselineYear ?? ''}${baselineYear === undefined ? '基线' : ' 年基线'} ${fmt(baseline.value, baseline.text)}${compiled.unit ?? ''}）`,
        en: ` (baseline${baselineYear === undefined ? '' : ` ${baselineYear}`} ${fmt(baseline.value, baseline.text)}${compiled.unit ?? ''})`,
      }
    : { zh: '', en: '' }
  const shown = fmt(value.value, valueText)
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
  const gapShown = fmt(gap, texts.gap)
  const stepsShown = fmt(steps, texts.steps, 4)
  const deductedShown = fmt(deducted, texts.deducted)
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

/** A measure's score written out in full (see the note above proportionalScore). */
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
  const shown = fmt(countedGap, countedGap.toString())
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

function scoreProportional(compiled: CompiledProportional, input: ItemInput): ScoredItem {
  const { item, weight, full, indicatorName, unit } = compiled
  const value = input.indicators.exactValueOf(item.indicator, input.values)
  if (!value.ok)
    return proportionalScore(
      compiled,
      null,
      { value: null, score: null },
      value.missing.length ? 'missing' : 'error',
      value.missing,
      value.message,
    )
  // value × weight ÷ full rather than (value ÷ full) × weight: 30 of 90 × 30 points is exactly 10.
  const score = ExactDecimal.min(ExactDecimal.max(value.value, ZERO), full.value)
    .times(weight.value)
    .dividedBy(full.value)
  const texts = { value: value.value.toString(), score: score.toString() }
  const shown = fmt(value.value, texts.value)
  const scoreShown = fmt(score, texts.score)
  const over = value.value.greaterThan(full.value)
  return proportionalScore(compiled, score, texts, 'scored', [], {
    zh: `${indicatorName} ${shown}${unit}，满分对应 ${full.shown}${unit}；得分 = ${shown} ÷ ${full.shown} × ${weight.shown} = ${scoreShown} 分${over ? '（以满分为限）' : ''}。`,
    en: `${indicatorName} ${shown}${unit}, full marks at ${full.shown}${unit}: ${shown} ÷ ${full.shown} × ${weight.shown} = ${scoreShown} points${over ? ' (capped at full marks)' : ''}.`,
  })
}

function scoreConditional(compiled: CompiledConditional, input: ItemInput): ScoredItem {
  const { item, points, decide } = compiled
  if (item.kind === 'bonus' && item.year !== undefined && item.year !== input.year) {
    return conditionalScore(compiled, ZERO, null, 'not-applicable', [], {
      zh: `加分项只适用于 ${item.year} 年，${input.year} 年不适用。`,
      en: `This bonus applies to ${item.year} only, not ${input.year}.`,
    })
  }
  const result = decide?.((id) => exactInput(input.values.get(id)))
  if (!result || !result.ok || typeof result.value !== 'boolean') {
    const missing = result && !result.ok && result.reason === 'missing' ? result.missing : []
    const zh = missing.length
      ? `判断「${item.name}」缺少数据：${missing.join('、')}`
      : `「${item.name}」的条件无法判断（${item.when}）`
    const en = missing.length
      ? `"${item.name}" cannot be decided: missing ${missing.join(', ')}`
      : `The condition of "${item.name}" cannot be decided (${item.when})`
    return conditionalScore(compiled, null, null, missing.length ? 'missing' : 'error', missing, {
      zh,
      en,
    })
  }
  const holds = result.value
  if (!holds) {
    return points
      ? conditionalScore(compiled, ZERO, false, 'scored', [], {
          zh: '条件不成立，不加分。',
          en: 'The condition does not hold: no bonus.',
        })
      : conditionalScore(compiled, null, false, 'scored', [], {
          zh: '未触发一票否决。',
          en: 'No veto.',
        })
  }
  // A bonus granted or a veto applied says what it was decided on (worked out only then: most
  // units trigger neither, and the evidence costs decimal arithmetic for each).
  const why = compiled.evidence!((id) => input.values.get(id))
  return points
    ? conditionalScore(compiled, points.value, true, 'scored', [], {
        zh: `条件成立（${why.zh}），加 ${points.shown} 分。`,
        en: `The condition holds (${why.en}): ${points.shown} bonus points.`,
      })
    : conditionalScore(compiled, null, true, 'scored', [], {
        zh: `触发一票否决：${why.zh}。`,
        en: `Veto (一票否决) applies: ${why.en}.`,
      })
}

// Item results are written out in full, here and in scoreDeduct: spreading a small shared base
// object and adding fields costs V8 about a microsecond per added field, which was a third of
// the time to score 2,800 units (bench/scoring.bench.ts).
function proportionalScore(
  { item, weight, full }: CompiledProportional,
  score: ExactDecimal | null,
  texts: { value: string | null; score: string | null },
  status: ItemScore['status'],
  missing: string[],
  explanation: LocalizedText,
): ScoredItem {
  const result: ItemScore = {
    id: item.id,
    name: item.name,
    kind: item.kind,
    weight: weight.text,
    indicator: item.indicator,
    full: full.text,
    score: texts.score,
    value: texts.value,
    status,
    missing,
    explanation,
  }
  return { result, points: score }
}

function conditionalScore(
  { item, points }: CompiledConditional,
  score: ExactDecimal | null,
  holds: boolean | null,
  status: ItemScore['status'],
  missing: string[],
  explanation: LocalizedText,
): ScoredItem {
  const result: ItemScore = {
    id: item.id,
    name: item.name,
    kind: item.kind,
    weight: points?.text ?? null,
    condition: item.when,
    score: score?.toString() ?? null,
    holds,
    status,
    missing,
    explanation,
  }
  return { result, points: score }
}

/** `value` as shown; `text` is its exact text, which is how it shows when it has few places. */
function fmt(value: ExactDecimal, text: string, places = 2): string {
  return roundedText(value, text, places)
}
