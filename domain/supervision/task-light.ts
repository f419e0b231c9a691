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

/**
 * Working days from `from` to `to`, both included (0 when `to` is before `from`); counting stops
 * once it passes `atMost`, for a question that only asks whether there are few.
 */
export function workingDaysBetween(
  calendar: LightCalendar,
  from: CivilDate,
  to: CivilDate,
  atMost = Infinity,
): number {
  let count = 0
  for (let date = from; date <= to && count <= atMost; date = addDays(date, 1))
    if (calendar.isWorkingDay(date)) count++
  return count
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
  const whole = workingDaysBetween(calendar, opensOn, dueOn)
  if (whole === 0) return 100
  return Math.round((workingDaysBetween(calendar, opensOn, today) / whole) * 100)
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
  if (
    standing !== 'handed-in' &&
    dueOn !== null &&
    workingDaysBetween(calendar, addDays(today, 1), dueOn, thresholds.blueWithinWorkingDays) <=
      thresholds.blueWithinWorkingDays
  )
    return 'blue'
  return 'green'
}
