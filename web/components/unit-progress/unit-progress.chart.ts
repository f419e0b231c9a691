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
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { PlanProgress } from '../../api-types.js'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>
type Unit = PlanProgress['units'][number]

export interface UnitChartLabels {
  overdue: string
  open: string
  approved: string
}

/** Creates the chart; `onSelect` gets the index of the clicked unit. */
export function createUnitChart(element: HTMLElement, onSelect: (index: number) => void): EChartsType {
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
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((unit) => unit.name),
      axisLabel: { width: 160, overflow: 'truncate' },
      triggerEvent: false,
    },
    series: [
      bar(labels.overdue, '#d92d20', units.map((unit) => unit.overdue)),
      bar(labels.open, '#84caff', units.map((unit) => unit.total - unit.approved - unit.overdue)),
      bar(labels.approved, '#12b76a', units.map((unit) => unit.approved)),
    ],
  }
}
