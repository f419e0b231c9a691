/**
 * @module The phase timeline as an ECharts Gantt: one bar per phase from its first to its last
 * day, the approved share filled in, coloured by status (closed, open, late, pending), and a
 * dashed "today" line. Loaded with `import()` so ECharts stays out of the first bundle.
 */
import { init, use } from 'echarts/core'
import type { ComposeOption, EChartsType } from 'echarts/core'
import { CustomChart } from 'echarts/charts'
import type { CustomSeriesOption } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { PlanProgress } from '../../api-types.ts'
import { escapeHtml } from '../../escape-html.ts'
import { phaseColor } from './phase-colors.ts'

use([CustomChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

type Option = ComposeOption<
  CustomSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>
type Phase = PlanProgress['phases'][number]

export interface GanttLabels {
  today: string
  status: (phase: Phase) => string
  approved: string
}

const DAY = 86_400_000

/** A civil date `YYYY-MM-DD` as local midnight, which is what the time axis shows. */
function toTime(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(y, m - 1, d).getTime()
}

export function createGantt(element: HTMLElement): EChartsType {
  return init(element, undefined, { renderer: 'canvas' })
}

/** The tooltip of one phase: its name, window, status and approved share, every text escaped. */
export function ganttTooltip(phase: Phase, labels: GanttLabels): string {
  const { approved, total } = phase.tasks
  return [
    phase.name,
    `${phase.opensOn} – ${phase.closesOn}`,
    labels.status(phase),
    `${labels.approved} ${approved}/${total}`,
  ]
    .map(escapeHtml)
    .join('<br/>')
}

export function ganttOption(phases: readonly Phase[], today: string, labels: GanttLabels): Option {
  const now = toTime(today)
  const starts = phases.map((phase) => toTime(phase.opensOn))
  const ends = phases.map((phase) => toTime(phase.closesOn) + DAY)
  // The axis is the plan's window (a little margin each side), not stretched to today: a plan
  // looked at long after it ended keeps its phases readable. Today is marked when inside it.
  const first = starts.length ? Math.min(...starts) : now
  const last = ends.length ? Math.max(...ends) : now + DAY
  const margin = Math.max(3 * DAY, Math.round((last - first) * 0.02))
  const min = first - margin
  const max = last + margin
  const share = (phase: Phase) => phase.percent / 100
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 28, bottom: 24, containLabel: true },
    tooltip: {
      formatter: (params) => {
        const phase = phases[(params as { dataIndex: number }).dataIndex]
        return phase ? ganttTooltip(phase, labels) : ''
      },
    },
    xAxis: {
      type: 'time',
      min,
      max,
      axisLabel: { hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: '#eef2f7' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: phases.map((phase) => phase.name),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: phases.map((phase, index) => ({
          value: [index, starts[index]!, ends[index]!, share(phase)],
          itemStyle: { color: phaseColor(phase) },
        })),
        renderItem: (params, api) => {
          const index = api.value(0) as number
          const [x0 = 0, y = 0] = api.coord([api.value(1), index])
          const [x1 = 0] = api.coord([api.value(2), index])
          const height = Math.min(
            ((api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20) * 0.55,
            22,
          )
          const width = Math.max(x1 - x0, 3)
          const pct = api.value(3) as number
          const color = api.visual('color') as string
          return {
            type: 'group',
            children: [
              {
                type: 'rect',
                shape: { x: x0, y: y - height / 2, width, height, r: 3 },
                style: { fill: color, opacity: 0.3, stroke: color, lineWidth: 1 },
              },
              {
                type: 'rect',
                shape: { x: x0, y: y - height / 2, width: width * pct, height, r: 3 },
                style: { fill: color },
              },
              {
                type: 'text',
                style: {
                  text: `${Math.round(pct * 100)}%`,
                  x: x0 + width + 4,
                  y,
                  verticalAlign: 'middle',
                  fill: '#3e4c59',
                  fontSize: 11,
                },
              },
            ],
          }
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#b42318', type: 'dashed', width: 1.5 },
          label: { formatter: `${labels.today} ${today}`, position: 'start', color: '#b42318' },
          data: now >= min && now <= max ? [{ xAxis: now }] : [],
        },
      },
    ],
  }
}
