/**
 * @module Pure formatting shared by the assessment pages: exact decimals for people, a grade's
 * tone (its colour), a grade's score range, consequences in words, an item's score and the rows
 * that explain it (value, target, gap, steps, deducted). Missing data is never shown as 0.
 */
import { Decimal } from 'decimal.js'
import { locale } from '../../i18n.ts'
import { unitLabel } from '../../units-of-measure.ts'
import { m } from './assessment-messages.ts'
import type { Effect, Grade, ItemScore, MeasureScore } from './assessment-types.ts'

/** Colour classes, best to worst; `none` when there is no grade (data missing). */
export type GradeTone = 'top' | 'high' | 'low' | 'bottom' | 'none'

const OPS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }

/**
 * An exact decimal string for people: at most `places` decimals (half up), no trailing zeros,
 * never in exponent form. The server's strings are exact, so this never goes through a float.
 * @example formatDecimal('90.361445783133') // '90.36'
 */
export function formatDecimal(text: string | number, places = 2): string {
  return new Decimal(text).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed()
}

/** A score, or what stands in its place: 数据缺失 — never 0 — when it could not be computed. */
export function scoreText(text: string | null | undefined): { text: string; missing: boolean } {
  return text === null || text === undefined
    ? { text: m('missingValue'), missing: true }
    : { text: formatDecimal(text), missing: false }
}

/** The tone of a grade by the rank of its minimum: the best band `top`, the worst `bottom`. */
export function gradeTone(
  grades: readonly Pick<Grade, 'id' | 'min'>[],
  gradeId: string | null | undefined,
): GradeTone {
  const ranked = [...grades].sort((a, b) => b.min - a.min)
  const index = ranked.findIndex((grade) => grade.id === gradeId)
  if (index < 0) return 'none'
  if (index === 0) return 'top'
  if (index === ranked.length - 1) return 'bottom'
  return index === 1 ? 'high' : 'low'
}

/** 90 分及以上 · 70 分及以上、90 分以下 · 60–69 分. */
export function gradeRange(grade: Pick<Grade, 'min' | 'max' | 'below'>): string {
  if (grade.below !== null) return m('rangeBelow', { min: grade.min, below: grade.below })
  if (grade.max !== null) return m('rangeTo', { min: grade.min, max: grade.max })
  return m('rangeFrom', { min: grade.min })
}

/** The English gloss of a consequence (the document's own words stay in Chinese). */
function effectGloss(effect: Effect): string | null {
  const percent = effect.percent ?? 0
  switch (effect.kind) {
    case 'budget-adjustment':
      return percent === 0
        ? m('effect_budget_full')
        : m(percent < 0 ? 'effect_budget_cut' : 'effect_budget_raise', { n: Math.abs(percent) })
    case 'next-year-budget-adjustment':
      return percent === 0
        ? m('effect_next_same')
        : m(percent < 0 ? 'effect_next_cut' : 'effect_next_raise', { n: Math.abs(percent) })
    case 'support':
      return m('effect_support')
    default:
      return null
  }
}

/** A consequence as the document words it (全额拨付…, 扣减 10%…); in English, a gloss first. */
export function effectText(effect: Effect): string {
  if (locale() === 'zh') return effect.text
  const gloss = effectGloss(effect)
  return gloss ? `${gloss} (${effect.text})` : effect.text
}

/** Data input ids as names where the catalogue knows them: 县域内就诊人次、参保人员就诊总人次. */
export function missingNames(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return ids.map((id) => names.get(id) ?? id).join(locale() === 'zh' ? '、' : ', ')
}

/** What an item's score cell says: the points, or why there are none. */
export function itemScoreText(item: Pick<ItemScore, 'kind' | 'status' | 'score' | 'holds'>): {
  text: string
  missing: boolean
} {
  if (item.status === 'missing') return { text: m('missingValue'), missing: true }
  if (item.status === 'not-applicable') return { text: m('notApplicable'), missing: false }
  if (item.status === 'error') return { text: m('notScored'), missing: true }
  if (item.kind === 'veto')
    return { text: item.holds ? m('vetoApplied') : m('vetoNot'), missing: false }
  return scoreText(item.score)
}

/** `≥ 90%（2021 年目标）` */
export function targetText(measure: Pick<MeasureScore, 'target' | 'unit'>): string {
  if (!measure.target) return ''
  const year = measure.target.year === null ? '' : m('targetYear', { year: measure.target.year })
  const unit = measure.unit ? unitLabel(measure.unit, Number(measure.target.value)) : ''
  // A Chinese unit follows the number directly (≥ 2个), an English word after a space (≥ 2 visits).
  const spaced = unit && locale() === 'en' && !['%', '‰'].includes(unit) ? ` ${unit}` : unit
  return `${OPS[measure.target.op] ?? measure.target.op} ${formatDecimal(measure.target.value)}${spaced}${year}`
}

/** One line of an item's explanation table. */
export interface ExplanationRow {
  label: string
  value: string
  target: string
  gap: string
  steps: string
  deducted: string
  met: boolean | null
  missing: boolean
}

/**
 * The facts behind an item's score, one row per measure (value, target, gap, steps, points
 * deducted); a proportional item gives its value against full marks; bonus and veto items their
 * condition. An empty list for items with nothing to tabulate.
 */
export function explanationRows(item: ItemScore): ExplanationRow[] {
  const blank = { target: '', gap: '', steps: '', deducted: '', met: null, missing: false }
  if (item.kind === 'deduct') {
    return (item.measures ?? []).map((measure) => {
      const unit = measure.unit ?? ''
      const missing = measure.value === null
      return {
        label: measure.name ? `${measure.name}（${measure.indicatorName}）` : measure.indicatorName,
        value: missing ? m('missingValue') : `${formatDecimal(measure.value!)}${unit}`,
        target: targetText(measure),
        gap:
          measure.gap === null
            ? ''
            : measure.met
              ? m('met')
              : `${formatDecimal(measure.gap)}${unit}`,
        steps: measure.steps === null ? '' : formatDecimal(measure.steps, 4),
        deducted: measure.deducted === null ? '' : formatDecimal(measure.deducted),
        met: measure.met,
        missing,
      }
    })
  }
  if (item.kind === 'proportional') {
    const missing = item.value === null || item.value === undefined
    return [
      {
        ...blank,
        label: item.name,
        value: missing ? m('missingValue') : formatDecimal(item.value!),
        target: item.full ? `${m('totalScore')} ${formatDecimal(item.full)}` : '',
        missing,
      },
    ]
  }
  if (item.holds === null || item.holds === undefined)
    return item.status === 'missing'
      ? [{ ...blank, label: item.condition ?? '', value: m('missingValue'), missing: true }]
      : []
  return [{ ...blank, label: item.condition ?? '', value: item.holds ? m('holds') : m('holdsNot') }]
}

/** An instant as Beijing time in the current locale: 2021年12月20日 09:00 (the app's one helper, in i18n.ts). */
export { formatInstant } from '../../i18n.ts'

/**
 * What stands under a total: 满分 100, and 含加分 5 when a bonus counts (so a total of 109.45
 * beside 满分 100 reads as earned, not as an error), and whether the maxScore capped it.
 */
export function totalNote(
  score: { bonus: string | null; maxScoreApplied: boolean },
  totalScore: number,
): string {
  const bonus = hasBonus(score) ? m('inclBonus', { n: formatDecimal(score.bonus!) }) : ''
  return [m('outOf', { n: totalScore }), bonus, score.maxScoreApplied ? m('maxCapped') : '']
    .filter(Boolean)
    .join(' · ')
}

/** Whether a bonus above 0 counts in the total. */
export function hasBonus(score: { bonus: string | null }): boolean {
  return score.bonus !== null && new Decimal(score.bonus).greaterThan(0)
}

/** The API path of an assessment, or of one of its years, or one unit's report in that year. */
export function assessmentPath(
  planId: string,
  assessmentId: string,
  year?: number,
  unitId?: string,
): string {
  const base = `/api/plans/${encodeURIComponent(planId)}/assessments/${encodeURIComponent(assessmentId)}`
  if (year === undefined) return base
  return unitId === undefined
    ? `${base}/runs/${year}`
    : `${base}/runs/${year}/units/${encodeURIComponent(unitId)}`
}

/** The page (hash route) of the list, a year's results, or one unit's report. */
export function assessmentHref(
  planId: string,
  assessmentId?: string,
  year?: number,
  unitId?: string,
): string {
  let href = `#/plans/${encodeURIComponent(planId)}/assessments`
  if (assessmentId === undefined) return href
  href += `/${encodeURIComponent(assessmentId)}`
  if (year === undefined) return href
  href += `/${year}`
  return unitId === undefined ? href : `${href}/units/${encodeURIComponent(unitId)}`
}
