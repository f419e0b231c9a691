/**
 * @module Mainland China working days: weekends off, official holidays off, and the make-up
 * working days (调休) that fall on weekends.
 *
 * Holiday data comes from the `chinese-days` package, which covers 2004 up to the latest year the
 * State Council has announced; a policy's `calendar` section adds years the package lacks. A year
 * with no data is never silently treated as plain weekends: every computation that touches one
 * reports it, and the validator turns that into a `holiday-data-missing` warning.
 */
import type { CivilDate } from './civil-date.ts'
import { addDays, dateParts, weekday } from './civil-date.ts'
import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' }

/** Holiday data for some years: days off, weekend days worked, and the years covered. */
export interface HolidayData {
  holidays: Iterable<CivilDate>
  workdays: Iterable<CivilDate>
  years: Iterable<number>
}

/** The result of a working-day computation, with the years it had to guess for. */
export interface WorkingDayResult {
  date: CivilDate
  /** Years crossed that have no holiday data (counted as plain weekends, so maybe wrong). */
  missingYears: number[]
}

export class WorkingDayCalendar {
  readonly #holidays: Set<CivilDate>
  readonly #workdays: Set<CivilDate>
  readonly #years: Set<number>

  constructor(...sources: HolidayData[]) {
    this.#holidays = new Set(sources.flatMap((source) => [...source.holidays]))
    this.#workdays = new Set(sources.flatMap((source) => [...source.workdays]))
    this.#years = new Set(sources.flatMap((source) => [...source.years]))
  }

  /** The calendar of the bundled package, plus any extra years (e.g. a policy's `calendar`). */
  static mainland(...extra: HolidayData[]): WorkingDayCalendar {
    return new WorkingDayCalendar(packageHolidayData(), ...extra)
  }

  /** Years for which holiday data is known. */
  get years(): number[] {
    return [...this.#years].sort((a, b) => a - b)
  }

  /** True when the calendar knows the official holidays of that year. */
  hasYear(year: number): boolean {
    return this.#years.has(year)
  }

  /** True for a working day: a make-up workday, or a weekday that is not a holiday. */
  isWorkingDay(date: CivilDate): boolean {
    if (this.#workdays.has(date)) return true
    if (this.#holidays.has(date)) return false
    const day = weekday(date)
    return day !== 0 && day !== 6
  }

  /**
   * The date `count` working days after `from` (`from` itself is not counted), e.g. the due date
   * of「10个工作日内」for a task assigned on `from`.
   */
  addWorkingDays(from: CivilDate, count: number): WorkingDayResult {
    const missing = new Set<number>()
    let date = from
    let remaining = count
    while (remaining > 0) {
      date = addDays(date, 1)
      const { year } = dateParts(date)
      if (!this.#years.has(year)) missing.add(year)
      if (this.isWorkingDay(date)) remaining--
    }
    return { date, missingYears: [...missing].sort((a, b) => a - b) }
  }

  /** Working days in an inclusive range, with the years it had no data for. */
  countWorkingDays(from: CivilDate, to: CivilDate): { count: number; missingYears: number[] } {
    const missing = new Set<number>()
    let count = 0
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const { year } = dateParts(date)
      if (!this.#years.has(year)) missing.add(year)
      if (this.isWorkingDay(date)) count++
    }
    return { count, missingYears: [...missing].sort((a, b) => a - b) }
  }
}

/** The `chinese-days` data reshaped: its keys are dates, its values holiday names. */
export function packageHolidayData(): HolidayData {
  const holidays = Object.keys(packageData.holidays)
  const workdays = Object.keys(packageData.workdays)
  const years = new Set([...holidays, ...workdays].map((date) => Number(date.slice(0, 4))))
  return { holidays, workdays, years }
}
