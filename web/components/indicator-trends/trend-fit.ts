/**
 * @module What the dashboard's indicators show first and how: indicators with a value or a
 * target in the year asked first (the rest folded), yes/no indicators as 是/否 rather than a line,
 * and a value axis fitted to the values and targets drawn (a percent axis never past 100% when
 * nothing drawn is above it, never below 0 for a measure that cannot be negative).
 */
import { pick } from '../../i18n.ts'
import { plotted, targetOf } from './trend-format.ts'
import type { TrendIndicator } from './trend-format.ts'

/** True for a yes/no indicator (`valueType: boolean`). */
export function isYesNo(indicator: Pick<TrendIndicator, 'valueType'>): boolean {
  return indicator.valueType === 'boolean'
}

/**
 * A yes/no value as 是 / 否; a roll-up of several units (a share between 0 and 1) as 是 with the
 * share that said yes. Null for no value.
 */
export function yesNo(value: string | null | undefined): { yes: boolean; text: string } | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const word = value.trim().toLowerCase()
  const share = word === 'true' ? 1 : word === 'false' ? 0 : Number(word)
  if (!Number.isFinite(share)) return { yes: false, text: value }
  if (share >= 1) return { yes: true, text: pick({ zh: '是', en: 'Yes' }) }
  if (share <= 0) return { yes: false, text: pick({ zh: '否', en: 'No' }) }
  const percent = Math.round(share * 100)
  return { yes: share >= 0.5, text: pick({ zh: `是 ${percent}%`, en: `Yes ${percent}%` }) }
}

/** True when the indicator has a value or a target in `year`. */
export function hasYear(indicator: TrendIndicator, year: number): boolean {
  const point = indicator.series.find((p) => p.year === year)
  if (!point) return false
  return plotted(point.value) !== null || targetOf(indicator, point) !== null
}

/** The indicators with a value or target in `year` first (in their order), the others after. */
export function splitByYear(
  indicators: readonly TrendIndicator[],
  year: number | null,
): { current: TrendIndicator[]; rest: TrendIndicator[] } {
  if (year === null) return { current: [...indicators], rest: [] }
  const current: TrendIndicator[] = []
  const rest: TrendIndicator[] = []
  for (const indicator of indicators) (hasYear(indicator, year) ? current : rest).push(indicator)
  return { current, rest }
}

const NON_NEGATIVE = new Set(['percentage', 'permille', 'ratio', 'count', 'amount', 'days'])
const CEILING: Record<string, number> = { percentage: 100, permille: 1000 }

/** A round step near a tenth of `span`: 1, 2 or 5 times a power of ten. */
function niceStep(span: number): number {
  const raw = span / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  const scaled = raw / power
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power
}

/**
 * The value axis of an indicator's chart: from a little below the lowest value or target drawn
 * to a little above the highest, on round steps; never below 0 for a measure that cannot be
 * negative, never above 100% (1000‰) unless a value or target is. Null when nothing is drawn.
 */
export function axisBounds(indicator: TrendIndicator): { min: number; max: number } | null {
  const numbers = indicator.series.flatMap((point) =>
    [plotted(point.value), plotted(targetOf(indicator, point)?.value)].filter(
      (n): n is number => n !== null,
    ),
  )
  if (numbers.length === 0) return null
  const low = Math.min(...numbers)
  const high = Math.max(...numbers)
  const step = niceStep(high - low || Math.abs(high) || 1)
  let min = Math.floor((low - step / 2) / step) * step
  let max = Math.ceil((high + step / 2) / step) * step
  const type = indicator.valueType ?? ''
  if (NON_NEGATIVE.has(type) && low >= 0) min = Math.max(0, min)
  const ceiling = CEILING[type]
  if (ceiling !== undefined && high <= ceiling) max = Math.min(ceiling, max)
  if (max <= min) max = min + step
  return { min: Number(min.toPrecision(12)), max: Number(max.toPrecision(12)) }
}
