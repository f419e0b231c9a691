/**
 * @module Scores an assessment for one unit and year: each item, the weighted base, bonuses
 * (within `bonusCap`), the total (within `maxScore`), the grade from the bands, and 一票否决
 * forcing its grade. A unit with any item that cannot be scored gets no total and no grade —
 * missing data is reported, never counted as zero. Compile once per assessment and score many
 * units with it. Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { Assessment, PolicyConfig } from '../../schemas/index.ts'
import { ExactDecimal, ZERO } from '../formula/exact-decimal.ts'
import { compileItem } from './compile-items.ts'
import type { CompiledItem } from './compile-items.ts'
import { formatDecimal, IndicatorSet } from './indicator-value.ts'
import type { InputValues } from './indicator-value.ts'
import { scoreItem } from './score-items.ts'
import { dataBaselineYears } from '../indicators/baseline.ts'
import type { UnitScore } from './score-types.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

export interface CompiledAssessment {
  assessment: Assessment
  indicators: IndicatorSet
  /** The items in order, their constants and conditions parsed once. */
  items: CompiledItem[]
  /** Years whose data is the baseline of a measured indicator: load them with the year scored. */
  baselineYears: number[]
  /** The caps and the grades' bands as exact decimals, made once. */
  bonusCap: ExactDecimal | undefined
  maxScore: ExactDecimal | undefined
  bands: Band[]
}

/** A grade's band: min inclusive, `max` inclusive or `below` exclusive. */
export interface Band {
  id: string
  min: ExactDecimal
  max: ExactDecimal | undefined
  below: ExactDecimal | undefined
}

const exact = (value: number | undefined) =>
  value === undefined ? undefined : ExactDecimal.of(value)

/** Whether the config states that `year` is not assessed (`yearsWithoutTargets`). */
export function notAssessedIn(assessment: Assessment, year: number): boolean {
  return (assessment.yearsWithoutTargets ?? []).some(
    (entry) => entry.year === year && entry.treatment === 'not-assessed',
  )
}

export function compileAssessment(
  config: PolicyConfig,
  assessmentId: string,
  indicators = new IndicatorSet(config),
): CompiledAssessment {
  const assessment = config.assessments?.find((a) => a.id === assessmentId)
  if (!assessment) throw new Error(`no assessment ${assessmentId}`)
  const years = new Map(
    (assessment.yearsWithoutTargets ?? []).map((entry) => [entry.year, entry.treatment]),
  )
  const items = assessment.items.map((item) => compileItem(item, indicators, years))
  const measured = new Set(
    assessment.items.flatMap((item) =>
      item.kind === 'deduct' ? item.measures.map((measure) => measure.indicator) : [],
    ),
  )
  const baselineYears = dataBaselineYears(
    [...measured].flatMap((id) => indicators.byId.get(id) ?? []),
  )
  return {
    assessment,
    indicators,
    items,
    baselineYears,
    bonusCap: exact(assessment.bonusCap),
    maxScore: exact(assessment.maxScore),
    bands: assessment.grades.map((grade) => ({
      id: grade.id,
      min: ExactDecimal.of(grade.min),
      max: exact(grade.max),
      below: exact(grade.below),
    })),
  }
}

export function scoreUnit(
  compiled: CompiledAssessment,
  unitId: string,
  year: number,
  values: InputValues,
  baselines?: ReadonlyMap<number, InputValues>,
): UnitScore {
  const { assessment, indicators } = compiled
  const input = { indicators, values, year, ...(baselines ? { baselines } : {}) }
  const scored = compiled.items.map((item) => scoreItem(item, input))
  const items = scored.map((item) => item.result)
  const complete = items.every(
    (item) => item.status === 'scored' || item.status === 'not-applicable',
  )
  const missing = [...new Set(items.flatMap((item) => item.missing))]
  const veto = assessment.items.find(
    (item, index) => item.kind === 'veto' && items[index]!.holds === true,
  )
  const result: UnitScore = {
    assessmentId: assessment.id,
    unitId,
    year,
    complete,
    missing,
    base: null,
    bonus: null,
    bonusCapApplied: false,
    total: null,
    maxScoreApplied: false,
    vetoedBy: veto?.id ?? null,
    grade: null,
    effects: [],
    items,
  }
  if (veto && veto.kind === 'veto') {
    const vetoed = items.find((item) => item.id === veto.id)!
    const forced = assessment.grades.find((grade) => grade.id === veto.grade)
    // Keeps the facts the veto was decided on, then says what it does.
    vetoed.explanation = {
      zh: `${vetoed.explanation.zh.replace(/。$/, '')}。等次定为「${forced?.name ?? veto.grade}」，不论得分。`,
      en: `${vetoed.explanation.en.replace(/\.$/, '')}. The grade is "${forced?.name ?? veto.grade}" whatever the score.`,
    }
  }
  if (!complete) {
    // A veto decides the grade even while other data is missing.
    if (veto && veto.kind === 'veto') setGrade(result, assessment, veto.grade)
    return result
  }
  let base = ZERO
  let bonus = ZERO
  for (const { result: item, points } of scored) {
    if (points === null) continue
    if (item.kind === 'bonus') bonus = bonus.plus(points)
    else base = base.plus(points)
  }
  // Items are computed to 20 significant digits, so three thirds add up to 99.999999999999999999.
  // No document scores in units that small: sums are kept to 10 decimal places, where that
  // residue vanishes and the band is the one a person adding the items by hand would find.
  base = base.toDecimalPlaces(SUM_PLACES)
  bonus = bonus.toDecimalPlaces(SUM_PLACES)
  if (compiled.bonusCap && bonus.greaterThan(compiled.bonusCap)) {
    bonus = compiled.bonusCap
    result.bonusCapApplied = true
  }
  let total = base.plus(bonus)
  if (compiled.maxScore && total.greaterThan(compiled.maxScore)) {
    total = compiled.maxScore
    result.maxScoreApplied = true
  }
  result.base = base.toString()
  result.bonus = bonus.toString()
  result.total = total.toString()
  setGrade(result, assessment, veto?.kind === 'veto' ? veto.grade : bandOf(compiled.bands, total))
  return result
}

/** Decimal places of base, bonus and total (see scoreUnit). */
const SUM_PLACES = 10

function setGrade(result: UnitScore, assessment: Assessment, gradeId: string | undefined): void {
  const grade = assessment.grades.find((g) => g.id === gradeId)
  if (!grade) return
  result.grade = { id: grade.id, name: grade.name }
  result.effects = grade.effects ?? []
}

/** The band a total falls in: min inclusive, `max` inclusive or `below` exclusive. */
export function bandOf(bands: readonly Band[], total: ExactDecimal): string | undefined {
  return bands.find(
    (band) =>
      total.greaterThanOrEqualTo(band.min) &&
      (band.max === undefined || total.lessThanOrEqualTo(band.max)) &&
      (band.below === undefined || total.lessThan(band.below)),
  )?.id
}

/** A one-line summary for lists: "87.3 分，良好" or what is missing. */
export function summarizeScore(score: UnitScore): LocalizedText {
  if (score.total === null) {
    if (score.grade)
      return { zh: `一票否决：${score.grade.name}`, en: `Vetoed: ${score.grade.name}` }
    return {
      zh: `数据不全，缺 ${score.missing.join('、')}`,
      en: `Incomplete: missing ${score.missing.join(', ')}`,
    }
  }
  const total = formatDecimal(new Decimal(score.total))
  return {
    zh: `${total} 分，${score.grade?.name ?? '无等次'}`,
    en: `${total} points, ${score.grade?.name ?? 'no grade'}`,
  }
}
