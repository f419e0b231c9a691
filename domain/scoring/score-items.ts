/**
 * @module Scores one item of an assessment for one unit, by kind, with the explanation a
 * reviewer reads: value, target, gap, steps, points deducted and whether the cap applied.
 * Items come compiled (compile-items.ts), so constants are parsed once, not once per unit.
 * Browser-safe.
 */
import type { LocalizedText } from '../compiler/config-issue.ts'
import { ExactDecimal, ZERO } from '../formula/exact-decimal.ts'
import type { CompiledItem } from './compile-items.ts'
import { exactInput } from './indicator-value.ts'
import type { ItemScore, MeasureScore } from './score-types.ts'
import { scoreMeasure, showFigure } from './score-measure.ts'
import type { ItemInput } from './score-measure.ts'

export type { ItemInput } from './score-measure.ts'

type CompiledDeduct = Extract<CompiledItem, { kind: 'deduct' }>
type CompiledProportional = Extract<CompiledItem, { kind: 'proportional' }>
type CompiledConditional = Extract<CompiledItem, { kind: 'bonus' | 'veto' }>

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
  const deductedShown = showFigure(deducted, texts.deducted)
  const scoreShown = showFigure(score, texts.score)
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
  const shown = showFigure(value.value, texts.value)
  const scoreShown = showFigure(score, texts.score)
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
