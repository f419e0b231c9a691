/**
 * @module Civil dates (`YYYY-MM-DD`) in Asia/Shanghai.
 *
 * Deadlines in the documents are calendar days, not instants, so they are kept as civil dates and
 * computed with UTC arithmetic (which has no DST to trip over). Asia/Shanghai has been UTC+08:00
 * all year since 1991, so a civil date's end is a fixed instant: see {@link endOfDayInstant}.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type CivilDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Builds a civil date from year, month (1–12) and day. */
export function civilDate(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Splits a civil date into numbers. */
export function dateParts(date: CivilDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`not a civil date: ${date}`)
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

/** True when `text` is a real date written `YYYY-MM-DD` (so 2019-02-29 is not). */
export function isCivilDate(text: string): boolean {
  const match = ISO_DATE.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Number of days in a month, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The last day of a month. */
export function endOfMonth(year: number, month: number): CivilDate {
  return civilDate(year, month, daysInMonth(year, month))
}

/** Adds (or with a negative count, subtracts) calendar days. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const { year, month, day } = dateParts(date)
  const moved = new Date(Date.UTC(year, month - 1, day + days))
  return civilDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate())
}

/** Adds calendar months, clamping the day to the target month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const { year, month, day } = dateParts(date)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  return civilDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  const { year, month, day } = dateParts(date)
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

/** Compares two civil dates (ISO strings sort chronologically). */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The instant a civil date ends in Asia/Shanghai (fixed +08:00, no DST since 1991). */
export function endOfDayInstant(date: CivilDate): Date {
  return new Date(`${date}T23:59:59.999+08:00`)
}

/** The instant a civil date starts in Asia/Shanghai. */
export function startOfDayInstant(date: CivilDate): Date {
  return new Date(`${date}T00:00:00.000+08:00`)
}

/** The civil date in Asia/Shanghai at an instant. */
export function civilDateAt(instant: Date): CivilDate {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
