/**
 * @module The ECharts option of one indicator's trend: its values by year as a line whose
 * points are coloured by status (met, not met, no target), the year's target as a dashed step
 * line with square markers, and a tooltip with the value, target, status and gap. A year without
 * a value is a gap in the line (never 0) and says 未填报 under its label. Pure: it only builds
 * the option, so it is tested without a canvas (the chart module draws it).
 */
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import { escapeHtml } from '../../escape-html.ts'
import { pick } from '../../i18n.ts'
import {
  formatNumber,
  formatTarget,
  formatValue,
  plotted,
  STATUS_COLORS,
  targetOf,
  trendText,
} from './trend-format.ts'
import type { TrendIndicator, TrendScope } from './trend-format.ts'
import { axisBounds } from './trend-fit.ts'

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption
>

/** The colours of the value line and the target line. */
export const LINE_COLOR = '#1d3c6e'
export const TARGET_COLOR = '#9a6700'

/**
 * The tooltip of one year: value (or 未填报 and why), target, status, gap and, for a roll-up,
 * how many units reported. HTML-escaped: names come from the config.
 */
export function tooltipHtml(
  indicator: TrendIndicator,
  index: number,
  scopeKind: TrendScope['kind'] = 'unit',
): string {
  const point = indicator.series[index]
  if (!point) return ''
  const unit = indicator.unit
  const target = targetOf(indicator, point)
  const rows: Array<[string, string]> = [
    [
      trendText('value'),
      point.value === null ? trendText('status_missing') : formatValue(point.value, unit),
    ],
    [
      trendText('target'),
      target ? formatTarget(target, unit) + (target.phrase ? `（${target.phrase}）` : '') : '—',
    ],
    [trendText('status'), trendText(`status_${point.status}`)],
  ]
  if (point.status === 'not-met' && point.gap !== null)
    rows.push([trendText('gap'), formatValue(point.gap, unit)])
  if (scopeKind !== 'unit' && point.reporting > 0)
    rows.push(['', trendText('reporting', { n: point.reporting })])
  const problem = point.problem
    ? `<div style="color:#616e7c;max-width:16rem;white-space:normal">${escapeHtml(pick(point.problem))}</div>`
    : ''
  return [
    `<strong>${escapeHtml(indicator.name)} · ${escapeHtml(point.year)}</strong>`,
    ...rows.map(
      ([label, text]) =>
        `<div>${label ? `${escapeHtml(label)}：` : ''}<b>${escapeHtml(text)}</b></div>`,
    ),
    problem,
  ].join('')
}

/** The chart option of one indicator. */
export function trendOption(
  indicator: TrendIndicator,
  scopeKind: TrendScope['kind'] = 'unit',
): TrendOption {
  const series = indicator.series
  const dataIndex = (params: unknown) => {
    const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined
    return first?.dataIndex ?? 0
  }
  const bounds = axisBounds(indicator)
  return {
    animation: false,
    grid: { left: 6, right: 16, top: 26, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => tooltipHtml(indicator, dataIndex(params), scopeKind),
    },
    xAxis: {
      type: 'category',
      data: series.map((point) => String(point.year)),
      axisTick: { alignWithLabel: true },
      // interval 0: every year labelled (ECharts would otherwise drop some when the labels are long).
      axisLabel: {
        interval: 0,
        formatter: (label: string, index: number) =>
          series[index]?.value === null ? `${label}\n${trendText('axis_missing')}` : label,
      },
    },
    yAxis: {
      type: 'value',
      // Fitted to the values and targets drawn (trend-fit.ts), not ECharts' own rounding.
      ...(bounds ? { min: bounds.min, max: bounds.max } : { scale: true }),
      splitNumber: 3,
      name: indicator.unit ?? '',
      nameTextStyle: { align: 'right' },
      axisLabel: { formatter: (value: number) => formatNumber(String(value)) },
    },
    series: [
      {
        type: 'line',
        name: trendText('value'),
        data: series.map((point) => ({
          value: plotted(point.value),
          itemStyle: { color: STATUS_COLORS[point.status] },
          symbolSize: point.status === 'not-met' ? 11 : 8,
        })),
        connectNulls: false,
        symbol: 'circle',
        lineStyle: { color: LINE_COLOR, width: 2 },
        itemStyle: { color: LINE_COLOR },
        z: 3,
      },
      {
        type: 'line',
        name: trendText('target'),
        data: series.map((point) => plotted(targetOf(indicator, point)?.value)),
        // A target holds for its year: a step, not a slope between years.
        step: 'middle',
        connectNulls: false,
        symbol: 'rect',
        symbolSize: 6,
        lineStyle: { type: 'dashed', color: TARGET_COLOR, width: 1.5 },
        itemStyle: { color: TARGET_COLOR },
        z: 2,
      },
    ],
  }
}
