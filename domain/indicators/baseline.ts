/**
 * @module An indicator's baseline, the start of its delta targets ("较试点前提升不少于5个百分点"):
 * a fixed `value`, or — with only a `year` — the indicator's own value in that year for the same
 * unit, taken from the data. A baseline year without data is its own state ("no baseline value"),
 * never a zero and never a target met. Browser-safe.
 */
import type { Decimal } from 'decimal.js'
import type { Indicator } from '../../schemas/index.ts'
import type { LocalizedText } from '../compiler/config-issue.ts'

/** The year whose data is an indicator's baseline; undefined for a fixed or absent baseline. */
export function dataBaselineYear(indicator: Indicator | undefined): number | undefined {
  const baseline = indicator?.baseline
  return baseline && baseline.value === undefined ? baseline.year : undefined
}

/** The years whose data some indicator's baseline is taken from. */
export function dataBaselineYears(indicators: readonly Indicator[]): number[] {
  const years = new Set<number>()
  for (const indicator of indicators) {
    const year = dataBaselineYear(indicator)
    if (year !== undefined) years.add(year)
  }
  return [...years].sort((a, b) => a - b)
}

/** What a delta target says when its baseline has no value: which baseline, which year. */
export function noBaselineText(indicator: Indicator | undefined, name: string): LocalizedText {
  const baseline = indicator?.baseline
  const label = baseline?.label ?? '基线'
  if (baseline?.year !== undefined && baseline.value === undefined)
    return {
      zh: `缺基线值：「${name}」的目标是较${label}（${baseline.year} 年）的变化，但 ${baseline.year} 年没有数值，请先填报 ${baseline.year} 年的数据`,
      en: `No baseline value: "${name}" has a target relative to ${label} (${baseline.year}), and ${baseline.year} has no value; enter that year's data first`,
    }
  return {
    zh: `缺基线值：「${name}」的目标是较${label}的变化，但配置没有给出基线值或基线年度`,
    en: `No baseline value: "${name}" has a target relative to ${label}, and the config gives no baseline value or year`,
  }
}

/** The baseline as a value, when a result for the baseline year is one. */
export function baselineValue(
  result: { ok: true; value: Decimal } | { ok: false } | undefined,
): Decimal | undefined {
  return result?.ok ? result.value : undefined
}
