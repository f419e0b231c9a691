/**
 * @module A version's calendar moved by whole years, for a plan started with `shiftYears` (the
 * demo's 演示 plan runs a policy whose own dates are past). Only the dates that schedule work move
 * — the effective period, phase windows, milestones and every `due`/`window`/`within` (ISO dates
 * and phrases such as 2018年4月上旬 alike); the document's text, names and quotations keep their
 * years. Holidays listed for the document's years are dropped: the mainland calendar of the moved
 * years applies instead.
 */
import type { PolicyConfig } from '../../schemas/index.ts'

/** Keys under which every string is a date, a window or a deadline phrase. */
const TIME_KEYS = new Set(['effective', 'window', 'within', 'due', 'opens', 'date'])

/** A year written as `2018-…` or `2018年`, not inside a longer number. */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?=-\d{2}|-[QH]\d|年)/g

/** The text with every year in it moved; 29 February becomes the 28th in a common year. */
export function shiftText(text: string, years: number): string {
  return text
    .replace(YEAR, (year) => String(Number(year) + years))
    .replace(/(?<!\d)(\d{4})-02-29(?!\d)/g, (whole, year: string) =>
      isLeap(Number(year)) ? whole : `${year}-02-28`,
    )
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** A copy of the config with its scheduling dates moved by `years` (the config itself when 0). */
export function shiftConfigYears(config: PolicyConfig, years: number): PolicyConfig {
  if (years === 0) return config
  const walk = (value: unknown, timed: boolean): unknown => {
    if (typeof value === 'string') return timed ? shiftText(value, years) : value
    if (Array.isArray(value)) return value.map((item) => walk(item, timed))
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, walk(item, timed || TIME_KEYS.has(key))]),
    )
  }
  const shifted = walk(config, false) as PolicyConfig
  if (shifted.calendar) shifted.calendar = { ...shifted.calendar, years: [] }
  return shifted
}
