// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InView } from '../../chart-in-view.fixture.ts'
import type { PlanProgress } from '../../api-types.ts'
import type { LsPhaseGates } from './phase-gates.component.ts'
import './phase-gates.ts'

const chart = vi.hoisted(() => ({
  setOption: vi.fn(),
  dispose: vi.fn(),
  resize: vi.fn(),
  getDom: () => null,
}))
vi.mock('./phase-gates.chart.ts', () => ({
  createGantt: (element: HTMLElement) => ({ ...chart, getDom: () => element }),
  ganttOption: () => ({}),
}))

type Phase = PlanProgress['phases'][number]

function phase(overrides: Partial<Phase> = {}): Phase {
  return {
    id: 'supervise',
    name: '督导检查工作开展',
    opensOn: '2018-08-01',
    closesOn: '2018-12-31',
    status: 'open',
    late: false,
    standing: 'open',
    percent: 25,
    tasks: { total: 4, approved: 1, closed: 0 },
    gate: {
      windowEnded: false,
      openTasks: 3,
      signOffRequired: 'leadership-group',
      signedOff: false,
      milestonesPending: [],
      holds: false,
      signOffBody: { id: 'leadership-group', name: '领导小组' },
      milestones: [],
    },
    ...overrides,
  }
}

async function mount(phases: Phase[]): Promise<LsPhaseGates> {
  const gates = document.createElement('ls-phase-gates')
  gates.planId = 'plan-1'
  gates.today = '2018-09-05'
  gates.phases = phases
  gates.names = { 'leadership-group': '领导小组' }
  document.body.append(gates)
  await gates.updateComplete
  return gates
}

const button = (gates: LsPhaseGates, label: string) =>
  Array.from(gates.shadowRoot!.querySelectorAll('button')).find(
    (candidate) => candidate.textContent?.trim() === label,
  )!

beforeEach(() => vi.stubGlobal('IntersectionObserver', InView))

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('ls-phase-gates', () => {
  it('lists each phase with its window, status, share approved and what its gate waits for', async () => {
    const gates = await mount([
      phase({
        id: 'organize',
        name: '组织实施',
        status: 'open',
        late: true,
        standing: 'late',
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
      }),
      phase(),
      phase({
        id: 'done',
        status: 'closed',
        standing: 'met',
        percent: 100,
        tasks: { total: 4, approved: 4, closed: 0 },
      }),
      // Closed by its window with work undone: never green, never 已满足.
      phase({
        id: 'left',
        status: 'closed',
        standing: 'unfinished',
        percent: 0,
        tasks: { total: 126, approved: 0, closed: 0 },
      }),
    ])
    const rows = Array.from(gates.shadowRoot!.querySelectorAll('tbody tr'))
    expect(rows.map((row) => row.querySelectorAll('td')[1]?.textContent)).toEqual([
      '逾期未关闭',
      '进行中',
      '已完成',
      '已关闭，未完成',
    ])
    expect(rows[3]!.textContent).toContain('126 项任务未完成')
    expect(rows[3]!.textContent).not.toContain('已满足')
    expect(rows[1]!.textContent).toContain('1/4（25%）')
    expect(Array.from(rows[1]!.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      '时间窗口未结束',
      '未完成任务 3 项',
      '待「领导小组」签认',
    ])
    expect(rows[2]!.textContent).toContain('已满足')
    expect(gates.shadowRoot!.querySelectorAll('td button')).toHaveLength(1)
    await vi.waitFor(() => expect(chart.setOption).toHaveBeenCalled())
  })

  it('posts the sign-off with its note and announces it', async () => {
    const posts: Array<{ url: string; body: unknown }> = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        posts.push({ url, body: JSON.parse(String(init.body)) })
        return new Response(JSON.stringify({ closed: false }))
      }),
    )
    const gates = await mount([phase()])
    const signed = vi.fn()
    gates.addEventListener('ls-sign-off', (event) => signed(event.detail))
    button(gates, '签认').click()
    await gates.updateComplete
    const note = gates.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!
    expect(gates.shadowRoot!.querySelector(`label[for="${note.id}"]`)?.textContent).toBe(
      '签认意见（可选）',
    )
    note.value = '同意'
    button(gates, '确认签认').click()
    await vi.waitFor(() =>
      expect(signed).toHaveBeenCalledWith({ phaseId: 'supervise', closed: false }),
    )
    expect(posts).toEqual([
      { url: '/api/plans/plan-1/phases/supervise/sign-off', body: { note: '同意' } },
    ])
    expect(gates.shadowRoot!.querySelector('.message')?.textContent).toBe(
      '督导检查工作开展：已签认',
    )
  })

  it('shows the refusal of a non-member as an alert', async () => {
    const refusal = {
      error: {
        code: 'forbidden',
        message: { zh: '只有「领导小组」的成员可以签认', en: 'Only members may sign off' },
      },
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(refusal), { status: 403 })),
    )
    const gates = await mount([phase()])
    button(gates, '签认').click()
    await gates.updateComplete
    button(gates, '确认签认').click()
    await vi.waitFor(() =>
      expect(gates.shadowRoot!.querySelector('[role=alert]')?.textContent).toBe(
        '只有「领导小组」的成员可以签认',
      ),
    )
  })
})
