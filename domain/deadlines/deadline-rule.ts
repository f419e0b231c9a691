/**
 * @module The parsed form of a deadline: what a phrase such as `2018年4月上旬` or
 * `每个季度最后一个月上旬` means, before it is placed on a calendar.
 */
import type { CivilDate } from './civil-date.ts'

/** A fixed window, e.g. `2018年4月上旬` = 2018-04-01 … 2018-04-10; due at its end. */
export interface WindowRule {
  kind: 'window'
  start: CivilDate
  end: CivilDate
}

/** A single day, e.g. `2019年1月15日前`; `start` is unknown, so only the due date is set. */
export interface DateRule {
  kind: 'date'
  date: CivilDate
}

export type PeriodUnit = 'month' | 'quarter' | 'year'

/**
 * A recurring window inside each period, e.g. `每个季度最后一个月上旬`:
 * every quarter, months −1…−1 (the last), days 1–10.
 */
export interface RecurringRule {
  kind: 'recurring'
  every: PeriodUnit
  /** Periods to move forward: `次年一季度` is the first quarter of the year after the period. */
  shift: number
  /** First and last month of the window, 1-based from the period start; negative from its end. */
  fromMonth?: number
  toMonth?: number
  /** Part of the month: 上旬 1–10, 中旬 11–20, 下旬 21–end. */
  dekad?: Dekad
}

/** Relative to the moment a task is assigned, e.g. `10个工作日内`. */
export interface RelativeRule {
  kind: 'relative'
  amount: number
  unit: 'working-day' | 'day' | 'month'
}

export type Dekad = 'early' | 'middle' | 'late'

export type DeadlineRule = WindowRule | DateRule | RecurringRule | RelativeRule

/** A concrete occurrence of a deadline: its window (when known) and the day it is due. */
export interface Occurrence {
  /** The period the work reports on: `2018-M04`, `2018-Q3`, `2018`, or `once`. */
  period: string
  start?: CivilDate
  due: CivilDate
}
