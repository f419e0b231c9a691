/**
 * @module Places a {@link DeadlineRule} on the calendar: the concrete windows and due dates it
 * produces inside a range (a phase, the `within` window, or the policy's effective period).
 */
import type { CivilDate } from './civil-date.ts'
import { addDays, addMonths, civilDate, compareDates, dateParts, endOfMonth } from './civil-date.ts'
import type { DeadlineRule, Occurrence, PeriodUnit, RecurringRule } from './deadline-rule.ts'
import type { WorkingDayCalendar } from './working-day-calendar.ts'

/** An inclusive range of civil dates. */
export interface DateRange {
  from: CivilDate
  to: CivilDate
}

const PERIOD_MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 }

/**
 * The occurrences of a rule whose due date falls inside `range` — or, with `select: 'period'`,
 * whose period ends inside it: the reports on the range's periods, however late each is due
 * (`次年1月` over 2021–2022 reports on 2021 and 2022, due in January 2022 and 2023).
 * Fixed rules yield one occurrence whatever the range (checking the range is the validator's job);
 * relative rules need an `anchor` (the day the task is assigned) and, for working days, a calendar.
 */
export function occurrences(
  rule: DeadlineRule,
  range: DateRange,
  options: { anchor?: CivilDate; calendar?: WorkingDayCalendar; select?: 'due' | 'period' } = {},
): Occurrence[] {
  switch (rule.kind) {
    case 'window':
      return [{ period: 'once', start: rule.start, due: rule.end }]
    case 'date':
      return [{ period: 'once', due: rule.date }]
    case 'relative': {
      if (!options.anchor) return []
      return [
        {
          period: 'once',
          start: options.anchor,
          due: relativeDue(rule.amount, rule.unit, options.anchor, options.calendar),
        },
      ]
    }
    case 'recurring':
      return recurringOccurrences(rule, range, options.select ?? 'due')
  }
}

function relativeDue(
  amount: number,
  unit: 'working-day' | 'day' | 'month',
  anchor: CivilDate,
  calendar: WorkingDayCalendar | undefined,
): CivilDate {
  if (unit === 'day') return addDays(anchor, amount)
  if (unit === 'month') return addMonths(anchor, amount)
  if (!calendar) throw new Error('working-day deadlines need a WorkingDayCalendar')
  return calendar.addWorkingDays(anchor, amount).date
}

/** The window of one period of a recurring rule. */
export function periodWindow(
  rule: RecurringRule,
  periodStart: CivilDate,
): { start: CivilDate; end: CivilDate } {
  const length = PERIOD_MONTHS[rule.every]
  const base = addMonths(periodStart, rule.shift * length)
  const monthIndex = (position: number) => (position > 0 ? position : length + position + 1)
  const first = addMonths(base, monthIndex(rule.fromMonth ?? 1) - 1)
  const last = addMonths(base, monthIndex(rule.toMonth ?? length) - 1)
  const firstParts = dateParts(first)
  const lastParts = dateParts(last)
  const monthEnd = endOfMonth(lastParts.year, lastParts.month)
  switch (rule.dekad) {
    case 'early':
      return { start: first, end: civilDate(lastParts.year, lastParts.month, 10) }
    case 'middle':
      return {
        start: civilDate(firstParts.year, firstParts.month, 11),
        end: civilDate(lastParts.year, lastParts.month, 20),
      }
    case 'late':
      return { start: civilDate(firstParts.year, firstParts.month, 21), end: monthEnd }
    default:
      return { start: first, end: monthEnd }
  }
}

/** The key naming a period: `2018`, `2018-Q3` or `2018-04`. */
export function periodKey(unit: PeriodUnit, periodStart: CivilDate): string {
  const { year, month } = dateParts(periodStart)
  if (unit === 'year') return String(year)
  if (unit === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`
  return `${year}-${String(month).padStart(2, '0')}`
}

function recurringOccurrences(
  rule: RecurringRule,
  range: DateRange,
  select: 'due' | 'period',
): Occurrence[] {
  const length = PERIOD_MONTHS[rule.every]
  const { year, month } = dateParts(range.from)
  // Start early enough that a shifted window (次年一季度) from an earlier period is considered.
  const alignedMonth = Math.floor((month - 1) / length) * length + 1
  let periodStart = addMonths(civilDate(year, alignedMonth, 1), -(rule.shift + 1) * length)
  const result: Occurrence[] = []
  while (compareDates(periodStart, range.to) <= 0) {
    const window = periodWindow(rule, periodStart)
    const end = select === 'due' ? window.end : addDays(addMonths(periodStart, length), -1)
    if (compareDates(end, range.from) >= 0 && compareDates(end, range.to) <= 0) {
      result.push({
        period: periodKey(rule.every, periodStart),
        start: window.start,
        due: window.end,
      })
    }
    periodStart = addMonths(periodStart, length)
  }
  return result
}
