/**
 * @module Completion and overdue by unit as a stacked horizontal bar chart (ECharts, loaded with
 * `import()`): overdue, open and not yet due, approved — for the few units given (the dashboard
 * passes the 30 with the most overdue work, so 2,800 units never reach the canvas).
 */
import { init, use } from 'echarts/core'
import type { ComposeOption, EChartsType } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import type { BarSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { PlanProgress } from '../../api-types.ts'
import { escapeHtml } from '../../escape-html.ts'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>
type Unit = PlanProgress['units'][number]

export interface UnitChartLabels {
  overdue: string
  open: string
  approved: string
}

const COLORS = { overdue: '#d92d20', open: '#84caff', approved: '#12b76a' } as const

/** The numbers each bar stacks, in the legend's order. */
const parts = (unit: Unit) =>
  [
    ['overdue', unit.overdue],
    ['open', unit.total - unit.approved - unit.overdue],
    ['approved', unit.approved],
  ] as const

/** The tooltip of one unit: its name, then overdue, open and approved — every text escaped. */
export function unitTooltip(unit: Unit, labels: UnitChartLabels): string {
  const dot = (color: string) =>
    `<span style="display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;background:${color}"></span>`
  const rows = parts(unit).map(
    ([key, count]) =>
      `<div>${dot(COLORS[key])}${escapeHtml(labels[key])} <b>${escapeHtml(count)}</b></div>`,
  )
  return `<strong>${escapeHtml(unit.name)}</strong>${rows.join('')}`
}

/** Creates the chart; `onSelect` gets the index of the clicked unit. */
export function createUnitChart(
  element: HTMLElement,
  onSelect: (index: number) => void,
): EChartsType {
  const chart = init(element, undefined, { renderer: 'canvas' })
  chart.on('click', (params) => onSelect(params.dataIndex))
  return chart
}

export function unitOption(units: readonly Unit[], labels: UnitChartLabels): Option {
  const bar = (name: string, color: string, values: number[]): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'tasks',
    data: values,
    itemStyle: { color },
    barMaxWidth: 16,
    emphasis: { focus: 'series' },
    cursor: 'pointer',
  })
  return {
    animation: false,
    legend: { top: 0, data: [labels.overdue, labels.open, labels.approved] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = (Array.isArray(params) ? params[0] : params) as
          { dataIndex?: number } | undefined
        const unit = units[first?.dataIndex ?? -1]
        return unit ? unitTooltip(unit, labels) : ''
      },
    },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((unit) => unit.name),
      axisLabel: { width: 160, overflow: 'truncate' },
      triggerEvent: false,
    },
    series: (['overdue', 'open', 'approved'] as const).map((key, index) =>
      bar(
        labels[key],
        COLORS[key],
        units.map((unit) => parts(unit)[index]![1]),
      ),
    ),
  }
}
