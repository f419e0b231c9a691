/**
 * @module Years and baselines of targets, where a document outruns its table.
 *
 * - Every year an assessment runs needs, for each measure, a target of its own (or one without a
 *   year), or a statement in `yearsWithoutTargets`: `carry-forward` (the latest earlier target
 *   stays) or `not-assessed`. A year is never silently given an earlier year's target.
 * - A delta target ("较试点前提升不少于5个百分点") needs a baseline it can be evaluated against: a
 *   fixed `value`, or a `year` whose data is the baseline, before the years the targets are for.
 */
import { dateParts, occurrences } from '../../deadlines/index.ts'
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'
import { ruleOf } from './deadlines.ts'

type Entry = Record<string, unknown>

export const checkTargetYears: PolicyCheck = ({ policy, calendar }) => {
  const issues: ConfigIssue[] = []
  const effective = isRecord(policy.metadata) ? policy.metadata.effective : undefined
  list<Entry>(policy.assessments).forEach((assessment, a) => {
    if (!isRecord(assessment)) return
    const base = `/assessments/${a}`
    const stated = new Map<number, string>()
    list<Entry>(assessment.yearsWithoutTargets).forEach((entry, index) => {
      if (!isRecord(entry) || typeof entry.year !== 'number') return
      if (stated.has(entry.year))
        issues.push(
          configIssue('target-invalid', `${base}/yearsWithoutTargets/${index}/year`, {
            zh: `${entry.year} 年在 yearsWithoutTargets 中重复写了两次，请只保留一项。`,
            en: `${entry.year} is listed twice in yearsWithoutTargets; keep one entry.`,
          }),
        )
      else stated.set(entry.year, String(entry.treatment))
    })
    const measures = list<Entry>(assessment.items).flatMap((item, i) =>
      isRecord(item)
        ? list<Entry>(item.measures).flatMap((measure, m) =>
            isRecord(measure)
              ? [{ measure, item, pointer: `${base}/items/${i}/measures/${m}/targets` }]
              : [],
          )
        : [],
    )
    const years = assessmentYears(assessment.due, effective, calendar, measures)
    for (const year of years) {
      const treatment = stated.get(year)
      if (treatment === 'not-assessed') continue
      for (const { measure, item, pointer } of measures) {
        const targets = list<Entry>(measure.targets).filter(isRecord)
        if (targets.some((t) => t.year === year || t.year === undefined)) continue
        const set = targets.map((t) => t.year).filter((y): y is number => typeof y === 'number')
        const name = String(measure.name ?? item.name ?? measure.indicator)
        if (treatment === 'carry-forward') {
          if (set.some((y) => y < year)) continue
          issues.push(
            configIssue('target-year-unstated', pointer, {
              zh: `「${name}」在 ${year} 年之前没有目标，无从沿用（yearsWithoutTargets 写了 ${year} 年 carry-forward）。请给出 ${year} 年的目标，或把该年写为 not-assessed。`,
              en: `"${name}" has no target before ${year} to carry forward (yearsWithoutTargets says carry-forward for ${year}). Give a ${year} target, or state the year not-assessed.`,
            }),
          )
          continue
        }
        issues.push(
          configIssue('target-year-unstated', pointer, {
            zh: `「${name}」的目标只写了 ${set.join('、') || '（无）'} 年，没有 ${year} 年的；考核在 ${year} 年仍要进行。请给出 ${year} 年的目标，或在 ${base}/yearsWithoutTargets 写明该年 carry-forward（沿用此前最近一年的目标）或 not-assessed（该年不考核），并在 note 说明依据。`,
            en: `"${name}" has targets for ${set.join(', ') || 'no year'} but not ${year}, a year the assessment runs. Give a ${year} target, or state in ${base}/yearsWithoutTargets whether ${year} carries the latest earlier target forward (carry-forward) or is not assessed (not-assessed), with the grounds in its note.`,
          }),
        )
      }
    }
  })
  list<Entry>(policy.indicators).forEach((indicator, i) => {
    if (!isRecord(indicator) || !isRecord(indicator.baseline)) return
    const baseline = indicator.baseline
    const deltas = list<Entry>(indicator.targets).filter(
      (t) => isRecord(t) && typeof t.delta === 'number',
    )
    if (deltas.length === 0) return
    const pointer = `/indicators/${i}/baseline`
    if (typeof baseline.value !== 'number' && typeof baseline.year !== 'number') {
      issues.push(
        configIssue('target-invalid', pointer, {
          zh: `「${String(indicator.name)}」的目标是较基线的变化（delta），但基线既无 value 也无 year，永远无法判断。请写 year（取该年度的填报数据为基线，如试点前一年 2019），或写固定的 value。`,
          en: `"${String(indicator.name)}" has a delta target, and its baseline has neither value nor year, so it can never be evaluated. Write a year (that year's data is the baseline, e.g. 2019, the year before the trial) or a fixed value.`,
        }),
      )
      return
    }
    if (typeof baseline.value === 'number' || typeof baseline.year !== 'number') return
    const year = baseline.year
    deltas.forEach((target) => {
      if (typeof target.year === 'number' && target.year <= year)
        issues.push(
          configIssue('target-invalid', `${pointer}/year`, {
            zh: `基线年度 ${year} 不早于 delta 目标的年度 ${target.year}：基线须是目标年之前的数据。`,
            en: `The baseline year ${year} is not before the delta target's year ${target.year}: the baseline must come earlier.`,
          }),
        )
    })
  })
  return issues
}

/**
 * The years an assessment runs: the years its `due` falls in during the effective period
 * (每年年底 from 2020-07-24 to 2023-07-23: 2020, 2021, 2022). Without an end to the period, the
 * years from its start up to the last year a target is set for.
 */
function assessmentYears(
  due: unknown,
  effective: unknown,
  calendar: Parameters<PolicyCheck>[0]['calendar'],
  measures: ReadonlyArray<{ measure: Entry }>,
): number[] {
  if (!isRecord(effective) || typeof effective.from !== 'string') return []
  const from = effective.from
  const targetYears = measures.flatMap(({ measure }) =>
    list<Entry>(measure.targets).flatMap((t) =>
      isRecord(t) && typeof t.year === 'number' ? [t.year] : [],
    ),
  )
  const parsed = ruleOf(due)
  if (typeof effective.to === 'string' && parsed?.ok) {
    const found = occurrences(parsed.rule, { from, to: effective.to }, { calendar })
    return [...new Set(found.map((o) => dateParts(o.due).year))].sort((x, y) => x - y)
  }
  const last = Math.max(...targetYears)
  const years: number[] = []
  for (let year = dateParts(from).year; year <= last; year++) years.push(year)
  return years
}
