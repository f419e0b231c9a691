/**
 * @module Pure helpers for the indicator trends: the texts (Chinese first, English by the
 * switch), numbers as people read them, targets as `≥ 90%`, each indicator's latest point and
 * the section's tally. No DOM and no ECharts, so they are tested on their own.
 */
import type { IndicatorTrends } from '../../api-types.ts'
import { fill, locale, messageTable } from '../../i18n.ts'
import { unitLabel } from '../../units-of-measure.ts'

export type TrendIndicator = IndicatorTrends['indicators'][number]
export type TrendPoint = TrendIndicator['series'][number]
export type TrendStatus = TrendPoint['status']
export type TrendScope = IndicatorTrends['scopes'][number]

/** The texts of the trends section; read with `pick(TREND_TEXT.key)`. */
export const TREND_TEXT = {
  scope: { zh: '查看范围', en: 'Scope' },
  scopeRegion: { zh: '{name}（全区域）', en: '{name} (region)' },
  scopeGroups: { zh: '单位组', en: 'Groups' },
  scopeUnits: { zh: '单位', en: 'Units' },
  rolledUp: {
    zh: '由 {n} 个单位汇总',
    en: 'Rolled up over {n, plural, one {# unit} other {# units}}',
  },
  value: { zh: '实际值', en: 'Value' },
  target: { zh: '目标', en: 'Target' },
  eachMember: { zh: '每个成员', en: 'every member' },
  relativeTo: { zh: '（同年「{id}」的值）', en: '(the same year’s {id})' },
  inferred: { zh: '编写单位推断', en: 'Inferred by the office' },
  inferred_definition: { zh: '口径', en: 'definition' },
  inferred_formula: { zh: '公式', en: 'formula' },
  inferred_direction: { zh: '方向', en: 'direction' },
  status: { zh: '状态', en: 'Status' },
  gap: { zh: '差距', en: 'Gap' },
  year: { zh: '年度', en: 'Year' },
  latest: { zh: '最新', en: 'Latest' },
  reporting: { zh: '{n} 个单位填报', en: '{n, plural, one {# unit} other {# units}} reporting' },
  /** Under a group's or the region's figure built from only some members: it is not yet the whole. */
  partial: {
    zh: '仅 {n}/{m} 个单位已填报',
    en: 'only {n} of {m, plural, one {# unit} other {# units}} reported',
  },
  partialTally: { zh: '；其中 {n} 项仅部分单位已填报', en: '; {n} of them from only some units' },
  status_met: { zh: '达标', en: 'Met' },
  'status_not-met': { zh: '未达标', en: 'Not met' },
  'status_no-target': { zh: '无目标', en: 'No target' },
  /** A target relative to a baseline year (试点前) that has no value: not met, not 达标 either. */
  'status_no-baseline': { zh: '缺基线值', en: 'No baseline value' },
  status_missing: { zh: '未填报', en: 'Not reported' },
  /** Under a year on the chart's axis, where every year's label must fit. */
  axis_missing: { zh: '未填报', en: 'Not reported' },
  status_error: { zh: '无法计算', en: 'Cannot compute' },
  /** An impossible figure (a rate over 100 %): wrong data, never 达标. */
  status_invalid: { zh: '数值无效', en: 'Invalid' },
  invalidTally: { zh: '，数值无效 {n} 项', en: ', {n} invalid' },
  'direction_higher-is-better': { zh: '越高越好', en: 'Higher is better' },
  'direction_lower-is-better': { zh: '越低越好', en: 'Lower is better' },
  direction_none: { zh: '', en: '' },
  tally: {
    zh: '{n} 项指标（按最新年度）：达标 {met} 项，未达标 {notMet} 项，无目标 {noTarget} 项，未填报 {missing} 项',
    en: '{n, plural, one {# indicator} other {# indicators}} (latest year): {met} met, {notMet} not met, {noTarget} without a target, {missing} not reported',
  },
  nothingReported: { zh: '各年度均未填报，暂无图表', en: 'Nothing reported in any year yet' },
  noIndicators: { zh: '该计划未设定指标', en: 'This plan sets no indicators' },
  otherCategory: { zh: '其他指标', en: 'Other indicators' },
  chartOf: {
    zh: '「{name}」各年度数值与目标（图表，数据见下表）',
    en: '{name} by year against its target (chart; the table below has the figures)',
  },
  tableOf: { zh: '「{name}」各年度数值', en: '{name} by year' },
  importLink: { zh: '导入指标数据', en: 'Import indicator data' },
  loadFailed: {
    zh: '指标数据加载失败：{message}',
    en: 'The indicators could not be loaded: {message}',
  },
} as const

export type TrendTextKey = keyof typeof TREND_TEXT

/** The current locale's text for a key, with `{name}` placeholders filled. */
export const trendText: (key: TrendTextKey, params?: Record<string, string | number>) => string =
  messageTable(TREND_TEXT)

const OPERATORS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }

/** `89.857386503067` → `89.86`, `5030000` → `5,030,000`; text that is not a number stays as it is. */
export function formatNumber(value: string, lang = locale()): string {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number)) return value
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(number)
}

/** A value with its unit of measure: `89.86%`, `8.2 天`. */
export function formatValue(value: string, unit: string | null, lang = locale()): string {
  const number = formatNumber(value, lang)
  if (!unit) return number
  if (unit === '%' || unit === '‰') return `${number}${unit}`
  const shown = unitLabel(unit, Number(value), lang)
  return shown ? `${number} ${shown}` : number
}

/** A target as `≥ 90%`. */
export function formatTarget(
  target: NonNullable<TrendPoint['target']>,
  unit: string | null,
  lang = locale(),
): string {
  const value = formatValue(target.value, unit, lang)
  const bound = target.tolerance
    ? `≈ ${value} (±${formatNumber(target.tolerance, lang)})`
    : target.upTo
      ? `${formatNumber(target.value, lang)}–${formatValue(target.upTo, unit, lang)}`
      : `${OPERATORS[target.op] ?? target.op} ${value}`
  const relative = target.relativeTo
    ? ` ${fill(TREND_TEXT.relativeTo[lang], { id: target.relativeTo })}`
    : ''
  return `${target.each ? `${TREND_TEXT.eachMember[lang]} ` : ''}${bound}${relative}`
}

/** What the office inferred (口径、公式、方向), each with its reason, as one line; empty if nothing. */
export function inferredLine(indicator: TrendIndicator, lang = locale()): string {
  const inferred = (indicator.inferred ?? {}) as Record<string, string>
  const parts = (['definition', 'formula', 'direction'] as const)
    .filter((field) => inferred[field])
    .map((field) => `${TREND_TEXT[`inferred_${field}`][lang]}：${inferred[field]}`)
  return parts.length ? `${TREND_TEXT.inferred[lang]} — ${parts.join('；')}` : ''
}

/** The number a chart plots for a decimal string; null (a gap, never 0) for no value. */
export function plotted(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

/**
 * The target of a year. The server gives it with each value; a year without a value still has
 * one in the config, chosen as the server would (scoring/select-target.ts): the year's own, else
 * one without a year, else the latest earlier year's; a delta target adds the baseline.
 */
export function targetOf(indicator: TrendIndicator, point: TrendPoint): TrendPoint['target'] {
  if (point.target || point.value !== null) return point.target
  const targets = indicator.targets
  const chosen =
    targets.find((target) => target.year === point.year) ??
    targets.find((target) => target.year === null) ??
    targets
      .filter((target) => target.year !== null && target.year < point.year)
      .sort((a, b) => b.year! - a.year!)[0]
  if (!chosen) return null
  const baseline = (indicator.baseline as { value?: number } | null)?.value
  const value =
    chosen.value ??
    (chosen.delta !== null && baseline !== undefined
      ? Number((baseline + chosen.delta).toPrecision(12))
      : null)
  return value === null
    ? null
    : {
        op: chosen.op,
        value: String(value),
        year: chosen.year,
        phrase: chosen.phrase,
        baseline: chosen.value === null && baseline !== undefined ? String(baseline) : null,
        ...(chosen.each ? { each: true } : {}),
        ...(chosen.upTo !== undefined ? { upTo: String(chosen.upTo) } : {}),
        ...(chosen.tolerance !== undefined ? { tolerance: String(chosen.tolerance) } : {}),
      }
}

/** The point to summarise an indicator by: the latest year with a value, else the last year. */
export function latestPoint(indicator: TrendIndicator): TrendPoint | undefined {
  const series = indicator.series
  for (let i = series.length - 1; i >= 0; i--) if (series[i]!.value !== null) return series[i]
  return series[series.length - 1]
}

/** True when there is nothing to draw: no value and no target in any year. */
export function isEmptySeries(indicator: TrendIndicator): boolean {
  return indicator.series.every(
    (point) => plotted(point.value) === null && plotted(targetOf(indicator, point)?.value) === null,
  )
}

/** Indicators by category, in the config's order (indicators without one last). */
export function byCategory(
  indicators: readonly TrendIndicator[],
): Array<{ category: string | null; indicators: TrendIndicator[] }> {
  const groups = new Map<string | null, TrendIndicator[]>()
  for (const indicator of indicators) {
    const list = groups.get(indicator.category) ?? []
    list.push(indicator)
    groups.set(indicator.category, list)
  }
  const named = [...groups].filter(([category]) => category !== null)
  const other = groups.get(null)
  return [...named, ...(other ? [[null, other] as const] : [])].map(([category, list]) => ({
    category,
    indicators: list,
  }))
}

/**
 * How many indicators' latest points are met, not met, without a target, missing, invalid — and how many
 * of those figures come from only some of the scope's members (`partial`).
 */
export function tally(indicators: readonly TrendIndicator[]): {
  met: number
  notMet: number
  noTarget: number
  missing: number
  invalid: number
  partial: number
} {
  const counts = { met: 0, notMet: 0, noTarget: 0, missing: 0, invalid: 0, partial: 0 }
  for (const indicator of indicators) {
    const latest = latestPoint(indicator)
    if (latest?.partial) counts.partial++
    const status = latest?.status ?? 'missing'
    if (status === 'met') counts.met++
    else if (status === 'not-met') counts.notMet++
    else if (status === 'no-target' || status === 'no-baseline') counts.noTarget++
    else if (status === 'invalid') counts.invalid++
    else counts.missing++
  }
  return counts
}

/** The colour of a point's status: green met, red not met, blue without target, orange invalid, grey otherwise. */
export const STATUS_COLORS: Record<TrendStatus, string> = {
  met: '#12b76a',
  'not-met': '#d92d20',
  'no-target': '#2e90fa',
  'no-baseline': '#2e90fa',
  missing: '#9aa5b1',
  error: '#9aa5b1',
  invalid: '#f79009',
}
