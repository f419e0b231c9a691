/**
 * @module Scores one item of an assessment for one unit, by kind, with the explanation a
 * reviewer reads: value, target, gap, steps, points deducted and whether the cap applied.
 * Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { AssessmentItem } from '../../schemas/index.js'
import type { LocalizedText } from '../compiler/config-issue.js'
import { evaluateFormula } from '../formula/evaluate-formula.js'
import type { FormulaNode } from '../formula/parse-formula.js'
import { formatDecimal } from './indicator-value.js'
import type { IndicatorSet, InputValues } from './indicator-value.js'
import type { ItemScore, MeasureScore } from './score-types.js'
import { gapTo, meets, selectTarget } from './select-target.js'

type Deduct = Extract<AssessmentItem, { kind: 'deduct' }>
type Measure = Deduct['measures'][number]
type Proportional = Extract<AssessmentItem, { kind: 'proportional' }>
type Conditional = Extract<AssessmentItem, { kind: 'bonus' | 'veto' }>

const ZERO = new Decimal(0)
const OP_WORDS: Record<string, { zh: string; en: string }> = {
  '>=': { zh: '≥', en: '≥' },
  '>': { zh: '>', en: '>' },
  '<=': { zh: '≤', en: '≤' },
  '<': { zh: '<', en: '<' },
  '=': { zh: '=', en: '=' },
}

export interface ItemInput {
  indicators: IndicatorSet
  values: InputValues
  year: number
  /** Parsed `when` conditions of bonus and veto items, by item id. */
  conditions: ReadonlyMap<string, FormulaNode>
}

export function scoreItem(item: AssessmentItem, input: ItemInput): ItemScore {
  switch (item.kind) {
    case 'deduct':
      return scoreDeduct(item, input)
    case 'proportional':
      return scoreProportional(item, input)
    case 'bonus':
    case 'veto':
      return scoreConditional(item, input)
  }
}

function scoreDeduct(item: Deduct, input: ItemInput): ItemScore {
  const weight = new Decimal(item.weight)
  const cap = item.cap === undefined ? weight : Decimal.min(new Decimal(item.cap), weight)
  const measures = item.measures.map((measure) => scoreMeasure(measure, input))
  const base = { id: item.id, name: item.name, kind: item.kind, weight: weight.toString(), cap: cap.toString(), measures }
  const missing = [...new Set(measures.flatMap((m) => m.missing))]
  const failed = measures.find((m) => m.deducted === null)
  if (failed) {
    const status = failed.missing.length ? 'missing' : 'error'
    return { ...base, score: null, deducted: null, capApplied: false, status, missing, explanation: failed.problem! }
  }
  const deducted = measures.reduce((sum, m) => sum.plus(m.deducted!), ZERO)
  const capApplied = deducted.greaterThan(cap)
  const score = weight.minus(Decimal.min(deducted, cap))
  const parts = measures.map((m) => describeMeasure(m))
  const tail: LocalizedText = capApplied
    ? { zh: `合计扣 ${fmt(deducted)} 分，超过上限 ${fmt(cap)} 分，扣完为止，得 ${fmt(score)} 分。`, en: `${fmt(deducted)} points deducted in all, over the cap of ${fmt(cap)}: ${fmt(score)} points.` }
    : { zh: `共扣 ${fmt(deducted)} 分，得 ${fmt(score)} 分。`, en: `${fmt(deducted)} points deducted: ${fmt(score)} points.` }
  return {
    ...base,
    score: score.toString(),
    deducted: deducted.toString(),
    capApplied,
    status: 'scored',
    missing: [],
    explanation: { zh: [...parts.map((p) => p.zh), tail.zh].join(''), en: [...parts.map((p) => p.en), tail.en].join(' ') },
  }
}

function scoreMeasure(measure: Measure, input: ItemInput): MeasureScore {
  const indicator = input.indicators.byId.get(measure.indicator)
  const step = new Decimal(measure.step)
  const points = new Decimal(measure.points)
  const result: MeasureScore = {
    name: measure.name ?? null,
    indicator: measure.indicator,
    indicatorName: indicator?.name ?? measure.indicator,
    unit: indicator?.unit ?? null,
    value: null,
    target: null,
    met: null,
    gap: null,
    step: step.toString(),
    points: points.toString(),
    rounding: measure.rounding,
    steps: null,
    deducted: null,
    missing: [],
    problem: null,
  }
  const value = input.indicators.valueOf(measure.indicator, input.values)
  if (!value.ok) return { ...result, missing: value.missing, problem: value.message }
  result.value = value.value.toString()
  const baseline = indicator?.baseline?.value
  const choice = selectTarget(measure.targets, input.year, baseline === undefined ? undefined : new Decimal(baseline))
  if (!choice.ok) {
    const zh = choice.reason === 'none' ? `「${result.indicatorName}」在 ${input.year} 年没有考核目标` : `「${result.indicatorName}」的目标是较基线的增量，但没有基线值`
    const en = choice.reason === 'none' ? `"${result.indicatorName}" has no target for ${input.year}` : `"${result.indicatorName}" has a target relative to a baseline that has no value`
    return { ...result, problem: { zh, en } }
  }
  const target = choice.target
  result.target = { op: target.op, value: target.value.toString(), year: target.year }
  const met = meets(value.value, target)
  const gap = gapTo(value.value, target)
  const ratio = gap.dividedBy(step)
  const steps =
    met ? ZERO
    : measure.rounding === 'whole-steps' ? ratio.floor()
    : measure.rounding === 'started-steps' ? Decimal.max(ratio.ceil(), 1) // short of a strict target by 0 is still a started step
    : ratio
  // gap × points ÷ step rather than (gap ÷ step) × points: exact whenever the result terminates.
  const deducted = measure.rounding === 'proportional' ? gap.times(points).dividedBy(step) : steps.times(points)
  return { ...result, met, gap: gap.toString(), steps: steps.toString(), deducted: deducted.toString() }
}

function describeMeasure(m: MeasureScore): LocalizedText {
  const unit = m.unit ?? ''
  const label = m.name ? `${m.name}：` : ''
  const labelEn = m.name ? `${m.name}: ` : ''
  const value = fmt(new Decimal(m.value!))
  const target = `${OP_WORDS[m.target!.op]!.zh}${fmt(new Decimal(m.target!.value))}${unit}`
  const targetEn = `${OP_WORDS[m.target!.op]!.en} ${fmt(new Decimal(m.target!.value))}${unit}`
  const year = m.target!.year === null ? '' : `（${m.target!.year} 年目标）`
  if (m.met) return { zh: `${label}${m.indicatorName} ${value}${unit}，目标 ${target}${year}，达标，不扣分。`, en: `${labelEn}${m.indicatorName} ${value}${unit}, target ${targetEn}: met, nothing deducted.` }
  const over = m.target!.op === '<=' || m.target!.op === '<'
  const rounding = m.rounding === 'whole-steps' ? '只计整步' : m.rounding === 'started-steps' ? '不足一步按一步' : '按比例'
  return {
    zh: `${label}${m.indicatorName} ${value}${unit}，目标 ${target}${year}，${over ? '超出' : '差'} ${fmt(new Decimal(m.gap!))}${unit}；每${over ? '超' : '差'} ${fmt(new Decimal(m.step))}${unit}扣 ${fmt(new Decimal(m.points))} 分，${rounding}，计 ${fmt(new Decimal(m.steps!), 4)} 步，扣 ${fmt(new Decimal(m.deducted!))} 分。`,
    en: `${labelEn}${m.indicatorName} ${value}${unit}, target ${targetEn}: ${over ? 'over' : 'short'} by ${fmt(new Decimal(m.gap!))}${unit}; ${fmt(new Decimal(m.points))} per ${fmt(new Decimal(m.step))}${unit} (${m.rounding}), ${fmt(new Decimal(m.steps!), 4)} step(s), ${fmt(new Decimal(m.deducted!))} deducted.`,
  }
}

function scoreProportional(item: Proportional, input: ItemInput): ItemScore {
  const weight = new Decimal(item.weight)
  const full = new Decimal(item.full)
  const indicator = input.indicators.byId.get(item.indicator)
  const unit = indicator?.unit ?? ''
  const base = { id: item.id, name: item.name, kind: item.kind, weight: weight.toString(), indicator: item.indicator, full: full.toString() }
  const value = input.indicators.valueOf(item.indicator, input.values)
  if (!value.ok) return { ...base, score: null, value: null, status: value.missing.length ? 'missing' : 'error', missing: value.missing, explanation: value.message }
  // value × weight ÷ full rather than (value ÷ full) × weight: 30 of 90 × 30 points is exactly 10.
  const score = Decimal.min(Decimal.max(value.value, ZERO), full).times(weight).dividedBy(full)
  const name = indicator?.name ?? item.indicator
  return {
    ...base,
    score: score.toString(),
    value: value.value.toString(),
    status: 'scored',
    missing: [],
    explanation: {
      zh: `${name} ${fmt(value.value)}${unit}，满分对应 ${fmt(full)}${unit}；得分 = ${fmt(value.value)} ÷ ${fmt(full)} × ${fmt(weight)} = ${fmt(score)} 分${value.value.greaterThan(full) ? '（以满分为限）' : ''}。`,
      en: `${name} ${fmt(value.value)}${unit}, full marks at ${fmt(full)}${unit}: ${fmt(value.value)} ÷ ${fmt(full)} × ${fmt(weight)} = ${fmt(score)} points${value.value.greaterThan(full) ? ' (capped at full marks)' : ''}.`,
    },
  }
}

function scoreConditional(item: Conditional, input: ItemInput): ItemScore {
  const isBonus = item.kind === 'bonus'
  const points = isBonus ? new Decimal(item.points) : null
  const base = { id: item.id, name: item.name, kind: item.kind, weight: points?.toString() ?? null, condition: item.when }
  if (isBonus && item.year !== undefined && item.year !== input.year) {
    return {
      ...base, score: '0', holds: null, status: 'not-applicable', missing: [],
      explanation: { zh: `加分项只适用于 ${item.year} 年，${input.year} 年不适用。`, en: `This bonus applies to ${item.year} only, not ${input.year}.` },
    }
  }
  const condition = input.conditions.get(item.id)
  const result = condition ? evaluateFormula(condition, (id) => input.values.get(id)) : undefined
  if (!result || !result.ok || typeof result.value !== 'boolean') {
    const missing = result && !result.ok && result.reason === 'missing' ? result.missing : []
    const zh = missing.length ? `判断「${item.name}」缺少数据：${missing.join('、')}` : `「${item.name}」的条件无法判断（${item.when}）`
    const en = missing.length ? `"${item.name}" cannot be decided: missing ${missing.join(', ')}` : `The condition of "${item.name}" cannot be decided (${item.when})`
    return { ...base, score: null, holds: null, status: missing.length ? 'missing' : 'error', missing, explanation: { zh, en } }
  }
  const holds = result.value
  if (isBonus) {
    return {
      ...base, score: holds ? points!.toString() : '0', holds, status: 'scored', missing: [],
      explanation: holds
        ? { zh: `条件成立，加 ${fmt(points!)} 分。`, en: `The condition holds: ${fmt(points!)} bonus points.` }
        : { zh: '条件不成立，不加分。', en: 'The condition does not hold: no bonus.' },
    }
  }
  return {
    ...base, score: null, holds, status: 'scored', missing: [],
    explanation: holds
      ? { zh: '触发一票否决。', en: 'Veto (一票否决) applies.' }
      : { zh: '未触发一票否决。', en: 'No veto.' },
  }
}

function fmt(value: Decimal, places = 2): string {
  return formatDecimal(value, places)
}
