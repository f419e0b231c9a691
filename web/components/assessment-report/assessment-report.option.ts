/**
 * @module The trend chart's data and ECharts option: a unit's total over the years, a dashed line
 * at each grade's minimum, and a vetoed year drawn as a red diamond whose tooltip says 一票否决.
 * Pure (no canvas), so it is tested on its own; assessment-report.chart.ts draws it.
 */
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import { escapeHtml } from '../../escape-html.ts'
import { locale } from '../../i18n.ts'
import { formatDecimal } from '../assessment-format/assessment-format.ts'
import { m } from '../assessment-format/assessment-messages.ts'
import type { UnitReport } from '../assessment-format/assessment-types.ts'

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>

export interface TrendChartData {
  /** Year labels (2020 年 / 2020) and each year's total; null where the year has no total. */
  years: string[]
  totals: Array<number | null>
  /** Whether each year's grade was forced by 一票否决. */
  vetoed: boolean[]
  /** The grades' lower bounds, drawn as dashed lines. */
  bands: Array<{ name: string; min: number }>
  /** The top of the axis: the full score, or more when a bonus took a total above it. */
  max: number
  seriesName: string
  vetoLabel: string
}

const LINE_COLOR = '#1d3c6e'
const VETO_COLOR = '#b42318'

/** Whether a year's grade was forced by a veto (the server records the veto with each year). */
export function isVetoed(point: UnitReport['trend'][number]): boolean {
  return point.vetoedBy !== null
}

/**
 * Rounds up to the next of the axis's own steps (a fifth of full marks), so a total of 109.45
 * out of 100 gets an axis to 120 whose labels (0, 20 … 120) are evenly spaced.
 */
const ceilStep = (value: number, full: number) => {
  const step = full / 5
  return Math.ceil(value / step) * step
}

/** The chart's data from a unit report; the axis reaches the highest total shown and the maxScore. */
export function trendChartData(report: UnitReport): TrendChartData {
  const { assessment } = report
  const totals = report.trend.map((point) => (point.total === null ? null : Number(point.total)))
  const highest = Math.max(
    assessment.totalScore,
    assessment.maxScore ?? 0,
    ...totals.filter((total): total is number => total !== null),
  )
  return {
    years: report.trend.map((point) => m('yearLabel', { year: point.year })),
    totals,
    vetoed: report.trend.map((point) => isVetoed(point)),
    bands: assessment.grades.map((grade) => ({ name: grade.name, min: grade.min })),
    max:
      highest > assessment.totalScore
        ? ceilStep(highest, assessment.totalScore)
        : assessment.totalScore,
    seriesName: m('total'),
    vetoLabel: m('veto'),
  }
}

/** The tooltip of one year: its label, its total and, if vetoed, 一票否决 — every text escaped. */
export function trendTooltip(data: TrendChartData, index: number): string {
  const total = data.totals[index]
  const value = total === null || total === undefined ? m('missingValue') : formatDecimal(total)
  const lines = [
    `<strong>${escapeHtml(data.years[index])}</strong>`,
    escapeHtml(`${data.seriesName}${locale() === 'zh' ? '：' : ': '}${value}`),
  ]
  if (data.vetoed[index])
    lines.push(
      `<span style="color:${VETO_COLOR};font-weight:600">${escapeHtml(data.vetoLabel)}</span>`,
    )
  return lines.join('<br>')
}

/** A point's label: the total rounded for reading, and 一票否决 beside a vetoed one. */
export function pointLabel(data: TrendChartData, index: number): string {
  const total = data.totals[index]
  if (total === null || total === undefined) return ''
  return data.vetoed[index] ? `${formatDecimal(total)} ${data.vetoLabel}` : formatDecimal(total)
}

export function trendOption(data: TrendChartData): TrendOption {
  const dataIndex = (params: unknown) => {
    const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined
    return first?.dataIndex ?? 0
  }
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => trendTooltip(data, dataIndex(params)),
    },
    // Room above for the labels of the highest points, and on the right for the grade names.
    grid: { left: 8, right: 64, top: 28, bottom: 8, containLabel: true },
    // boundaryGap keeps the first and last points (and their labels) off the axes.
    xAxis: {
      type: 'category',
      data: data.years,
      boundaryGap: true,
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', min: 0, max: data.max },
    series: [
      {
        type: 'line',
        name: data.seriesName,
        data: data.totals.map((total, index) =>
          data.vetoed[index]
            ? {
                value: total,
                symbol: 'diamond',
                symbolSize: 14,
                itemStyle: { color: VETO_COLOR },
                label: { color: VETO_COLOR },
              }
            : { value: total },
        ),
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color: LINE_COLOR },
        lineStyle: { color: LINE_COLOR },
        label: {
          show: true,
          position: 'top',
          distance: 8,
          formatter: (params) => pointLabel(data, params.dataIndex),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#9aa5b1' },
          label: { formatter: '{b}', position: 'end' },
          data: data.bands
            .filter((band) => band.min > 0)
            .map((band) => ({ name: band.name, yAxis: band.min })),
        },
      },
    ],
  }
}
