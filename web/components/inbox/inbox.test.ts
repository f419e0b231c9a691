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

const approvals: URL[] = []

function serve(tasks: (url: URL) => TaskSummary[] | Response) {
  const requests: URL[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const url = new URL(path, 'http://luoshi.test')
      if (url.pathname === '/api/plans') return new Response(JSON.stringify(PLANS))
      if (url.pathname === '/api/plans/plan-1') return new Response(JSON.stringify(PLAN))
      if (url.pathname === '/api/tasks/approve') {
        approvals.push(url)
        return new Response(
          JSON.stringify({
            approved: 1,
            failed: 1,
            results: [
              { id: 'task-1', ok: true, task: buildSummary({ state: 'approved' }) },
              {
                id: 'task-2',
                ok: false,
                error: {
                  code: 'evidence-required',
                  message: { zh: '销号须附佐证材料', en: 'Evidence' },
                },
              },
            ],
          }),
        )
      }
      // The 待审核 tab's count.
      if (url.searchParams.get('limit') === '1')
        return new Response(JSON.stringify({ counts: { total: 7 }, tasks: [] }))
      requests.push(url)
      const answer = tasks(url)
      if (answer instanceof Response) return answer
      const counts = {
        total: answer.length + 600,
        overdue: answer.filter((t) => t.overdue).length,
        dueSoon: answer.filter((t) => t.dueSoon).length,
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

async function mount(view: 'mine' | 'review' = 'mine'): Promise<LsInbox> {
  const inbox = document.createElement('ls-inbox')
  inbox.setAttribute('view', view)
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
    const counts = Array.from(inbox.shadowRoot!.querySelectorAll('.counts .n')).map(
      (dd) => dd.textContent,
    )
    expect(counts).toEqual(['602', '1', '0', '1', '1', '0', '0', '1', '2'])
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

  it('sends each filter and the search as query parameters and keeps them for the tab', async () => {
    const requests = serve(() => [buildSummary()])
    const inbox = await mount()
    const state = select(inbox, 'state')
    state.value = 'open'
    state.dispatchEvent(new Event('change'))
    inbox.shadowRoot!.querySelector<HTMLInputElement>('input[name=dueSoon]')!.click()
    await vi.waitFor(() => expect(requests).toHaveLength(3))
    const search = inbox.shadowRoot!.querySelector<HTMLInputElement>('input[name=q]')!
    search.value = ' 县财政局 四、(二) '
    search.dispatchEvent(new Event('input'))
    await vi.waitFor(() => expect(requests).toHaveLength(4))
    const light = (colour: string) =>
      inbox.shadowRoot!.querySelector<HTMLInputElement>(`input[name=light][value=${colour}]`)!
    light('red').click()
    await vi.waitFor(() => expect(requests).toHaveLength(5))
    light('yellow').click()
    await vi.waitFor(() => expect(requests).toHaveLength(6))
    expect(requests[0]!.search).toBe('')
    expect(Object.fromEntries(requests[3]!.searchParams)).toEqual({
      state: 'assigned,in_progress,submitted,returned',
      dueSoon: 'true',
      q: '县财政局 四、(二)',
    })
    expect(requests[5]!.searchParams.get('light')).toBe('yellow,red')
    expect(JSON.parse(sessionStorage.getItem('luoshi.inbox.filters')!)).toMatchObject({
      state: 'open',
      dueSoon: true,
      lights: ['red', 'yellow'],
    })
  })

  it('filters by a count when it is clicked, and clears the filters from the total', async () => {
    const requests = serve(() => [buildSummary()])
    const inbox = await mount()
    const card = (label: string) =>
      Array.from(inbox.shadowRoot!.querySelectorAll<HTMLButtonElement>('.counts button')).find(
        (button) => button.querySelector('.label')?.textContent?.includes(label),
      )!
    card('已逾期').click()
    await vi.waitFor(() => expect(requests).toHaveLength(2))
    expect(requests[1]!.searchParams.get('overdue')).toBe('true')
    await inbox.updateComplete
    expect(card('已逾期').getAttribute('aria-pressed')).toBe('true')
    card('临期').click()
    await vi.waitFor(() => expect(requests).toHaveLength(3))
    expect(requests[2]!.searchParams.get('dueSoon')).toBe('true')
    card('红灯').click()
    await vi.waitFor(() => expect(requests).toHaveLength(4))
    expect(requests[3]!.searchParams.get('light')).toBe('red')
    card('任务总数').click()
    await vi.waitFor(() => expect(requests).toHaveLength(5))
    expect(requests[4]!.search).toBe('')
  })

  it('opens the review queue on what awaits review, counts it on its tab, and approves the chosen reports after one confirmation', async () => {
    approvals.length = 0
    const requests = serve(() => [
      buildSummary({ state: 'submitted', title: '完善投入政策' }),
      buildSummary({ id: 'task-2', state: 'submitted', title: '建立分级诊疗' }),
      buildSummary({ id: 'task-3', state: 'approved', title: '已办结' }),
    ])
    const inbox = await mount('review')
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      state: 'submitted',
      role: 'review',
    })
    await vi.waitFor(() =>
      expect(inbox.shadowRoot!.querySelector('.tabs [aria-current=page]')?.textContent).toBe(
        '待审核 7',
      ),
    )
    const table = inbox.shadowRoot!.querySelector('ls-task-table')!
    await table.updateComplete
    const boxes = table.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type=checkbox]')
    expect(boxes).toHaveLength(2)
    table.shadowRoot!.querySelector<HTMLInputElement>('thead input[type=checkbox]')!.click()
    const batch = inbox.shadowRoot!.querySelector('ls-batch-approve')!
    await vi.waitFor(() => expect(batch.tasks).toHaveLength(2))
    await batch.updateComplete
    const dialog = batch.shadowRoot!.querySelector('dialog')!
    dialog.showModal = vi.fn()
    dialog.close = vi.fn()
    const open = batch.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!
    expect(open.textContent).toBe('批量通过（2）')
    open.click()
    expect(dialog.showModal).toHaveBeenCalledOnce()
    batch
      .shadowRoot!.querySelector('form')!
      .dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(approvals).toHaveLength(1))
    await vi.waitFor(() =>
      expect(batch.shadowRoot!.querySelector('[part=result]')?.textContent).toContain(
        '销号须附佐证材料',
      ),
    )
    expect(batch.shadowRoot!.querySelector('[part=result]')?.textContent).toContain('已通过 1 项')
    // The list loads again after the batch.
    await vi.waitFor(() => expect(requests.length).toBeGreaterThan(1))
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
