// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TaskSummary } from '../../api-types.ts'
import { buildSummary } from '../task-table/task-table.fixtures.ts'
import type { LsInbox } from './inbox.component.ts'
import './inbox.ts'

const PLANS = { plans: [{ id: 'plan-1', name: '平南县医疗联合体建设实施方案（1.0.0）' }] }
const PLAN = {
  plan: { id: 'plan-1' },
  phases: [
    { phase_id: 'organize', name: '组织实施' },
    { phase_id: 'carry-out', name: '开展医联体各项工作' },
  ],
}

function serve(tasks: (url: URL) => TaskSummary[] | Response) {
  const requests: URL[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const url = new URL(path, 'http://luoshi.test')
      if (url.pathname === '/api/plans') return new Response(JSON.stringify(PLANS))
      if (url.pathname === '/api/plans/plan-1') return new Response(JSON.stringify(PLAN))
      requests.push(url)
      const answer = tasks(url)
      if (answer instanceof Response) return answer
      const counts = {
        total: answer.length + 600,
        overdue: answer.filter((t) => t.overdue).length,
        escalated: 1,
        byLight: {
          green: answer.filter((t) => t.light === 'green').length,
          blue: 0,
          yellow: 0,
          red: answer.filter((t) => t.light === 'red').length,
        },
        byState: { assigned: answer.length },
      }
      return new Response(JSON.stringify({ counts, tasks: answer }))
    }),
  )
  return requests
}

async function mount(): Promise<LsInbox> {
  const inbox = document.createElement('ls-inbox')
  document.body.append(inbox)
  await vi.waitFor(() => expect(inbox.shadowRoot?.querySelector('ls-task-table')).not.toBeNull())
  return inbox
}

const select = (inbox: LsInbox, name: string) =>
  inbox.shadowRoot!.querySelector<HTMLSelectElement>(`select[name=${name}]`)!

afterEach(() => {
  document.body.replaceChildren()
  sessionStorage.clear()
  vi.unstubAllGlobals()
})

describe('ls-inbox', () => {
  it('shows the counts (by colour too), the tasks and how many were left out', async () => {
    serve(() => [
      buildSummary(),
      buildSummary({ id: 'task-2', period: '2018-Q3', overdue: false, light: 'green' }),
    ])
    const inbox = await mount()
    const counts = Array.from(inbox.shadowRoot!.querySelectorAll('.counts dd')).map(
      (dd) => dd.textContent,
    )
    expect(counts).toEqual(['602', '1', '1', '1', '0', '0', '1', '2'])
    expect(inbox.shadowRoot!.querySelector('.status')?.textContent).toBe('显示前 2 条，共 602 条')
    const table = inbox.shadowRoot!.querySelector('ls-task-table')!
    await table.updateComplete
    expect(table.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(2)
    await vi.waitFor(() =>
      expect(Array.from(select(inbox, 'phase').options).map((o) => o.text)).toEqual([
        '全部',
        '组织实施',
        '开展医联体各项工作',
      ]),
    )
    expect(Array.from(select(inbox, 'period').options).map((o) => o.value)).toEqual([
      '',
      'once',
      '2018-Q3',
    ])
  })

  it('filters by every state, 未完成关闭 among them, and leaves it out of the open ones', async () => {
    const requests = serve(() => [buildSummary({ state: 'closed', overdue: false })])
    const inbox = await mount()
    const state = select(inbox, 'state')
    const closed = Array.from(state.options).find((o) => o.value === 'closed')
    expect(closed?.text).toBe('未完成关闭')
    state.value = 'open'
    state.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(requests).toHaveLength(2))
    const open = requests[1]!.searchParams.get('state')!.split(',')
    expect(open).not.toContain('closed')
    expect(open).toContain('assigned')
  })

  it('sends each filter as a query parameter and keeps them for the tab', async () => {
    const requests = serve(() => [buildSummary()])
    const inbox = await mount()
    const state = select(inbox, 'state')
    state.value = 'open'
    state.dispatchEvent(new Event('change'))
    const review = inbox.shadowRoot!.querySelector<HTMLInputElement>('input[name=review]')!
    review.click()
    await vi.waitFor(() => expect(requests).toHaveLength(3))
    const light = (colour: string) =>
      inbox.shadowRoot!.querySelector<HTMLInputElement>(`input[name=light][value=${colour}]`)!
    light('red').click()
    await vi.waitFor(() => expect(requests).toHaveLength(4))
    light('yellow').click()
    await vi.waitFor(() => expect(requests).toHaveLength(5))
    expect(requests[0]!.search).toBe('')
    expect(Object.fromEntries(requests[2]!.searchParams)).toEqual({
      state: 'assigned,in_progress,submitted,returned',
      role: 'review',
    })
    expect(requests[4]!.searchParams.get('light')).toBe('yellow,red')
    expect(JSON.parse(sessionStorage.getItem('luoshi.inbox.filters')!)).toMatchObject({
      state: 'open',
      review: true,
      lights: ['red', 'yellow'],
    })
    await inbox.updateComplete
    expect(inbox.shadowRoot!.querySelector('h2')?.textContent).toBe('我审核的')
  })

  it('drops an answer that a later filter change overtook', async () => {
    let release: (value: Response) => void = () => {}
    const slow = new Promise<Response>((resolve) => {
      release = resolve
    })
    const requests = serve((url) =>
      url.searchParams.get('overdue')
        ? [buildSummary({ id: 'late', title: '逾期任务' })]
        : [buildSummary()],
    )
    const inbox = await mount()
    const fetchMock = vi.mocked(globalThis.fetch)
    const answer = fetchMock.getMockImplementation() as (path: string) => Promise<Response>
    fetchMock.mockImplementationOnce(async () => slow)
    select(inbox, 'period').dispatchEvent(new Event('change'))
    inbox.shadowRoot!.querySelector<HTMLInputElement>('input[name=overdue]')!.click()
    await vi.waitFor(() => expect(requests.length).toBe(2))
    release(await answer('/api/tasks'))
    await new Promise((resolve) => setTimeout(resolve, 10))
    const table = inbox.shadowRoot!.querySelector('ls-task-table')!
    await table.updateComplete
    expect(table.shadowRoot!.querySelector('tbody th')?.textContent).toBe('逾期任务')
  })

  it('shows a failed load as an alert with a retry', async () => {
    serve(
      () =>
        new Response(
          JSON.stringify({
            error: { code: 'unauthorized', message: { zh: '请先登录', en: 'Log in first' } },
          }),
          { status: 401 },
        ),
    )
    const inbox = document.createElement('ls-inbox')
    document.body.append(inbox)
    await vi.waitFor(() =>
      expect(inbox.shadowRoot?.querySelector('[role=alert]')?.textContent).toContain('请先登录'),
    )
    expect(inbox.shadowRoot!.querySelector('[role=alert] button')?.textContent).toBe('重试')
  })
})
