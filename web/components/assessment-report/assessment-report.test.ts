// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InView } from '../../chart-in-view.fixture.ts'
import { setLocale } from '../../i18n.ts'
import { buildUnitReport } from '../assessment-format/assessment.fixtures.ts'
import type { UnitReport } from '../assessment-format/assessment-types.ts'
import type { LsAssessmentReport } from './assessment-report.component.ts'
import './assessment-report.ts'

const drawn = vi.hoisted((): { data: unknown } => ({ data: null }))
vi.mock('./assessment-report.chart.ts', () => ({
  createTrendChart: (element: HTMLElement) => ({
    setOption: vi.fn(),
    dispose: vi.fn(),
    resize: vi.fn(),
    getDom: () => element,
  }),
  trendOption: (data: unknown) => {
    drawn.data = data
    return {}
  },
}))

function serve(report: UnitReport | Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      if (path.endsWith('/indicator-values/inputs'))
        return new Response(
          JSON.stringify({ inputs: [{ id: 'county_visits', name: '县域内就诊人次' }], units: [] }),
        )
      return report instanceof Response ? report.clone() : new Response(JSON.stringify(report))
    }),
  )
}

async function mount(): Promise<LsAssessmentReport> {
  const page = document.createElement('ls-assessment-report')
  Object.assign(page, {
    planId: 'plan-1',
    assessmentId: 'reform-assessment',
    year: 2021,
    unitId: 'dongpo-mc',
  })
  document.body.append(page)
  await vi.waitFor(() => expect(page.shadowRoot?.querySelector('h2, [role=alert]')).not.toBeNull())
  await page.updateComplete
  return page
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

beforeEach(() => vi.stubGlobal('IntersectionObserver', InView))

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  setLocale('zh')
  drawn.data = null
})

describe('ls-assessment-report', () => {
  it('explains every item: weight, score, the explanation and its measures, the cap', async () => {
    serve(buildUnitReport())
    const page = await mount()
    expect(text(page.shadowRoot!.querySelector('h2'))).toBe('东坡区医共体 2021 年考核结果')
    const rows = Array.from(page.shadowRoot!.querySelectorAll('table.items > tbody > tr'))
    const visit = rows[0]!
    expect(text(visit.querySelector('th'))).toBe('县域内就诊率扣分项')
    expect(Array.from(visit.querySelectorAll(':scope > td.num')).map(text)).toEqual(['10', '0'])
    expect(text(visit.querySelector('.explanation p'))).toContain('差 4.4 个百分点')
    expect(text(visit.querySelector('.cap'))).toBe('扣完为止（以 10 分为限）')
    expect(Array.from(visit.querySelectorAll('table.measures tbody td')).map(text)).toEqual([
      '县域内就诊率',
      '85.6%',
      '≥ 90%（2021 年目标）',
      '4.4%',
      '4',
      '12',
    ])
    expect(text(rows[2]!.querySelector('td:nth-of-type(2)'))).toBe('未触发')
    expect(Array.from(page.shadowRoot!.querySelectorAll('tfoot tr')).map(text)).toEqual([
      '基础得分89.5',
      '加分0',
      '总分89.5',
    ])
  })

  it('shows the grade band, its consequences, and the 整改 tasks recorded at publication', async () => {
    serve(buildUnitReport())
    const page = await mount()
    const summary = page.shadowRoot!.querySelector('section[aria-labelledby=summary-title]')!
    expect(summary.querySelector('.grade')!.className).toContain('tone-high')
    expect(text(summary)).toContain('等次「良好」：70 分及以上、90 分以下')
    expect(text(summary.querySelector('.effects'))).toBe('全额拨付约定“打包付费”总额')
    const recorded = page.shadowRoot!.querySelector('section[aria-labelledby=consequences-title]')!
    const link = recorded.querySelector<HTMLAnchorElement>('.tasks a')!
    expect(link.getAttribute('href')).toBe('#/tasks/task-r1')
    expect(text(link)).toBe('整改：县域内就诊率')
    expect(text(recorded.querySelector('.tasks li'))).toContain('待办')
    expect(text(recorded.querySelector('.tasks li'))).toContain('截止 2022-01-31')
    expect(page.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe(
      '/api/plans/plan-1/assessments/reform-assessment/runs/2021/units/dongpo-mc/report.xlsx',
    )
  })

  it('tabulates and charts the trend over the years', async () => {
    serve(buildUnitReport())
    const page = await mount()
    const rows = Array.from(
      page.shadowRoot!.querySelectorAll('section[aria-labelledby=trend-title] tbody tr'),
    ).map(text)
    expect(rows).toEqual(['2020 年 已公布 96.5 优秀', '2021 年 已公布 89.5 良好'])
    await vi.waitFor(() =>
      expect(drawn.data).toMatchObject({
        years: ['2020 年', '2021 年'],
        totals: [96.5, 89.5],
        max: 100,
      }),
    )
  })

  it('reaches above full marks on the chart axis when a bonus takes a total there, and says it includes the bonus', async () => {
    const report = buildUnitReport()
    serve(
      buildUnitReport({
        score: {
          ...report.score,
          base: '99.45',
          bonus: '10',
          total: '109.45',
          grade: { id: 'excellent', name: '优秀' },
        },
        trend: [
          {
            year: 2020,
            status: 'published',
            total: '104.32',
            grade: { id: 'excellent', name: '优秀' },
            vetoedBy: null,
          },
          {
            year: 2021,
            status: 'published',
            total: '109.45',
            grade: { id: 'excellent', name: '优秀' },
            vetoedBy: null,
          },
        ],
      }),
    )
    const page = await mount()
    await vi.waitFor(() =>
      expect(drawn.data).toMatchObject({
        totals: [104.32, 109.45],
        vetoed: [false, false],
        max: 120,
      }),
    )
    const total = Array.from(page.shadowRoot!.querySelectorAll('.stats dd')).map(text)[2]
    expect(total).toBe('109.45满分 100 · 含加分 10')
  })

  it('marks a vetoed year on the chart', async () => {
    const report = buildUnitReport()
    serve(
      buildUnitReport({
        score: {
          ...report.score,
          vetoedBy: 'fund-supervision-veto',
          grade: { id: 'fail', name: '不合格' },
        },
        trend: [
          // The server records each year's veto: 2019's and 2021's grades were forced.
          {
            year: 2019,
            status: 'published',
            total: '95',
            grade: { id: 'fail', name: '不合格' },
            vetoedBy: 'fund-supervision-veto',
          },
          {
            year: 2020,
            status: 'published',
            total: '96.5',
            grade: { id: 'excellent', name: '优秀' },
            vetoedBy: null,
          },
          {
            year: 2021,
            status: 'published',
            total: '89.5',
            grade: { id: 'fail', name: '不合格' },
            vetoedBy: 'fund-supervision-veto',
          },
        ],
      }),
    )
    await mount()
    await vi.waitFor(() =>
      expect(drawn.data).toMatchObject({
        vetoed: [true, false, true],
        vetoLabel: '一票否决',
        max: 100,
      }),
    )
  })

  it('says what is missing and that nothing is recorded before publication', async () => {
    const report = buildUnitReport()
    serve(
      buildUnitReport({
        run: { ...report.run, status: 'computed', publishedAt: null },
        score: {
          ...report.score,
          complete: false,
          missing: ['county_visits'],
          base: null,
          bonus: null,
          total: null,
          grade: null,
          effects: [],
          items: [
            {
              ...report.score.items[0]!,
              status: 'missing',
              score: null,
              missing: ['county_visits'],
            },
          ],
        },
        consequences: null,
        rectifications: [],
        trend: [{ year: 2021, status: 'computed', total: null, grade: null, vetoedBy: null }],
      }),
    )
    const page = await mount()
    const stats = Array.from(page.shadowRoot!.querySelectorAll('.stats dd')).map(text)
    expect(stats).toEqual(['数据缺失', '数据缺失', '数据缺失满分 100', '未定'])
    expect(
      text(page.shadowRoot!.querySelector('section[aria-labelledby=summary-title] p.error')),
    ).toBe('数据不全，总分与等次待补录数据后重新计算：县域内就诊人次')
    expect(text(page.shadowRoot!.querySelector('table.items tbody td.missing'))).toBe('数据缺失')
    expect(
      text(page.shadowRoot!.querySelector('section[aria-labelledby=consequences-title] p')),
    ).toBe('结果公布后，在此记录结果应用和整改任务。')
    expect(page.shadowRoot!.querySelector('.chart')).toBeNull()
  })

  it('follows the language switch and shows a refusal as an alert', async () => {
    serve(buildUnitReport())
    const page = await mount()
    setLocale('en')
    await page.updateComplete
    expect(text(page.shadowRoot!.querySelector('h2'))).toBe('东坡区医共体: results for 2021')
    expect(text(page.shadowRoot!.querySelector('.effects'))).toBe(
      'paid in full (全额拨付约定“打包付费”总额)',
    )
    document.body.replaceChildren()
    setLocale('zh')
    serve(
      new Response(
        JSON.stringify({
          error: {
            code: 'not-found',
            message: { zh: '找不到该单位的考核结果', en: 'No result for this unit' },
          },
        }),
        { status: 404 },
      ),
    )
    const refused = await mount()
    expect(text(refused.shadowRoot!.querySelector('[role=alert]'))).toBe('找不到该单位的考核结果')
  })
})
