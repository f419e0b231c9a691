/**
 * @module Deadline phrases relative to the plan's own year: 年内, 年中, 上半年, 下半年, 今年底,
 * 本季度内, 三季度 …, as a document issued in that year writes them. Each resolves against the
 * anchor — the policy's issue date — to a fixed date or window, shown beside the phrase. `年底前`
 * stays what it always meant here: every year's end (a recurring deadline).
 */
import { civilDate, dateParts, endOfMonth } from './civil-date.ts'
import type { DeadlineRule } from './deadline-rule.ts'

const THIS_YEAR = '(?:今年|本年度|本年|当年)'

/** The phrases this module reads (normalized), each with the rule it builds from the year. */
const PATTERNS: Array<[RegExp, (year: number, month: number, m: RegExpExecArray) => DeadlineRule]> =
  [
    [new RegExp(`^(?:${THIS_YEAR}内|${THIS_YEAR}?年内)$`), (y) => date(y, 12, 31)],
    [new RegExp(`^${THIS_YEAR}(?:年底|年末|底|末)前?$`), (y) => date(y, 12, 31)],
    [new RegExp(`^${THIS_YEAR}?年中前?$`), (y) => date(y, 6, 30)],
    [new RegExp(`^${THIS_YEAR}?上半年$`), (y) => window(y, 1, 6)],
    [new RegExp(`^${THIS_YEAR}?下半年$`), (y) => window(y, 7, 12)],
    [
      /^本季度?内?$/,
      (y, month) => ({ kind: 'date', date: endOfMonth(y, Math.ceil(month / 3) * 3) }),
    ],
    [
      new RegExp(`^${THIS_YEAR}?第?([一二三四1-4])季度(内|末|底)?$`),
      (y, _month, m) => {
        const quarter = QUARTERS[m[1]!]!
        return m[2]
          ? { kind: 'date', date: endOfMonth(y, quarter * 3) }
          : window(y, quarter * 3 - 2, quarter * 3)
      },
    ],
  ]

const date = (year: number, month: number, day: number): DeadlineRule => ({
  kind: 'date',
  date: civilDate(year, month, day),
})
const window = (year: number, from: number, to: number): DeadlineRule => ({
  kind: 'window',
  start: civilDate(year, from, 1),
  end: endOfMonth(year, to),
})

/** A quarter's number from its Chinese or Arabic numeral (三季度, 2021年第3季度). */
export const QUARTERS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
}

/**
 * The rule a plan-year phrase means when the plan's year is that of `anchor` (a civil date);
 * undefined when the (normalized) phrase is not one of them.
 * @example planYearRule('年中', '2024-04-15') // { kind: 'date', date: '2024-06-30' }
 */
export function planYearRule(text: string, anchor: string): DeadlineRule | undefined {
  const { year, month } = dateParts(anchor)
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text)
    if (match) return build(year, month, match)
  }
  return undefined
}

/** Whether a normalized phrase is relative to the plan's year. */
export function isPlanYearPhrase(text: string): boolean {
  return PATTERNS.some(([pattern]) => pattern.test(text))
}
