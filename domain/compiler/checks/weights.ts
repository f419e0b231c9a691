/**
 * @module Checks the arithmetic an assessment states: weights add up to the total
 * (`weights-mismatch`), caps do not exceed weights, and a veto forces a grade that exists.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

export const checkWeights: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  list<Record<string, unknown>>(policy.assessments).forEach((assessment, a) => {
    if (!isRecord(assessment)) return
    const base = `/assessments/${a}`
    const items = list<Record<string, unknown>>(assessment.items).filter(isRecord)
    const weighted = items.filter((item) => item.kind === 'deduct' || item.kind === 'proportional')
    const sum = weighted.reduce(
      (total, item) => total + (typeof item.weight === 'number' ? item.weight : 0),
      0,
    )
    if (typeof assessment.totalScore === 'number' && Math.abs(sum - assessment.totalScore) > 1e-9) {
      const parts = weighted
        .map((item) => `${String(item.name ?? item.id)} ${String(item.weight)}`)
        .join(' + ')
      issues.push(
        configIssue('weights-mismatch', `${base}/totalScore`, {
          zh: `各项分值合计 ${sum}（${parts}），与总分 ${assessment.totalScore} 不一致。请核对各项 weight 或 totalScore（加分项和否决项不计入）。`,
          en: `Item weights add up to ${sum} (${parts}), not the stated total ${assessment.totalScore}. Check each weight or totalScore (bonus and veto items do not count).`,
        }),
      )
    }
    if (
      typeof assessment.maxScore === 'number' &&
      typeof assessment.totalScore === 'number' &&
      assessment.maxScore < assessment.totalScore
    ) {
      issues.push(
        configIssue('weights-mismatch', `${base}/maxScore`, {
          zh: `封顶分 ${assessment.maxScore} 低于总分 ${assessment.totalScore}。`,
          en: `maxScore ${assessment.maxScore} is below totalScore ${assessment.totalScore}.`,
        }),
      )
    }
    const grades = new Set(
      list<Record<string, unknown>>(assessment.grades)
        .filter(isRecord)
        .map((grade) => grade.id),
    )
    list<Record<string, unknown>>(assessment.items).forEach((item, i) => {
      if (!isRecord(item)) return
      if (
        item.kind === 'deduct' &&
        typeof item.cap === 'number' &&
        typeof item.weight === 'number' &&
        item.cap > item.weight
      ) {
        issues.push(
          configIssue('weights-mismatch', `${base}/items/${i}/cap`, {
            zh: `扣分上限 ${item.cap} 超过该项分值 ${item.weight}。「扣完为止」时省略 cap 即可。`,
            en: `Cap ${item.cap} exceeds the item's weight ${item.weight}. Omit cap for 扣完为止 (capped at the weight).`,
          }),
        )
      }
      if (item.kind === 'veto' && typeof item.grade === 'string' && !grades.has(item.grade)) {
        issues.push(
          configIssue('unknown-reference', `${base}/items/${i}/grade`, {
            zh: `否决项指向的等次「${item.grade}」不在本考核的 grades 中。可选：${[...grades].join('、')}。`,
            en: `The veto forces grade "${item.grade}", which is not among this assessment's grades: ${[...grades].join(', ')}.`,
          }),
        )
      }
    })
  })
  return issues
}
