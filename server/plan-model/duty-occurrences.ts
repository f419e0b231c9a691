/**
 * @module Which occurrences of a duty a plan holds tasks for: a one-off duty's one, a relative
 * duty's one counted from when it opens, a recurring duty's periods that have begun. Starting a
 * plan and naming a group's members later both ask here, so they agree on the dates.
 */
import { compareDates, occurrences } from '../../domain/deadlines/index.ts'
import type { Responsibility } from '../../schemas/index.ts'
import type { PlanModel } from './plan-model.ts'

/** One occurrence of a duty: its period (`once`, `2018-Q3`, `2019-04`), when it opens, when due. */
export interface Occurrence {
  period: string
  opens: string | null
  due: string | null
}

export interface OpeningOccurrences {
  /** The occurrences open on the day asked about. */
  open: Occurrence[]
  /** A recurring duty's next period to open (its index and first day), if any is left. */
  next?: { index: number; start: string }
}

/** The occurrences of a duty open on `today`, and the next period of a recurring one. */
export function openingOccurrences(
  model: PlanModel,
  duty: Responsibility,
  today: string,
): OpeningOccurrences {
  const schedule = model.scheduleOf(duty)
  const phaseOpens = duty.phase ? model.phaseWindow(duty.phase).from : null
  if (schedule.kind === 'once')
    return {
      open: [{ period: 'once', opens: schedule.opens ?? phaseOpens, due: schedule.due ?? null }],
    }
  if (schedule.kind === 'relative') {
    const opens = phaseOpens && compareDates(phaseOpens, today) > 0 ? phaseOpens : today
    return { open: [{ period: 'once', opens, due: model.relativeDue(schedule.rule, opens) }] }
  }
  const periods = recurringPeriods(model, duty)
  const next = periods.findIndex((period) => compareDates(period.opens!, today) > 0)
  return next < 0
    ? { open: periods }
    : { open: periods.slice(0, next), next: { index: next, start: periods[next]!.opens! } }
}

/** Every period of a recurring duty, in order (none for a duty that does not recur). */
export function recurringPeriods(model: PlanModel, duty: Responsibility): Occurrence[] {
  const schedule = model.scheduleOf(duty)
  if (schedule.kind !== 'recurring') return []
  return occurrences(schedule.rule, schedule.range, { select: schedule.select }).map((period) => ({
    period: period.period,
    opens: period.start ?? null,
    due: period.due,
  }))
}

/**
 * The occurrences of a duty a unit named while the plan runs still takes part in: the one of a
 * one-off or relative duty (dated as on the plan's first day), and a recurring duty's periods the
 * plan has opened whose deadline has not passed.
 * @param startDay The plan's first day.
 * @param nextPeriod The index of the period the duty's pending timer will open; undefined when
 *   none is pending (every period has opened).
 */
export function occurrencesStillOpen(
  model: PlanModel,
  duty: Responsibility,
  startDay: string,
  nextPeriod: number | undefined,
  today: string,
): Occurrence[] {
  if (model.scheduleOf(duty).kind !== 'recurring')
    return openingOccurrences(model, duty, startDay).open
  return recurringPeriods(model, duty)
    .slice(0, nextPeriod ?? Number.POSITIVE_INFINITY)
    .filter((period) => period.due === null || compareDates(period.due, today) >= 0)
}
