/**
 * @module A unit's total over the years as an ECharts line, with a dashed line at each grade's
 * minimum. Loaded with `import()` so ECharts stays out of the first bundle; the trend table
 * beside it says the same in words. The option is built by assessment-report.option.ts.
 */
import { init, use } from 'echarts/core'
import type { EChartsType } from 'echarts/core'
import { LineChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

export { trendOption } from './assessment-report.option.ts'
export type { TrendChartData } from './assessment-report.option.ts'

export function createTrendChart(element: HTMLElement): EChartsType {
  return init(element, undefined, { renderer: 'canvas' })
}
