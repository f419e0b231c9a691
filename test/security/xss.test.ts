// @vitest-environment happy-dom
/**
 * Stored XSS through chart tooltips: ECharts sets a tooltip formatter's string as `innerHTML`, and
 * the names in it come from a policy config (phase, unit, indicator, grade names). Each chart
 * option builder of the web app gets hostile names everywhere, and every tooltip it can show is
 * parsed as HTML: the names come out as text, never as elements or event handlers.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanProgress } from '../../web/api-types.ts'
import { escapeHtml } from '../../web/escape-html.ts'
import { setLocale } from '../../web/i18n.ts'
import { buildUnitReport } from '../../web/components/assessment-format/assessment.fixtures.ts'
import {
  trendChartData,
  trendOption as reportTrendOption,
} from '../../web/components/assessment-report/assessment-report.option.ts'
import type { TrendChartData } from '../../web/components/assessment-report/assessment-report.option.ts'
import {
  buildIndicator,
  buildPoint,
} from '../../web/components/indicator-trends/indicator-trends.fixtures.ts'
import { trendOption as indicatorTrendOption } from '../../web/components/indicator-trends/trend-option.ts'
import { ganttOption } from '../../web/components/phase-gates/phase-gates.chart.ts'
import { unitOption } from '../../web/components/unit-progress/unit-progress.chart.ts'

const HOSTILE = `<img src=x onerror=window.__xss=1>"'&<script>window.__xss=2</script><svg onload=alert(1)>`

/** The markup the tooltips write themselves; anything else came from a name. */
const OWN_TAGS = new Set(['STRONG', 'B', 'DIV', 'SPAN', 'BR'])

/** Parses a tooltip as ECharts does (innerHTML) and lists what would be live in it. */
function liveParts(tooltip: string): string[] {
  const box = document.createElement('div')
  box.innerHTML = tooltip
  const live: string[] = []
  for (const element of Array.from(box.querySelectorAll('*'))) {
    if (!OWN_TAGS.has(element.tagName)) live.push(`<${element.tagName.toLowerCase()}>`)
    for (const attribute of Array.from(element.attributes))
      if (attribute.name !== 'style')
        live.push(`${element.tagName.toLowerCase()}[${attribute.name}]`)
  }
  return live
}

/** The text a reader sees in a tooltip. */
function shownText(tooltip: string): string {
  const box = document.createElement('div')
  box.innerHTML = tooltip
  return box.textContent ?? ''
}

type Formatter = (params: unknown) => string

/** Every tooltip an option can show: its formatter called for each data index. */
function tooltips(option: unknown, count: number, shape: 'axis' | 'item'): string[] {
  const formatter = (option as { tooltip?: { formatter?: unknown } }).tooltip?.formatter
  // A chart without our formatter would leave the escaping to ECharts' defaults: every tooltip
  // of the app is built by its own, tested function.
  expect(typeof formatter, 'tooltip.formatter').toBe('function')
  return Array.from({ length: count }, (_, dataIndex) =>
    (formatter as Formatter)(shape === 'axis' ? [{ dataIndex }] : { dataIndex }),
  )
}

afterEach(() => setLocale('zh'))

describe('escapeHtml', () => {
  it('turns markup into text that shows exactly the same characters', () => {
    expect(escapeHtml(HOSTILE)).not.toMatch(/[<>"']/)
    expect(liveParts(`<div>${escapeHtml(HOSTILE)}</div>`)).toEqual([])
    expect(shownText(escapeHtml(HOSTILE))).toBe(HOSTILE)
  })

  it('is safe inside a quoted attribute and keeps plain text as it is', () => {
    const box = document.createElement('div')
    box.innerHTML = `<span title="${escapeHtml(HOSTILE)}">x</span>`
    expect(box.querySelector('span')!.getAttribute('title')).toBe(HOSTILE)
    expect(box.querySelectorAll('*')).toHaveLength(1)
    expect(escapeHtml('县域内就诊率 ≥ 90%')).toBe('县域内就诊率 ≥ 90%')
    expect(escapeHtml(12)).toBe('12')
    expect(escapeHtml(null)).toBe('')
  })
})

describe('chart tooltips show hostile config names as text', () => {
  type Phase = PlanProgress['phases'][number]
  const phase = (id: string, status: Phase['status']): Phase => ({
    id,
    name: `${HOSTILE}${id}`,
    opensOn: '2018-08-01',
    closesOn: '2018-12-31',
    status,
    late: false,
    standing: 'open',
    percent: 25,
    tasks: { total: 4, approved: 1, closed: 0 },
    gate: {
      windowEnded: false,
      openTasks: 3,
      signOffRequired: null,
      signedOff: false,
      milestonesPending: [],
      holds: false,
      signOffBody: null,
      milestones: [],
    },
  })

  it('phase timeline (phase-gates): the phase name, status and labels', () => {
    const phases = [phase('organize', 'open'), phase('supervise', 'pending')]
    const option = ganttOption(phases, '2018-09-05', {
      today: HOSTILE,
      status: () => HOSTILE,
      approved: HOSTILE,
    })
    for (const tooltip of tooltips(option, phases.length, 'item')) {
      expect(liveParts(tooltip)).toEqual([])
      expect(shownText(tooltip)).toContain(HOSTILE)
    }
  })

  it('completion by unit (unit-progress): the unit name and series labels', () => {
    const units: PlanProgress['units'] = [
      {
        id: 'a',
        name: HOSTILE,
        total: 10,
        approved: 3,
        overdue: 2,
        closed: 0,
        lights: { green: 0, blue: 0, yellow: 0, red: 0 },
        supervised: 0,
        percent: 0,
        onTimeRate: null,
      },
      {
        id: 'b',
        name: `${HOSTILE}b`,
        total: 4,
        approved: 4,
        overdue: 0,
        closed: 0,
        lights: { green: 0, blue: 0, yellow: 0, red: 0 },
        supervised: 0,
        percent: 0,
        onTimeRate: null,
      },
    ]
    const option = unitOption(units, { overdue: HOSTILE, open: HOSTILE, approved: HOSTILE })
    const shown = tooltips(option, units.length, 'axis')
    for (const tooltip of shown) {
      expect(liveParts(tooltip)).toEqual([])
      expect(shownText(tooltip)).toContain(HOSTILE)
    }
    expect(shownText(shown[0]!)).toContain(`${HOSTILE} 2`)
  })

  it('indicator trend (indicator-trends): the indicator name, unit, target phrase and problem', () => {
    const point = (year: number, value: string | null) => ({
      ...buildPoint(year, value, '90', value === null ? 'missing' : 'not-met', '1'),
      target: { op: '>=', value: '90', year, phrase: HOSTILE },
      problem: value === null ? { zh: HOSTILE, en: HOSTILE } : null,
    })
    const indicator = buildIndicator({
      name: HOSTILE,
      unit: HOSTILE,
      category: HOSTILE,
      targets: [{ year: 2020, op: '>=', value: 90, delta: null, phrase: HOSTILE }],
      series: [point(2020, '87'), point(2021, null)],
    } as never)
    for (const scope of ['unit', 'group'] as const) {
      for (const tooltip of tooltips(indicatorTrendOption(indicator, scope), 2, 'axis')) {
        expect(liveParts(tooltip)).toEqual([])
        expect(shownText(tooltip)).toContain(HOSTILE)
      }
    }
  })

  it('assessment report trend (assessment-report): year labels, series and veto labels, grade names', () => {
    const data: TrendChartData = {
      years: [HOSTILE, `${HOSTILE}2`],
      totals: [88, null],
      vetoed: [true, false],
      bands: [{ name: HOSTILE, min: 60 }],
      max: 100,
      seriesName: HOSTILE,
      vetoLabel: HOSTILE,
    }
    for (const locale of ['zh', 'en'] as const) {
      setLocale(locale)
      for (const tooltip of tooltips(reportTrendOption(data), 2, 'axis')) {
        expect(liveParts(tooltip)).toEqual([])
        expect(shownText(tooltip)).toContain(HOSTILE)
      }
    }
    // From a report whose grade names are hostile, as the API would serve it.
    const report = buildUnitReport()
    const hostileGrades = {
      ...report,
      assessment: {
        ...report.assessment,
        grades: report.assessment.grades.map((grade) => ({ ...grade, name: HOSTILE })),
      },
    }
    const fromReport = trendChartData(hostileGrades)
    for (const tooltip of tooltips(reportTrendOption(fromReport), fromReport.years.length, 'axis'))
      expect(liveParts(tooltip)).toEqual([])
  })
})
