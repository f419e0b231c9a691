// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildAssessment } from '../assessment-format/assessment.fixtures.ts'
import type { AssessmentSummary } from '../assessment-format/assessment-types.ts'
import { suggestedYear } from './assessment-list.component.ts'
import type { LsAssessmentList } from './assessment-list.component.ts'
import './assessment-list.ts'

function serve(assessment: AssessmentSummary, answer: () => Response) {
  const posts: Array<{ path: string; body: unknown }> = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        posts.push({ path, body: JSON.parse(String(init.body)) })
        return answer()
      }
      if (path === '/api/plans/plan-1')
        return new Response(
          JSON.stringify({
            plan: {
              id: 'plan-1',
              name: '眉山市医共体医保管理改革',
              started_at: '2020-07-24T00:00:00.000Z',
            },
            policy: {},
            phases: [],
          }),
        )
      return new Response(JSON.stringify({ assessments: [assessment] }))
    }),
  )
  return posts
}

async function mount(): Promise<LsAssessmentList> {
  const page = document.createElement('ls-assessment-list')
  page.setAttribute('plan-id', 'plan-1')
  document.body.append(page)
  await vi.waitFor(() => expect(page.shadowRoot?.querySelector('section')).not.toBeNull())
  return page
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  window.location.hash = ''
})

describe('suggestedYear', () => {
  it('suggests the latest year not yet published, else the next one, else the plan’s first year', () => {
    const run = buildAssessment().runs[0]!
    expect(suggestedYear({ runs: [run] }, undefined)).toBe(2021)
    expect(
      suggestedYear({ runs: [{ ...run, year: 2021, status: 'reviewed' }, run] }, undefined),
    ).toBe(2021)
    expect(suggestedYear({ runs: [] }, '2020-07-24T00:00:00.000Z')).toBe(2020)
  })
})

describe('ls-assessment-list', () => {
  it('shows each assessment with its grades and its years, linked to their results', async () => {
    serve(buildAssessment(), () => new Response('{}'))
    const page = await mount()
    const section = page.shadowRoot!.querySelector('section')!
    expect(text(section.querySelector('h3'))).toBe('紧密型县域医共体医疗保障管理改革考核')
    expect(text(section.querySelector('.facts'))).toContain('市医疗保障局（会同 市财政局）')
    const run = section.querySelector('table.runs tbody tr')!
    expect(run.querySelector('a')!.getAttribute('href')).toBe(
      '#/plans/plan-1/assessments/reform-assessment/2020',
    )
    expect(text(run)).toContain('已公布')
    expect(text(section.querySelector('details'))).toContain('扣减 30%约定“打包付费”总额')
  })

  it('computes a year and opens its results', async () => {
    const posts = serve(
      buildAssessment(),
      () =>
        new Response(
          JSON.stringify({
            run: { year: 2021, status: 'computed', version: 1 },
            units: 2,
            complete: 2,
          }),
          { status: 201 },
        ),
    )
    const page = await mount()
    const submit = page.shadowRoot!.querySelector<HTMLButtonElement>('form button')!
    expect(text(submit)).toBe('计算 2021 年考核结果')
    submit.click()
    await vi.waitFor(() =>
      expect(window.location.hash).toBe('#/plans/plan-1/assessments/reform-assessment/2021'),
    )
    expect(posts).toEqual([
      { path: '/api/plans/plan-1/assessments/reform-assessment/runs', body: { year: 2021 } },
    ])
  })

  it('shows a refusal in the assessment’s panel, and no form to those who may not compute', async () => {
    serve(
      buildAssessment(),
      () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'assessment-published',
              message: { zh: '2021 年考核结果已公布', en: 'Published' },
            },
          }),
          { status: 409 },
        ),
    )
    const page = await mount()
    page.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click()
    await vi.waitFor(() =>
      expect(text(page.shadowRoot!.querySelector('section [role=alert]'))).toBe(
        '2021 年考核结果已公布',
      ),
    )
    document.body.replaceChildren()
    serve(
      buildAssessment({ may: { compute: false, review: false, publish: false }, runs: [] }),
      () => new Response('{}'),
    )
    const unit = await mount()
    expect(unit.shadowRoot!.querySelector('form')).toBeNull()
    expect(text(unit.shadowRoot!.querySelector('section'))).toContain('尚未计算任何年度。')
  })
})
