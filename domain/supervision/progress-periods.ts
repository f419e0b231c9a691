/**
 * @module 周期反馈: the dates a long task's progress reports fall due — every Friday, every
 * month's last day or every quarter's last day inside its window, before its own deadline (the
 * final report is the task's own submission).
 */
import type { CivilDate } from '../deadlines/civil-date.ts'
import { addDays, dateParts, endOfMonth, weekday } from '../deadlines/civil-date.ts'

export type ProgressPeriod = 'week' | 'month' | 'quarter'

/** The first report due date on or after `from` for reports every `every`. */
export function nextReportDue(from: CivilDate, every: ProgressPeriod): CivilDate {
  if (every === 'week') return addDays(from, (5 - weekday(from) + 7) % 7)
  const { year, month } = dateParts(from)
  const last = every === 'month' ? month : Math.ceil(month / 3) * 3
  return endOfMonth(year, last)
}

/**
 * The report due dates of a task open from `opensOn` to `dueOn`, from `from` on (defaults to
 * `opensOn`): each strictly before `dueOn`.
 */
export function reportDueDates(
  opensOn: CivilDate,
  dueOn: CivilDate,
  every: ProgressPeriod,
  from: CivilDate = opensOn,
): CivilDate[] {
  const dates: CivilDate[] = []
  for (let date = nextReportDue(from, every); date < dueOn;) {
    dates.push(date)
    date = nextReportDue(addDays(date, 1), every)
  }
  return dates
}

/** Days in a window, both ends included. */
export function windowDays(opensOn: CivilDate, dueOn: CivilDate): number {
  const a = dateParts(opensOn)
  const b = dateParts(dueOn)
  const start = Date.UTC(a.year, a.month - 1, a.day)
  const end = Date.UTC(b.year, b.month - 1, b.day)
  return Math.round((end - start) / 86_400_000) + 1
}
