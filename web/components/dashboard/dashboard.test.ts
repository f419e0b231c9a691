// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PlanProgress } from '../../api-types.ts'
import { buildSummary } from '../task-table/task-table.fixtures.ts'
import type { LsDashboard } from './dashboard.component.ts'
import { setLocale } from '../../i18n.ts'
import './dashboard.ts'
import { dashText } from './dashboard.text.ts'

const fakeChart = (element: HTMLElement) => ({
  setOption: vi.fn(),
  dispose: vi.fn(),
  resize: vi.fn(),
  getDom: () => element,
})
vi.mock('../phase-gates/phase-gates.chart.ts', () => ({
  createGantt: fakeChart,
  ganttOption: () => ({}),
}))
vi.mock('../unit-progress/unit-progress.chart.ts', () => ({
  createUnitChart: fakeChart,
  unitOption: () => ({}),
}))

const PROGRESS: PlanProgress = {
  plan: {
    id: 'plan-1',
    name: '平南县医疗联合体建设实施方案（1.0.0）',
    policyId: 'pingnan-medical-alliance',
    startedAt: '2018-04-01T00:00:00.000Z',
    status: 'running',
  },
  today: '2018-09-05',
  summary: {
    total: 10,
    approved: 0,
    closed: 0,
    percent: 0,
    overdue: 3,
    unphased: { total: 0, approved: 0, closed: 0, percent: 0 },
    lights: { green: 11, blue: 0, yellow: 0, red: 3 },
  },
  parts: [
    { part: '二、', title: '组建及管理', duties: 2, tasks: { total: 4, approved: 1, closed: 0 } },
  ],
  phases: [
    {
      id: 'organize',
      name: '组织实施',
      opensOn: '2018-06-21',
      closesOn: '2018-06-30',
      status: 'open',
      late: true,
      standing: 'late',
      percent: 0,
      tasks: { total: 10, approved: 0, closed: 0 },
      gate: {
        windowEnded: true,
        openTasks: 10,
        signOffRequired: null,
        signedOff: true,
        milestonesPending: [],
        holds: false,
        signOffBody: null,
        milestones: [],
      },
    },
  ],
  units: [
    {
      id: 'county-peoples-hospital',
      name: '县人民医院',
      total: 10,
      approved: 2,
      overdue: 3,
      closed: 0,
      lights: { green: 0, blue: 0, yellow: 0, red: 0 },
      supervised: 0,
      percent: 0,
      onTimeRate: null,
    },
    {
      id: 'county-finance-bureau',
      name: '县财政局',
      total: 4,
      approved: 0,
      overdue: 0,
      closed: 0,
      lights: { green: 0, blue: 0, yellow: 0, red: 0 },
      supervised: 0,
      percent: 0,
      onTimeRate: null,
    },
  ],
  escalations: { remind: 0, urge: 0, supervise: 1, circulate: 17, supervised: 18 },
  unassigned: { groups: [], duties: [] },
}

/** A plan whose 各乡镇卫生院 were not named at start: a group with no member, a duty with no assignee. */
const UNASSIGNED: PlanProgress = {
  ...PROGRESS,
  unassigned: {
    groups: [
      {
        id: 'township-health-centers',
        name: '各乡镇卫生院',
        duties: [{ id: 'sign-contracts', name: '推进家庭医生签约' }],
      },
    ],
    duties: [
      {
        id: 'sign-contracts',
        name: '推进家庭医生签约',
        owners: [{ id: 'township-health-centers', name: '各乡镇卫生院' }],
      },
    ],
  },
}

function serve(
  escalations: Response = new Response(
    JSON.stringify({
      error: { code: 'not-found', message: { zh: '没有这个地址', en: 'No such route' } },
    }),
    { status: 404 },
  ),
  progress: PlanProgress = PROGRESS,
) {
  const requests: URL[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const url = new URL(path, 'http://luoshi.test')
      requests.push(url)
      switch (url.pathname) {
        case '/api/plans':
          return new Response(
            JSON.stringify({
              plans: [
                { id: 'plan-1', name: '平南' },
                { id: 'plan-2', name: '眉山' },
              ],
            }),
          )
        case '/api/plans/plan-1/progress':
          return new Response(JSON.stringify(progress))
        case '/api/plans/plan-1/escalations':
          return escalations.clone()
        case '/api/plans/plan-1/groups/township-health-centers/members':
          return new Response(
            JSON.stringify({
              group: { id: 'township-health-centers', name: '各乡镇卫生院' },
              configured: [],
              members: [],
              units: [{ id: 'county-health-bureau', name: '县卫健局' }],
              version: 'v1',
              mayEdit: true,
            }),
          )
        default: {
          const assignee = url.searchParams.get('assignee')
          const tasks = assignee
            ? [
                buildSummary({ assignee: { id: assignee, name: '县财政局' } }),
                buildSummary({ id: 'other', assignee: { id: 'someone-else', name: '别的单位' } }),
              ]
            : [
                buildSummary({ id: 'soon', dueOn: '2018-09-10' }),
                buildSummary({ id: 'past', dueOn: '2018-06-30' }),
              ]
          return new Response(
            JSON.stringify({
              counts: { total: tasks.length, overdue: 0, escalated: 0, byState: {} },
              tasks,
            }),
          )
        }
      }
    }),
  )
  return requests
}

async function mount(): Promise<LsDashboard> {
  const dashboard = document.createElement('ls-dashboard')
  document.body.append(dashboard)
  await vi.waitFor(() => expect(dashboard.upcoming).not.toBeNull())
  await vi.waitFor(() => expect(dashboard.escalations).not.toBeNull())
  await dashboard.updateComplete
  return dashboard
}

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

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

  it('warns of groups with no member and duties with no assignee, says how to fix it, and switches to English', async () => {
    serve(undefined, UNASSIGNED)
    const dashboard = await mount()
    const warning = dashboard.shadowRoot!.querySelector('.unassigned')!
    expect(warning.querySelector('h3')?.textContent).toBe('无人承办的工作')
    expect(warning.querySelector('.groups li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '各乡镇卫生院 — 推进家庭医生签约 设置成员',
    )
    expect(warning.querySelector('.duties li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '推进家庭医生签约 （牵头：各乡镇卫生院）',
    )
    expect(warning.querySelector('.fix')?.textContent).toContain('members')
    expect(warning.querySelector('.groups summary')?.textContent).toBe(
      '1 个组织没有成员单位，其承担的工作没有生成任务',
    )
    expect(warning.querySelector<HTMLDetailsElement>('.groups')?.open).toBe(true)
    setLocale('en')
    try {
      await dashboard.updateComplete
      const english = dashboard.shadowRoot!.querySelector('.unassigned')!
      expect(english.querySelector('h3')?.textContent).toBe('Work nobody holds')
      expect(english.querySelector('.duties li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        '推进家庭医生签约 (led by 各乡镇卫生院)',
      )
      expect(english.querySelector('.fix')?.textContent).toMatch(/^To fix:/)
    } finally {
      setLocale('zh')
    }
  })

  it('opens the members editor of a group from its warning, and closes it', async () => {
    serve(undefined, UNASSIGNED)
    const dashboard = await mount()
    const button = dashboard.shadowRoot!.querySelector<HTMLButtonElement>('.groups li button')!
    expect(button.textContent).toBe('设置成员')
    button.click()
    await dashboard.updateComplete
    const editor = dashboard.shadowRoot!.querySelector('ls-members-editor')!
    expect(editor.getAttribute('group-id')).toBe('township-health-centers')
    expect(editor.getAttribute('plan-id')).toBeTruthy()
    expect(button.getAttribute('aria-expanded')).toBe('true')
    await vi.waitFor(() =>
      expect(editor.shadowRoot!.querySelector('h4')?.textContent).toBe('「各乡镇卫生院」的成员'),
    )
    editor.dispatchEvent(new CustomEvent('ls-close'))
    await dashboard.updateComplete
    expect(dashboard.shadowRoot!.querySelector('ls-members-editor')).toBeNull()
  })

  it('folds a long list of unassigned work under its count', async () => {
    const many = Array.from({ length: 12 }, (_, index) => ({
      id: `group-${index}`,
      name: `组织${index}`,
      duties: [],
    }))
    serve(undefined, { ...UNASSIGNED, unassigned: { ...UNASSIGNED.unassigned, groups: many } })
    const dashboard = await mount()
    const groups = dashboard.shadowRoot!.querySelector<HTMLDetailsElement>('.unassigned .groups')!
    expect(groups.open).toBe(false)
    expect(groups.querySelector('summary')?.textContent).toBe(
      '12 个组织没有成员单位，其承担的工作没有生成任务',
    )
    expect(groups.querySelectorAll('li')).toHaveLength(12)
    expect(
      dashboard.shadowRoot!.querySelector<HTMLDetailsElement>('.unassigned .duties')?.open,
    ).toBe(true)
  })

  it('shows no warning when every group has members and every duty an assignee', async () => {
    serve()
    const dashboard = await mount()
    expect(dashboard.shadowRoot!.querySelector('.unassigned')).toBeNull()
  })
})
