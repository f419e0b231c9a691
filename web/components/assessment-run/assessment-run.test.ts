// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildRunView } from '../assessment-format/assessment.fixtures.ts'
import type { RunView } from '../assessment-format/assessment-types.ts'
import type { LsAssessmentRun } from './assessment-run.component.ts'
import './assessment-run.ts'

const RUN = '/api/plans/plan-1/assessments/reform-assessment/runs/2021'

function serve(
  views: RunView[],
  answer: (path: string, body: unknown) => Response = () => new Response('{"rectifications":1}'),
) {
  const posts: Array<{ path: string; body: unknown }> = []
  let shown = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        const body = JSON.parse(String(init.body))
        posts.push({ path, body })
        const response = answer(path, body)
        if (response.ok) shown = Math.min(shown + 1, views.length - 1)
        return response
      }
      if (path.endsWith('/indicator-values/inputs'))
        return new Response(
          JSON.stringify({ inputs: [{ id: 'county_visits', name: '县域内就诊人次' }], units: [] }),
        )
      return new Response(JSON.stringify(views[shown]))
    }),
  )
  return posts
}

async function mount(): Promise<LsAssessmentRun> {
  const page = document.createElement('ls-assessment-run')
  page.setAttribute('plan-id', 'plan-1')
  page.setAttribute('assessment-id', 'reform-assessment')
  page.setAttribute('year', '2021')
  document.body.append(page)
  await vi.waitFor(() => expect(page.shadowRoot?.querySelector('table')).not.toBeNull())
  await vi.waitFor(() => expect(page.shadowRoot!.textContent).toContain('县域内就诊人次'))
  return page
}

const button = (page: LsAssessmentRun, label: string) =>
  Array.from(page.shadowRoot!.querySelectorAll('button')).find(
    (candidate) => candidate.textContent?.trim() === label,
  )

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('ls-assessment-run', () => {
  it('lists each unit with its scores, grade, veto and missing data — never 0 for what is missing', async () => {
    serve([buildRunView()])
    const page = await mount()
    const rows = Array.from(page.shadowRoot!.querySelectorAll('table[part=results] tbody tr'))
    const cells = (row: Element) =>
      Array.from(row.querySelectorAll('td')).map((td) => td.textContent.replace(/\s+/g, ' ').trim())
    expect(rows[0]!.querySelector('th a')!.getAttribute('href')).toBe(
      '#/plans/plan-1/assessments/reform-assessment/2021/units/dongpo-mc',
    )
    expect(cells(rows[0]!).slice(0, 3)).toEqual(['89.5', '0', '89.5'])
    expect(rows[0]!.querySelector('.grade')!.className).toContain('tone-high')
    expect(cells(rows[1]!).slice(0, 3)).toEqual(['数据缺失', '数据缺失', '数据缺失'])
    expect(rows[1]!.querySelector('.grade')!.className).toContain('tone-bottom')
    expect(rows[1]!.querySelector('.veto')!.textContent).toBe('一票否决：医保基金监管')
    expect(cells(rows[1]!)[5]).toBe('缺：县域内就诊人次')
    const counts = Array.from(page.shadowRoot!.querySelectorAll('.counts > div')).map(
      (entry) =>
        `${entry.querySelector('dt')!.textContent.trim()} ${entry.querySelector('dd')!.textContent}`,
    )
    expect(counts).toEqual(['单位总数 2', '数据完整 1', '优秀 0', '良好 1', '合格 0', '不合格 1'])
    expect(page.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe(
      `${RUN}/report.xlsx`,
    )
  })

  it('reviews with a note, then publishes', async () => {
    const reviewed = buildRunView({
      run: {
        ...buildRunView().run,
        status: 'reviewed',
        reviewedAt: '2021-12-21T01:00:00.000Z',
        reviewNote: '数据已核对',
      },
    })
    const published = buildRunView({
      run: { ...reviewed.run, status: 'published', publishedAt: '2021-12-22T01:00:00.000Z' },
    })
    const posts = serve([buildRunView(), reviewed, published])
    const page = await mount()
    expect(button(page, '公布结果')).toBeUndefined()
    const note = page.shadowRoot!.querySelector('textarea')!
    note.value = '数据已核对'
    note.dispatchEvent(new InputEvent('input'))
    button(page, '审核通过')!.click()
    await vi.waitFor(() =>
      expect(page.shadowRoot!.querySelector('.notice')?.textContent).toBe('已审核。'),
    )
    expect(posts[0]).toEqual({ path: `${RUN}/review`, body: { note: '数据已核对' } })
    expect(page.shadowRoot!.textContent).toContain('审核意见：数据已核对')
    button(page, '公布结果')!.click()
    await page.updateComplete
    // Publishing cannot be undone: it takes a confirmation that says what it records.
    const confirm = page.shadowRoot!.querySelector('[role=alertdialog]')!
    expect(confirm.textContent).toContain('确认公布 2021 年考核结果？')
    expect(confirm.textContent).toContain('不能撤回')
    expect(confirm.textContent).toContain('整改任务')
    expect(posts).toHaveLength(1)
    button(page, '取消')!.click()
    await page.updateComplete
    expect(page.shadowRoot!.querySelector('[role=alertdialog]')).toBeNull()
    expect(posts).toHaveLength(1)
    button(page, '公布结果')!.click()
    await page.updateComplete
    button(page, '确认公布')!.click()
    await vi.waitFor(() =>
      expect(page.shadowRoot!.querySelector('.notice')?.textContent).toBe(
        '已公布，生成整改任务 1 项。',
      ),
    )
    expect(posts[1]!.path).toBe(`${RUN}/publish`)
    expect(page.shadowRoot!.querySelector('.head .badge')!.textContent).toBe('已公布')
    expect(button(page, '重新计算')).toBeUndefined()
  })

  it('shows the server’s refusal in place, naming each unit once', async () => {
    const reviewed = buildRunView({ run: { ...buildRunView().run, status: 'reviewed' } })
    serve(
      [reviewed],
      () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'assessment-incomplete',
              // As the server words it: every unit and reason in the message, and again as issues.
              message: {
                zh: '1 个单位未能评分，不能公布：renshou-mc（缺 county_visits）。请补录或更正数据后重新计算。',
                en: '1 unit(s) could not be scored: renshou-mc (missing county_visits).',
              },
              issues: [
                {
                  pointer: '/units/renshou-mc',
                  message: { zh: '缺 county_visits', en: 'missing county_visits' },
                },
              ],
            },
          }),
          { status: 409 },
        ),
    )
    const page = await mount()
    button(page, '公布结果')!.click()
    await page.updateComplete
    button(page, '确认公布')!.click()
    await vi.waitFor(() => expect(page.shadowRoot!.querySelector('[role=alert]')).not.toBeNull())
    const alert = page.shadowRoot!.querySelector('[role=alert]')!
    expect(alert.querySelector('.summary')!.textContent).toBe(
      '1 个单位未能评分，不能公布。请补录或更正以下数据后重新计算：',
    )
    expect(Array.from(alert.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      '仁寿县医共体：缺 county_visits',
    ])
    expect(alert.textContent.split('缺 county_visits')).toHaveLength(2)
  })

  it('passes on other refusals as the server words them', async () => {
    const reviewed = buildRunView({ run: { ...buildRunView().run, status: 'reviewed' } })
    serve(
      [reviewed],
      () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'assessment-published',
              message: { zh: '2021 年考核结果已公布', en: 'Already published' },
            },
          }),
          { status: 409 },
        ),
    )
    const page = await mount()
    button(page, '公布结果')!.click()
    await page.updateComplete
    button(page, '确认公布')!.click()
    await vi.waitFor(() =>
      expect(page.shadowRoot!.querySelector('[role=alert]')?.textContent).toBe(
        '2021 年考核结果已公布',
      ),
    )
  })

  it('keeps unit names on one line and marks a total above full marks as including the bonus', async () => {
    const view = buildRunView()
    const bonus = {
      ...view.results[0]!,
      base: '99.45',
      bonus: '10',
      total: '109.45',
      grade: { id: 'excellent', name: '优秀' },
    }
    serve([
      buildRunView({
        results: [
          bonus,
          { ...view.results[0]!, unit: { id: 'x', name: 'X' }, bonus: '5', total: '94.5' },
          view.results[1]!,
        ],
      }),
    ])
    const page = await mount()
    const totals = Array.from(
      page.shadowRoot!.querySelectorAll('table[part=results] tbody tr td:nth-of-type(3)'),
    ).map((td) => td.textContent.replace(/\s+/g, ' ').trim())
    expect(totals).toEqual(['109.45含加分', '94.5', '数据缺失'])
    const css = (
      page.constructor as typeof LsAssessmentRun & { styles: Array<{ cssText: string }> }
    ).styles
      .map((sheet) => sheet.cssText)
      .join('')
    expect(css).toMatch(/tbody th\[scope='row'\] \{ white-space: nowrap; \}/)
  })

  it('offers a unit no actions', async () => {
    const own = buildRunView({
      results: buildRunView().results.slice(0, 1),
      may: { compute: false, review: false, publish: false },
    })
    serve([own])
    const page = document.createElement('ls-assessment-run')
    Object.assign(page, { planId: 'plan-1', assessmentId: 'reform-assessment', year: 2021 })
    document.body.append(page)
    await vi.waitFor(() => expect(page.shadowRoot?.querySelector('table')).not.toBeNull())
    expect(page.shadowRoot!.querySelectorAll('button')).toHaveLength(0)
    expect(page.shadowRoot!.querySelectorAll('table[part=results] tbody tr')).toHaveLength(1)
  })
})
