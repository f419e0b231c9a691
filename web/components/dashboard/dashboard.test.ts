// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../i18n.ts'
import { buildSummary } from '../task-table/task-table.fixtures.ts'
import './dashboard.ts'
import { clearPage, mount, PROGRESS, serve } from './dashboard.fixtures.ts'
import { dashText } from './dashboard.text.ts'

// ECharts needs a canvas happy-dom lacks: both charts draw nothing.
vi.mock('../phase-gates/phase-gates.chart.ts', async () => ({
  createGantt: (await import('./dashboard.fixtures.ts')).fakeChart,
  ganttOption: () => ({}),
}))
vi.mock('../unit-progress/unit-progress.chart.ts', async () => ({
  createUnitChart: (await import('./dashboard.fixtures.ts')).fakeChart,
  unitOption: () => ({}),
}))

afterEach(clearPage)

describe('ls-dashboard', () => {
  it('says 1 task, 1 day and 1 unit in English, and counts more in the plural', () => {
    setLocale('en')
    try {
      expect(dashText('tasksOf', { n: 1 })).toBe('1 task')
      expect(dashText('tasksOf', { n: 3 })).toBe('3 tasks')
      expect(dashText('daysOverdue', { n: 1 })).toBe('1 day overdue')
      expect(dashText('daysOverdue', { n: 67 })).toBe('67 days overdue')
      expect(dashText('allUnits', { n: 1 })).toBe('The 1 unit ↓')
      expect(dashText('allUnits', { n: 19 })).toBe('All 19 units ↓')
    } finally {
      setLocale('zh')
    }
    expect(dashText('tasksOf', { n: 1 })).toBe('1 项')
  })

  it('shows the first plan: counts, phases, the document’s parts below them, units, and the next 14 days', async () => {
    const requests = serve()
    const dashboard = await mount()
    const root = dashboard.shadowRoot!
    expect(root.querySelector('h2')?.textContent).toBe(PROGRESS.plan.name)
    // What is behind: the plan's share done, its colours and its 督办 levels, as the server counted them.
    expect(root.querySelector('[data-figure="plan-percent"] strong')?.textContent).toBe('0%')
    const count = (selector: string) => root.querySelector(`${selector} b`)?.textContent
    expect(count('.chip[data-light="red"]')).toBe('3')
    expect(count('.chip[data-light="green"]')).toBe('11')
    expect(count('.chip[data-level="4"]')).toBe('17')
    expect(count('.chip[data-level="3"]')).toBe('1')
    expect(count('[data-figure="supervised"]')).toBe('18')
    // Whose it is: the units in the server's ranking order.
    expect(
      Array.from(root.querySelectorAll('.ranking tbody tr')).map((row) =>
        row.getAttribute('data-unit'),
      ),
    ).toEqual(['county-peoples-hospital', 'county-finance-bureau'])
    expect(root.querySelector('ls-phase-gates')?.phases).toEqual(PROGRESS.phases)
    expect(root.querySelector('ls-document-parts')?.parts).toEqual(PROGRESS.parts)
    const headings = Array.from(root.querySelectorAll('section > h3')).map((h) => h.id)
    expect(headings).toContain('phases-title')
    expect(headings.indexOf('parts-title')).toBe(headings.indexOf('phases-title') + 1)
    expect(root.querySelector('ls-unit-progress')?.units).toEqual(PROGRESS.units)
    const upcoming = requests.find((url) => url.searchParams.get('dueAfter'))!
    expect(Object.fromEntries(upcoming.searchParams)).toEqual({
      scope: 'all',
      plan: 'plan-1',
      dueAfter: '2018-09-05',
      dueBefore: '2018-09-19',
      state: 'assigned,in_progress,submitted,returned',
    })
    // the list is checked again on the client: a past deadline never shows as upcoming
    expect(dashboard.upcoming?.map((task) => task.id)).toEqual(['soon'])
  })

  it('shows the plan as of a past day under a banner, and goes back to today', async () => {
    setLocale('zh')
    const requests = serve()
    const dashboard = await mount()
    const root = dashboard.shadowRoot!
    const input = root.querySelector<HTMLInputElement>('input[name="asOf"]')!
    expect(input.value).toBe('2018-09-05')
    expect(input.min).toBe('2018-04-01')
    expect(input.max).toBe('2018-09-05')
    expect(root.querySelector('.as-of')).toBeNull()
    input.value = '2018-06-30'
    input.dispatchEvent(new Event('change'))
    await vi.waitFor(() =>
      expect(
        requests.some(
          (url) =>
            url.pathname === '/api/plans/plan-1/progress' &&
            url.searchParams.get('asOf') === '2018-06-30',
        ),
      ).toBe(true),
    )
    await vi.waitFor(() =>
      expect(
        requests.some(
          (url) =>
            url.pathname === '/api/plans/plan-1/escalations' &&
            url.searchParams.get('asOf') === '2018-06-30',
        ),
      ).toBe(true),
    )
    await dashboard.updateComplete
    expect(root.querySelector('.as-of')?.textContent).toContain(
      '截至 2018-06-30 的情况（历史回看）',
    )
    const before = requests.length
    root.querySelector<HTMLButtonElement>('.as-of-back')!.click()
    const again = () => requests.slice(before).find((url) => url.pathname.endsWith('/progress'))
    await vi.waitFor(() => expect(again()).toBeDefined())
    await dashboard.updateComplete
    expect(root.querySelector('.as-of')).toBeNull()
    expect(again()!.searchParams.has('asOf')).toBe(false)
  })

  it('keeps the escalation counts when the lists cannot be had, and shows the lists when they can', async () => {
    serve()
    const dashboard = await mount()
    expect(dashboard.shadowRoot!.textContent).toContain('督办清单暂不可用')
    expect(dashboard.shadowRoot!.querySelector('[data-figure="supervised"] b')?.textContent).toBe(
      '18',
    )
    document.body.replaceChildren()
    serve(
      new Response(
        JSON.stringify({
          supervise: [buildSummary({ escalation: 3 })],
          circulate: [],
          urgeable: [],
        }),
      ),
    )
    const listed = await mount()
    await vi.waitFor(() =>
      expect(listed.shadowRoot!.querySelector('ls-supervision-list')?.tasks).toHaveLength(1),
    )
  })

  it('drills into a unit’s tasks', async () => {
    const requests = serve()
    const dashboard = await mount()
    const units = dashboard.shadowRoot!.querySelector('ls-unit-progress')!
    units.dispatchEvent(
      new CustomEvent('ls-unit-select', {
        detail: { id: 'county-finance-bureau', name: '县财政局' },
      }),
    )
    await vi.waitFor(() => expect(dashboard.unitTasks).not.toBeNull())
    await dashboard.updateComplete
    const drill = requests.find((url) => url.searchParams.get('assignee'))!
    expect(Object.fromEntries(drill.searchParams)).toMatchObject({
      scope: 'all',
      plan: 'plan-1',
      assignee: 'county-finance-bureau',
    })
    expect(dashboard.unitTasks?.map((task) => task.assignee.id)).toEqual(['county-finance-bureau'])
    expect(dashboard.shadowRoot!.querySelector('#unit-tasks-title')?.textContent).toBe(
      '「县财政局」的任务',
    )
  })

  it('reloads the progress after a sign-off and opens another plan by its route', async () => {
    const requests = serve()
    const dashboard = await mount()
    const before = requests.filter((url) => url.pathname.endsWith('/progress')).length
    dashboard
      .shadowRoot!.querySelector('ls-phase-gates')!
      .dispatchEvent(
        new CustomEvent('ls-sign-off', { detail: { phaseId: 'organize', closed: false } }),
      )
    await vi.waitFor(() =>
      expect(requests.filter((url) => url.pathname.endsWith('/progress')).length).toBe(before + 1),
    )
    const picker = dashboard.shadowRoot!.querySelector('select')!
    picker.value = 'plan-2'
    picker.dispatchEvent(new Event('change'))
    expect(window.location.hash).toBe('#/plans/plan-2')
  })
})
