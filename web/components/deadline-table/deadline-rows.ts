/**
 * @module Every deadline and window of a config resolved to dates the way the runtime will read
 * them: phases, milestones, duties (recurring ones inside their `within` or phase window),
 * procedure steps and assessments. Uses the server's own grammar (`ruleOf`, `occurrences`).
 */
import type { PolicyConfig } from '../../../schemas/index.ts'
import { effectivePeriod, ruleOf } from '../../../domain/compiler/checks/deadlines.ts'
import { addDays, occurrences, WorkingDayCalendar } from '../../../domain/deadlines/index.ts'
import type { DateRange, Occurrence } from '../../../domain/deadlines/index.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

export type DeadlineSection = 'phase' | 'milestone' | 'duty' | 'step' | 'assessment'

/** One phrase and what it resolves to. */
export interface DeadlineRow {
  section: DeadlineSection
  name: string
  pointer: string
  /** The value as written (a phrase, or the structured form shown as text). */
  phrase: string
  /** The window a recurrence is placed in, when it is not the effective period. */
  within?: string
  result:
    | { kind: 'window'; start: string; end: string }
    | { kind: 'date'; date: string }
    | {
        kind: 'relative'
        amount: number
        unit: 'working-day' | 'day' | 'month'
        example?: { from: string; due: string }
      }
    | { kind: 'recurring'; range: DateRange; occurrences: Occurrence[] }
    | { kind: 'unspecified'; reason: string }
    | { kind: 'unparsed'; message: LocalizedText }
}

function phraseOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return String(value)
  const record = value as Record<string, unknown>
  if (typeof record.date === 'string') return record.date
  if (typeof record.from === 'string') return `${record.from} — ${String(record.to)}`
  if ('unspecified' in record) return '—'
  return JSON.stringify(value)
}

function rangeOf(value: unknown, anchor: string): DateRange | undefined {
  const parsed = value === undefined ? undefined : ruleOf(value, anchor)
  return parsed?.ok && parsed.rule.kind === 'window'
    ? { from: parsed.rule.start, to: parsed.rule.end }
    : undefined
}

/** Resolves every deadline in the config, in document order. */
export function deadlineRows(policy: PolicyConfig): DeadlineRow[] {
  const period = effectivePeriod(policy)
  // 年内, 年中, 本季度内 … are the plan's year: that of its issue date.
  const anchor = policy.metadata.issueDate
  const horizon = period
    ? { from: period.from, to: period.to ?? addDays(period.from, 3 * 365) }
    : undefined
  const calendar = WorkingDayCalendar.mainland(
    ...(policy.calendar?.years ?? []).map((entry) => ({
      years: [entry.year],
      holidays: entry.holidays ?? [],
      workdays: entry.workdays ?? [],
    })),
  )
  const rows: DeadlineRow[] = []
  const add = (
    section: DeadlineSection,
    name: string,
    pointer: string,
    value: unknown,
    within?: unknown,
  ) => {
    if (value === undefined) return
    const base = {
      section,
      name,
      pointer,
      phrase: phraseOf(value),
      ...(within !== undefined ? { within: phraseOf(within) } : {}),
    }
    if (typeof value === 'object' && value !== null && 'unspecified' in value) {
      rows.push({ ...base, result: { kind: 'unspecified', reason: String(value.unspecified) } })
      return
    }
    const parsed = ruleOf(value, anchor)
    if (!parsed) return
    if (!parsed.ok) {
      rows.push({ ...base, result: { kind: 'unparsed', message: parsed.message } })
      return
    }
    const rule = parsed.rule
    switch (rule.kind) {
      case 'window':
        rows.push({ ...base, result: { kind: 'window', start: rule.start, end: rule.end } })
        break
      case 'date':
        rows.push({ ...base, result: { kind: 'date', date: rule.date } })
        break
      case 'relative': {
        const example = period
          ? occurrences(
              rule,
              { from: period.from, to: period.from },
              { anchor: period.from, calendar },
            )[0]
          : undefined
        rows.push({
          ...base,
          result: {
            kind: 'relative',
            amount: rule.amount,
            unit: rule.unit,
            ...(example ? { example: { from: period!.from, due: example.due } } : {}),
          },
        })
        break
      }
      case 'recurring': {
        const range = rangeOf(within, anchor) ?? horizon
        if (range)
          rows.push({
            ...base,
            result: { kind: 'recurring', range, occurrences: occurrences(rule, range) },
          })
        break
      }
    }
  }
  const phases = new Map(policy.timeline.phases.map((phase) => [phase.id, phase.window]))
  policy.timeline.phases.forEach((phase, i) =>
    add('phase', phase.name, `/timeline/phases/${i}/window`, phase.window),
  )
  ;(policy.timeline.milestones ?? []).forEach((milestone, i) =>
    add('milestone', milestone.name, `/timeline/milestones/${i}/due`, milestone.due),
  )
  policy.responsibilities.forEach((duty, i) => {
    const within = duty.within ?? (duty.phase ? phases.get(duty.phase) : undefined)
    add('duty', duty.title, `/responsibilities/${i}/due`, duty.due, within)
  })
  ;(policy.procedures ?? []).forEach((procedure, p) =>
    procedure.steps.forEach((step, s) =>
      add('step', `${procedure.name} · ${step.name}`, `/procedures/${p}/steps/${s}/due`, step.due),
    ),
  )
  ;(policy.assessments ?? []).forEach((assessment, i) =>
    add('assessment', assessment.name, `/assessments/${i}/due`, assessment.due),
  )
  return rows
}
