/**
 * The dashboard tests' fixtures: a plan's progress and one with unassigned work, the API answered
 * by a stubbed fetch, the mounted element, and the page cleared after each test.
 */
import { expect, vi } from 'vitest'
import type { PlanProgress } from '../../api-types.ts'
import { buildSummary } from '../task-table/task-table.fixtures.ts'
import type { LsDashboard } from './dashboard.component.ts'

/** A chart that draws nothing: the tests read the page, not the canvas. */
export const fakeChart = (element: HTMLElement) => ({
  setOption: vi.fn(),
  dispose: vi.fn(),
  resize: vi.fn(),
  getDom: () => element,
})
export const PROGRESS: PlanProgress = {
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
export const UNASSIGNED: PlanProgress = {
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

/** Answers the dashboard's requests (escalations 404 unless given) and returns the URLs asked for. */
export function serve(
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

/** The dashboard in the page, once its lists have loaded. */
export async function mount(): Promise<LsDashboard> {
  const dashboard = document.createElement('ls-dashboard')
  document.body.append(dashboard)
  await vi.waitFor(() => expect(dashboard.upcoming).not.toBeNull())
  await vi.waitFor(() => expect(dashboard.escalations).not.toBeNull())
  await dashboard.updateComplete
  return dashboard
}

/** Empties the page and restores fetch, after each test. */
export function clearPage(): void {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
}
