/**
 * @module Checks each assessment's grade bands: they cover every score from 0 to the highest
 * reachable score exactly once (`grade-gap`, `grade-overlap`, `grade-range`), and a veto names
 * one of them.
 *
 * Scores can be fractional (proportional items), so a band written `70—89` followed by `90—100`
 * leaves 89.5 without a grade: such bands must be written `min: 70, below: 90`.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

interface Band {
  index: number
  name: string
  min: number
  max?: number
  below?: number
}

/** The highest score an assessment can reach: its cap, or its total plus every bonus. */
export function highestScore(assessment: Record<string, unknown>): number {
  if (typeof assessment.maxScore === 'number') return assessment.maxScore
  const total = typeof assessment.totalScore === 'number' ? assessment.totalScore : 0
  const bonus = list<Record<string, unknown>>(assessment.items)
    .filter((item) => isRecord(item) && item.kind === 'bonus' && typeof item.points === 'number')
    .reduce((sum, item) => sum + (item.points as number), 0)
  return total + bonus
}

export const checkGrades: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  list<Record<string, unknown>>(policy.assessments).forEach((assessment, a) => {
    if (!isRecord(assessment)) return
    const base = `/assessments/${a}`
    const bands: Band[] = list<Record<string, unknown>>(assessment.grades)
      .map((grade, index) => ({ grade, index }))
      .filter(({ grade }) => isRecord(grade) && typeof grade.min === 'number')
      .map(({ grade, index }) => ({
        index,
        name: String(grade.name ?? grade.id),
        min: grade.min as number,
        ...(typeof grade.max === 'number' ? { max: grade.max } : {}),
        ...(typeof grade.below === 'number' ? { below: grade.below } : {}),
      }))
      .sort((x, y) => x.min - y.min)
    for (const band of bands) {
      if (band.max !== undefined && band.below !== undefined) {
        issues.push(
          configIssue('grade-overlap', `${base}/grades/${band.index}`, {
            zh: `等次「${band.name}」同时写了 max 和 below，只能保留一个。`,
            en: `Grade "${band.name}" has both max and below; keep one.`,
          }),
        )
      }
    }
    const top = highestScore(assessment)
    if (bands.length > 0 && bands[0]!.min > 0) {
      issues.push(
        configIssue('grade-range', `${base}/grades/${bands[0]!.index}/min`, {
          zh: `最低等次「${bands[0]!.name}」从 ${bands[0]!.min} 分起，0–${bands[0]!.min} 分没有等次。请把它的 min 改为 0。`,
          en: `The lowest grade "${bands[0]!.name}" starts at ${bands[0]!.min}; scores from 0 to ${bands[0]!.min} have no grade. Set its min to 0.`,
        }),
      )
    }
    bands.forEach((band, i) => {
      const next = bands[i + 1]
      const pointer = `${base}/grades/${band.index}`
      if (!next) {
        const upper = band.below ?? band.max
        const reaches =
          band.below !== undefined ? band.below > top : upper === undefined || upper >= top
        if (!reaches) {
          issues.push(
            configIssue('grade-range', pointer, {
              zh: `最高等次「${band.name}」只到 ${upper} 分，但最高可得 ${top} 分（总分加全部加分项）。请去掉上限，或在考核上写 maxScore 封顶。`,
              en: `The top grade "${band.name}" ends at ${upper}, but scores reach ${top} (total plus all bonuses). Remove its upper bound, or cap the assessment with maxScore.`,
            }),
          )
        }
        return
      }
      const nextPointer = `${base}/grades/${next.index}/min`
      if (band.below !== undefined) {
        if (next.min > band.below) issues.push(gap(nextPointer, band, next, band.below))
        if (next.min < band.below) issues.push(overlap(nextPointer, band, next))
      } else if (band.max !== undefined) {
        if (next.min <= band.max) issues.push(overlap(nextPointer, band, next))
        else issues.push(gap(nextPointer, band, next, band.max))
      } else {
        issues.push(
          configIssue('grade-overlap', pointer, {
            zh: `等次「${band.name}」没有上限，与更高的「${next.name}」重叠。请写 below: ${next.min}。`,
            en: `Grade "${band.name}" has no upper bound and overlaps "${next.name}". Write below: ${next.min}.`,
          }),
        )
      }
    })
  })
  return issues
}

function gap(pointer: string, band: Band, next: Band, upper: number): ConfigIssue {
  const sample = (upper + next.min) / 2
  return configIssue('grade-gap', pointer, {
    zh: `等次「${band.name}」与「${next.name}」之间有空档：${sample} 分不属于任何等次。请把「${band.name}」写成 min: ${band.min}, below: ${next.min}。`,
    en: `Gap between grades "${band.name}" and "${next.name}": a score of ${sample} has no grade. Write "${band.name}" as min: ${band.min}, below: ${next.min}.`,
  })
}

function overlap(pointer: string, band: Band, next: Band): ConfigIssue {
  return configIssue('grade-overlap', pointer, {
    zh: `等次「${band.name}」与「${next.name}」重叠：${next.min} 分同时属于两个等次。`,
    en: `Grades "${band.name}" and "${next.name}" overlap: a score of ${next.min} falls in both.`,
  })
}
