/**
 * @module Checks every deadline and window: the phrase parses (`deadline-unparsed`), fixed dates
 * fall inside the effective period and recurrences produce at least one occurrence
 * (`deadline-outside-period`), the period itself is coherent (`effective-period-invalid`), and
 * working-day deadlines have holiday data for every year they may run in (`holiday-data-missing`).
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import {
  addDays,
  compareDates,
  dateParts,
  isCivilDate,
  occurrences,
  parseDeadline,
} from '../../deadlines/index.ts'
import type { DateRange, DeadlineRule } from '../../deadlines/index.ts'
import { isRecord, list } from './check-context.ts'
import type { CheckContext, PolicyCheck } from './check-context.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

/** The effective period a config states, with `years` turned into an end date. */
export function effectivePeriod(
  policy: CheckContext['policy'],
): { from: string; to?: string } | undefined {
  const effective = policy.metadata?.effective
  if (!isRecord(effective) || typeof effective.from !== 'string' || !isCivilDate(effective.from))
    return undefined
  if (typeof effective.to === 'string' && isCivilDate(effective.to))
    return { from: effective.from, to: effective.to }
  if (typeof effective.years === 'number') {
    const { year, month, day } = dateParts(effective.from)
    const end = new Date(Date.UTC(year + effective.years, month - 1, day - 1))
      .toISOString()
      .slice(0, 10)
    return { from: effective.from, to: end }
  }
  return { from: effective.from }
}

/**
 * Reads a `due` or `window` value into a rule; undefined for `unspecified` or malformed.
 * `anchor` (the policy's issue date) resolves phrases relative to the plan's year (`年内`).
 */
export function ruleOf(
  value: unknown,
  anchor?: string,
): { ok: true; rule: DeadlineRule } | { ok: false; message: LocalizedText } | undefined {
  if (typeof value === 'string') return parseDeadline(value, anchor)
  if (!isRecord(value)) return undefined
  if (typeof value.date === 'string' && isCivilDate(value.date))
    return { ok: true, rule: { kind: 'date', date: value.date } }
  if (
    typeof value.from === 'string' &&
    typeof value.to === 'string' &&
    isCivilDate(value.from) &&
    isCivilDate(value.to)
  ) {
    return { ok: true, rule: { kind: 'window', start: value.from, end: value.to } }
  }
  return undefined
}

/** Every `due`/`window`/`within` in the config, with the range a recurrence should fall in. */
function collectTimes(
  policy: CheckContext['policy'],
): Array<{ pointer: string; value: unknown; within?: unknown }> {
  const found: Array<{ pointer: string; value: unknown; within?: unknown }> = []
  const phases = new Map<string, unknown>()
  list<Record<string, unknown>>(policy.timeline?.phases).forEach((phase, index) => {
    if (!isRecord(phase)) return
    found.push({ pointer: `/timeline/phases/${index}/window`, value: phase.window })
    if (typeof phase.id === 'string') phases.set(phase.id, phase.window)
  })
  list<Record<string, unknown>>(policy.timeline?.milestones).forEach((milestone, index) => {
    if (isRecord(milestone))
      found.push({ pointer: `/timeline/milestones/${index}/due`, value: milestone.due })
  })
  list<Record<string, unknown>>(policy.responsibilities).forEach((duty, index) => {
    if (!isRecord(duty)) return
    const within =
      duty.within ?? (typeof duty.phase === 'string' ? phases.get(duty.phase) : undefined)
    found.push({ pointer: `/responsibilities/${index}/due`, value: duty.due, within })
    if (duty.within !== undefined)
      found.push({ pointer: `/responsibilities/${index}/within`, value: duty.within })
  })
  list<Record<string, unknown>>(policy.procedures).forEach((procedure, p) => {
    if (!isRecord(procedure)) return
    list<Record<string, unknown>>(procedure.steps).forEach((step, s) => {
      if (isRecord(step) && step.due !== undefined)
        found.push({ pointer: `/procedures/${p}/steps/${s}/due`, value: step.due })
    })
  })
  list<Record<string, unknown>>(policy.indicators).forEach((indicator, index) => {
    if (isRecord(indicator) && indicator.entryDue !== undefined)
      found.push({ pointer: `/indicators/${index}/entryDue`, value: indicator.entryDue })
  })
  const entryDefaults = isRecord(policy.indicatorEntry) ? policy.indicatorEntry.due : undefined
  if (isRecord(entryDefaults))
    for (const [frequency, value] of Object.entries(entryDefaults))
      found.push({ pointer: `/indicatorEntry/due/${frequency}`, value })
  list<Record<string, unknown>>(policy.assessments).forEach((assessment, index) => {
    if (!isRecord(assessment)) return
    found.push({ pointer: `/assessments/${index}/due`, value: assessment.due })
    if (isRecord(assessment.rectification))
      found.push({
        pointer: `/assessments/${index}/rectification/due`,
        value: assessment.rectification.due,
      })
  })
  return found.filter((entry) => entry.value !== undefined)
}

export const checkDeadlines: PolicyCheck = ({ policy, calendar }) => {
  const issues: ConfigIssue[] = []
  const period = effectivePeriod(policy)
  const effective = policy.metadata?.effective
  if (period && isRecord(effective)) {
    if (period.to && compareDates(period.to, period.from) < 0) {
      issues.push(
        configIssue('effective-period-invalid', '/metadata/effective/to', {
          zh: `有效期结束日 ${period.to} 早于开始日 ${period.from}。`,
          en: `The effective period ends (${period.to}) before it starts (${period.from}).`,
        }),
      )
    }
    if (typeof effective.to === 'string' && typeof effective.years === 'number') {
      const implied = effectivePeriod({
        ...policy,
        metadata: { ...policy.metadata, effective: { from: period.from, years: effective.years } },
      })
      if (implied?.to !== effective.to) {
        issues.push(
          configIssue('effective-period-invalid', '/metadata/effective/to', {
            zh: `自 ${period.from} 起试行 ${effective.years} 年应止于 ${implied?.to}，与 to: ${effective.to} 不一致。请只保留一个，或改正其一。`,
            en: `${effective.years} year(s) from ${period.from} end on ${implied?.to}, not ${effective.to}. Keep one of them, or correct it.`,
          }),
        )
      }
    }
  }
  const horizon: DateRange | undefined = period
    ? { from: period.from, to: period.to ?? addDays(period.from, 3 * 365) }
    : undefined
  let usesWorkingDays = false
  const issueDate = policy.metadata?.issueDate
  const anchor = typeof issueDate === 'string' && isCivilDate(issueDate) ? issueDate : undefined
  for (const entry of collectTimes(policy)) {
    const parsed = ruleOf(entry.value, anchor)
    if (!parsed) continue
    if (!parsed.ok) {
      issues.push(configIssue('deadline-unparsed', entry.pointer, parsed.message))
      continue
    }
    const rule = parsed.rule
    if (rule.kind === 'relative') {
      usesWorkingDays ||= rule.unit === 'working-day'
      continue
    }
    if (!period) continue
    if (rule.kind === 'recurring') {
      const withinRule = entry.within === undefined ? undefined : ruleOf(entry.within, anchor)
      const range =
        withinRule?.ok && withinRule.rule.kind === 'window'
          ? { from: withinRule.rule.start, to: withinRule.rule.end }
          : horizon!
      if (occurrences(rule, range).length === 0) {
        issues.push(
          configIssue('deadline-outside-period', entry.pointer, {
            zh: `周期「${String(entry.value)}」在 ${range.from} 至 ${range.to} 之间没有任何一期，不会产生任务。请检查 within 或所属阶段的时间。`,
            en: `The recurrence "${String(entry.value)}" has no period due between ${range.from} and ${range.to}, so it creates no task. Check within or the phase window.`,
          }),
        )
      }
      continue
    }
    const [start, end] = rule.kind === 'window' ? [rule.start, rule.end] : [rule.date, rule.date]
    const before = compareDates(start, period.from) < 0
    const after = period.to !== undefined && compareDates(end, period.to) > 0
    if (before || after) {
      issues.push(
        configIssue('deadline-outside-period', entry.pointer, {
          zh: `时限 ${start === end ? end : `${start} 至 ${end}`} 超出有效期（${period.from} 至 ${period.to ?? '未规定'}）。请核对时限，或调整 metadata.effective。`,
          en: `The deadline ${start === end ? end : `${start} … ${end}`} falls outside the effective period (${period.from} … ${period.to ?? 'open'}). Check it, or adjust metadata.effective.`,
        }),
      )
    }
  }
  if (usesWorkingDays && horizon) {
    const first = dateParts(horizon.from).year
    const last = dateParts(horizon.to).year + 1
    for (let year = first; year <= last; year++) {
      if (calendar.hasYear(year)) continue
      issues.push(
        configIssue(
          'holiday-data-missing',
          '/calendar',
          {
            zh: `缺少 ${year} 年的法定节假日和调休数据：「N个工作日内」的时限在该年将只按周末计算，可能不准。请在 calendar.years 中补充 ${year} 年的放假和调休日期。`,
            en: `No official holiday data for ${year}: working-day deadlines in that year would count weekends only and may be wrong. Add ${year}'s days off and make-up workdays under calendar.years.`,
          },
          'warning',
        ),
      )
    }
  }
  return issues
}
