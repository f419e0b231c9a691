/**
 * @module A unit's total over the years as an ECharts line, with a dashed line at each grade's
 * minimum. Loaded with `import()` so ECharts stays out of the first bundle; the trend table
 * beside it says the same in words.
 */
import { init, use } from 'echarts/core'
import type { ComposeOption, EChartsType } from 'echarts/core'
import { LineChart } from 'echarts/charts'
import type { LineSeriesOption } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

type Option = ComposeOption<LineSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption>

export interface TrendChartData {
  /** Year labels (2020年 / 2020) and each year's total; null where the year has no total. */
  years: string[]
  totals: Array<number | null>
  /** The grades' lower bounds, drawn as dashed lines. */
  bands: Array<{ name: string; min: number }>
  max: number
  seriesName: string
}

export function createTrendChart(element: HTMLElement): EChartsType {
  return init(element, undefined, { renderer: 'canvas' })
}

export function trendOption(data: TrendChartData): Option {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 64, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.years, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: data.max },
    series: [{
      type: 'line',
      name: data.seriesName,
      data: data.totals,
      connectNulls: false,
      symbolSize: 8,
      itemStyle: { color: '#1d3c6e' },
      label: { show: true, position: 'top' },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#9aa5b1' },
        label: { formatter: '{b}', position: 'end' },
        data: data.bands.filter((band) => band.min > 0).map((band) => ({ name: band.name, yAxis: band.min })),
      },
    }],
  }
}
