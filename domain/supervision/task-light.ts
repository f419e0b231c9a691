/**
 * @module 三色预警: the colour of a task's status, computed from its dates, its state and its
 * last progress report on the day asked — never stored, so a page of tasks is coloured as it is
 * read and no timer has to repaint rows as days pass.
 *
 * - `red` 红灯: past its deadline and not done. It stays red after a late submission, until the
 *   task is done or the office clears it with a reason (解除红灯); a cleared task that is still
 *   not done shows yellow, so its lateness stays visible.
 * - `yellow` 黄灯: behind 序时进度 — its last reported percent lags the share of its window
 *   (opens → due, in working days) already gone by at least `yellowBehindPercent` points — or
 *   its report was returned for quality.
 * - `blue` 蓝灯: due within `blueWithinWorkingDays` working days (today's remaining working days
 *   up to and including the due date, counted on the calendar with 调休).
 * - `green` 绿灯: on track, done, or no longer owed (withdrawn).
 */
import type { CivilDate } from '../deadlines/civil-date.ts'
import { addDays } from '../deadlines/civil-date.ts'

export const LIGHTS = ['green', 'blue', 'yellow', 'red'] as const
export type Light = (typeof LIGHTS)[number]

/** Names of the colours, for labels beside the dot. */
export const LIGHT_NAMES: Record<Light, { zh: string; en: string }> = {
  green: { zh: '绿灯', en: 'On track' },
  blue: { zh: '蓝灯', en: 'Due soon' },
  yellow: { zh: '黄灯', en: 'Behind' },
  red: { zh: '红灯', en: 'Overdue' },
}

/** The thresholds of the policy's `escalation.lights`. */
export interface LightThresholds {
  /** Blue from this many working days before the due date (0: only on the due date). */
  blueWithinWorkingDays: number
  /** Yellow when the reported percent lags the expected one by at least this many points. */
  yellowBehindPercent: number
}

export const DEFAULT_LIGHTS: LightThresholds = { blueWithinWorkingDays: 3, yellowBehindPercent: 20 }

/** The working days the light needs (the policy's calendar with 调休). */
export interface LightCalendar {
  isWorkingDay(date: CivilDate): boolean
}

/** What the light of one task depends on. */
export interface LightFacts {
  /** Today, the civil date the light is for. */
  today: CivilDate
  opensOn: CivilDate | null
  dueOn: CivilDate | null
  /**
   * Where the task stands: `owing` (the unit still owes the work), `returned` (owing, its report
   * sent back for quality), `handed-in` (submitted, awaiting review), `done` (finished or
   * withdrawn).
   */
  standing: 'owing' | 'returned' | 'handed-in' | 'done'
  /** The last reported percent complete (0–100), or null when none was reported. */
  percent: number | null
  /** True when the office cleared its red light with a reason (解除红灯). */
  redCleared: boolean
}

/** Days since 1970-01-01 of a civil date. */
function dayNumber(date: CivilDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    86_400_000
  )
}

const FIRST_DAY = dayNumber('2000-01-01')
const LAST_DAY = dayNumber('2100-12-31')

/**
 * Running counts of working days from 2000 to 2100, built once per calendar: `counts[i]` is the
 * number of working days among the first `i` days, so a range costs two look-ups however long.
 */
const RUNNING_COUNTS = new WeakMap<LightCalendar, Int32Array>()

function runningCounts(calendar: LightCalendar): Int32Array {
  let counts = RUNNING_COUNTS.get(calendar)
  if (!counts) {
    counts = new Int32Array(LAST_DAY - FIRST_DAY + 2)
    let date = '2000-01-01'
    for (let i = 0; i <= LAST_DAY - FIRST_DAY; i++, date = addDays(date, 1))
      counts[i + 1] = counts[i]! + (calendar.isWorkingDay(date) ? 1 : 0)
    RUNNING_COUNTS.set(calendar, counts)
  }
  return counts
}

/** Working days from day number `from` to `to`, both included (0 when `to` is before `from`). */
function countDays(calendar: LightCalendar, from: number, to: number): number {
  if (to < from) return 0
  if (from >= FIRST_DAY && to <= LAST_DAY) {
    const counts = runningCounts(calendar)
    return counts[to - FIRST_DAY + 1]! - counts[from - FIRST_DAY]!
  }
  let count = 0
  const start = new Date(from * 86_400_000).toISOString().slice(0, 10)
  for (let day = from, date = start; day <= to; day++, date = addDays(date, 1))
    if (calendar.isWorkingDay(date)) count++
  return count
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(
  calendar: LightCalendar,
  from: CivilDate,
  to: CivilDate,
): number {
  return countDays(calendar, dayNumber(from), dayNumber(to))
}

/**
 * 序时进度: the percent of a task's window, in working days, gone by at the end of `today`
 * (null without both dates). A window with no working day counts as all gone once it opens.
 */
export function expectedPercent(
  calendar: LightCalendar,
  opensOn: CivilDate | null,
  dueOn: CivilDate | null,
  today: CivilDate,
): number | null {
  if (!opensOn || !dueOn || dueOn < opensOn) return null
  if (today < opensOn) return 0
  if (today >= dueOn) return 100
  const opens = dayNumber(opensOn)
  const whole = countDays(calendar, opens, dayNumber(dueOn))
  if (whole === 0) return 100
  return Math.round((countDays(calendar, opens, dayNumber(today)) / whole) * 100)
}

/**
 * 临期 (due soon): still owed — or returned for rework — not yet past its deadline, and due within
 * `blueWithinWorkingDays` working days after today. The one definition the blue light and the
 * inbox's due-soon mark share.
 */
export function isDueSoon(
  facts: Pick<LightFacts, 'today' | 'dueOn' | 'standing'>,
  calendar: LightCalendar,
  thresholds: LightThresholds = DEFAULT_LIGHTS,
): boolean {
  const { today, dueOn, standing } = facts
  if (dueOn === null || today > dueOn) return false
  if (standing !== 'owing' && standing !== 'returned') return false
  return (
    countDays(calendar, dayNumber(today) + 1, dayNumber(dueOn)) <= thresholds.blueWithinWorkingDays
  )
}

/** The colour of one task on `facts.today`. */
export function taskLight(
  facts: LightFacts,
  calendar: LightCalendar,
  thresholds: LightThresholds = DEFAULT_LIGHTS,
): Light {
  const { today, dueOn, standing } = facts
  if (standing === 'done') return 'green'
  const late = dueOn !== null && today > dueOn
  if (late && !facts.redCleared) return 'red'
  if (late || standing === 'returned') return 'yellow'
  if (standing === 'owing' && facts.percent !== null) {
    const expected = expectedPercent(calendar, facts.opensOn, dueOn, today)
    if (expected !== null && expected - facts.percent >= thresholds.yellowBehindPercent)
      return 'yellow'
  }
  if (isDueSoon(facts, calendar, thresholds)) return 'blue'
  return 'green'
}
