/**
 * @module The trend charts' drawing side (ECharts, loaded with `import()` when the first chart
 * scrolls into view): line charts with a grid and tooltips on a canvas. The option itself is
 * built by trend-option.ts.
 */
import { init, use } from 'echarts/core'
import type { EChartsType } from 'echarts/core'
import { LineChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, TooltipComponent, CanvasRenderer])

export { trendOption } from './trend-option.ts'

/** Creates an empty trend chart in `element` (give it a height). */
export function createTrendChart(element: HTMLElement): EChartsType {
  return init(element, undefined, { renderer: 'canvas' })
}
