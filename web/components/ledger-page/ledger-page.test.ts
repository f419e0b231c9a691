// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LedgerRow, PlanLedger } from '../../api-types.ts'
import { parseRoute } from '../../router.ts'
import { setLocale } from '../../i18n.ts'
import { LEDGER_PAGE } from './ledger-page.component.ts'
import type { LsLedgerPage } from './ledger-page.component.ts'
import './ledger-page.ts'

const HOSTILE = '<img src=x onerror=alert(1)>=HYPERLINK("x")'

function row(index: number, overrides: Partial<LedgerRow> = {}): LedgerRow {
  return {
    index,
    taskId: `task-${index}`,
    title: `任务 ${index}`,
    period: 'once',
    clause: '三、(一)',
    lead: { id: 'health', name: '县卫健局' },
    support: [{ id: 'finance', name: '县财政局' }],
    dueOn: '2018-04-10',
    duePhrase: '2018年4月上旬',
    percent: null,
    progress: null,
    state: 'assigned',
    stateName: '待办',
    light: 'red',
    lightName: '红灯',
    escalation: 3,
    escalationName: '督办',
    overdue: true,
    daysOverdue: 22,
    doneOn: null,
    ...overrides,
  }
}

const LEDGER: PlanLedger = {
  plan: { id: 'plan-1', name: '示范计划' },
  policyTitle: '示范方案',
  documentNumber: null,
  today: '2018-05-02',
  groupBy: 'phase',
  total: 2,
  groups: [
    { key: 'drafting', name: '制定方案', total: 1, rows: [row(1, { title: HOSTILE })] },
    {
      key: '-',
      name: '日常工作（不分阶段）',
      total: 1,
      rows: [row(2, { light: 'green', lightName: '绿灯' })],
    },
  ],
  nextCursor: null,
}

const asked: string[] = []

/** The plan's detail and progress as the menus read them (only the fields they use). */
const DETAIL = {
  phases: [
    { phase_id: 'drafting', name: '制定方案' },
    { phase_id: 'piloting', name: '试点推进' },
  ],
}
const PROGRESS = {
  units: [
    { id: 'health', name: '县卫健局' },
    { id: 'town-3', name: '第三乡镇卫生院' },
  ],
}

/** Answers the page's requests: the ledger as `ledger` gives it, the menus' reads as above. */
function answer(ledger: () => Response) {
  return vi.fn(async (path: string) => {
    asked.push(path)
    const url = new URL(path, 'http://localhost')
    if (url.pathname.endsWith('/progress')) return new Response(JSON.stringify(PROGRESS))
    if (url.pathname.endsWith('/ledger')) return ledger()
    return new Response(JSON.stringify(DETAIL))
  })
}

async function mount(): Promise<LsLedgerPage> {
  vi.stubGlobal(
    'fetch',
    answer(() => new Response(JSON.stringify(LEDGER))),
  )
  const page = document.createElement('ls-ledger-page')
  page.planId = 'plan-1'
  document.body.append(page)
  await vi.waitFor(() => expect(page.shadowRoot?.querySelector('tbody')).not.toBeNull())
  return page
}

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  asked.length = 0
})

describe('ls-ledger-page', () => {
  it('is the page of #/plans/<id>/ledger', () => {
    expect(parseRoute('#/plans/plan-1/ledger')).toEqual({ page: 'ledger', planId: 'plan-1' })
    expect(parseRoute('#/plans/plan-1/tasks/t-1/supervision-notice')).toEqual({
      page: 'notice',
      planId: 'plan-1',
      taskId: 't-1',
    })
  })

  it('shows each group under its header row, and a hostile title as text', async () => {
    const page = await mount()
    const root = page.shadowRoot!
    expect([...root.querySelectorAll('tr.group th')].map((th) => th.textContent)).toEqual([
      '制定方案（1 项）',
      '日常工作（不分阶段）（1 项）',
    ])
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('tbody a')!.textContent).toBe(HOSTILE)
    expect(root.querySelector('thead')).not.toBeNull()
  })

  it('names each row’s state, light and level in English, and counts 1 task, 1 day', async () => {
    setLocale('en')
    try {
      LEDGER.groups[1]!.rows[0]!.daysOverdue = 1
      const page = await mount()
      const cells = (n: number) =>
        [...page.shadowRoot!.querySelectorAll('tbody tr:not(.group)')].map((tr) =>
          tr.querySelectorAll('td')[n]!.textContent.replace(/\s+/g, ' ').trim(),
        )
      expect(cells(7)).toEqual(['Assigned 22 days overdue', 'Assigned 1 day overdue'])
      expect(cells(8)).toEqual(['Red: overdue', 'Green: on track'])
      expect(cells(9)).toEqual(['Supervised', 'Supervised'])
      expect(page.shadowRoot!.querySelector('tr.group th')!.textContent).toBe('制定方案（1 task）')
    } finally {
      LEDGER.groups[1]!.rows[0]!.daysOverdue = 22
      setLocale('zh')
    }
  })

  it('says why a ledger cannot be had, and stops showing that it is loading', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: { code: 'not-found', message: { zh: '找不到该计划', en: 'No such plan' } },
            }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          ),
      ),
    )
    const page = document.createElement('ls-ledger-page')
    page.planId = 'elsewhere'
    document.body.append(page)
    await vi.waitFor(() => expect(page.shadowRoot?.querySelector('.error')).not.toBeNull())
    expect(page.shadowRoot!.querySelector('.error')!.textContent).toContain('找不到该计划')
    expect(page.shadowRoot!.querySelector('[role=status]')).toBeNull()
  })

  it('offers the plan’s units and phases to filter by when the ledger is too large to list', async () => {
    vi.stubGlobal(
      'fetch',
      answer(
        () =>
          new Response(
            JSON.stringify({
              error: {
                code: 'bad-request',
                message: {
                  zh: '符合条件的任务有 280000 项，超过台账一次可列的 20000 项；请按牵头单位、阶段或时限筛选',
                  en: '280000 tasks match, more than the 20000 one ledger lists',
                },
              },
            }),
            { status: 400, headers: { 'content-type': 'application/json' } },
          ),
      ),
    )
    const page = document.createElement('ls-ledger-page')
    page.planId = 'plan-1'
    document.body.append(page)
    const root = page.shadowRoot!
    const options = (name: string) =>
      [...root.querySelectorAll(`select[name=${name}] option`)].map((o) => [
        o.getAttribute('value'),
        o.textContent,
      ])
    await vi.waitFor(() => expect(options('assignee')).toHaveLength(3))
    expect(root.querySelector('.error')!.textContent).toContain('请按牵头单位')
    expect(options('assignee').slice(1)).toEqual([
      ['health', '县卫健局'],
      ['town-3', '第三乡镇卫生院'],
    ])
    expect(options('phase').slice(1)).toEqual([
      ['drafting', '制定方案'],
      ['piloting', '试点推进'],
    ])
    const unit = root.querySelector<HTMLSelectElement>('select[name=assignee]')!
    unit.value = 'town-3'
    unit.dispatchEvent(new Event('change', { bubbles: true }))
    await vi.waitFor(() => expect(asked.at(-1)).toContain('assignee=town-3'))
  })

  it('lists a page of rows first, then the next on asking, the group they share counted whole', async () => {
    // 3 rows of one phase in pages of 2 (as LEDGER_PAGE rows would come): rows 1–2, then row 3.
    const pageOf = (indexes: number[], nextCursor: string | null): PlanLedger => ({
      ...LEDGER,
      total: 3,
      groups: [{ key: 'drafting', name: '制定方案', total: 3, rows: indexes.map((i) => row(i)) }],
      nextCursor,
    })
    vi.stubGlobal(
      'fetch',
      answer(() =>
        asked.at(-1)!.includes('after=cursor-2')
          ? new Response(JSON.stringify(pageOf([3], null)))
          : new Response(JSON.stringify(pageOf([1, 2], 'cursor-2'))),
      ),
    )
    const page = document.createElement('ls-ledger-page')
    page.planId = 'plan-1'
    document.body.append(page)
    const root = page.shadowRoot!
    const titles = () =>
      [...root.querySelectorAll('tbody tr:not(.group) a')].map((a) => a.textContent)
    await vi.waitFor(() => expect(titles()).toEqual(['任务 1', '任务 2']))
    expect(asked.find((path) => path.includes('/ledger'))).toContain(`pageSize=${LEDGER_PAGE}`)
    expect(root.querySelector('tr.group th')!.textContent).toBe('制定方案（3 项）')
    expect(root.querySelector('.more')!.textContent).toContain('已列出 2 项，共 3 项')
    root.querySelector<HTMLButtonElement>('.more button')!.click()
    await vi.waitFor(() => expect(titles()).toEqual(['任务 1', '任务 2', '任务 3']))
    expect(asked.at(-1)).toContain('after=cursor-2')
    // One group, one header: the second page went on with it.
    expect(root.querySelectorAll('tr.group')).toHaveLength(1)
    expect(root.querySelector('.more')).toBeNull()
  })

  it('asks for the filters chosen, and downloads the Excel of the same filters', async () => {
    const page = await mount()
    const root = page.shadowRoot!
    const light = root.querySelector<HTMLSelectElement>('select[name=light]')!
    light.value = 'red'
    light.dispatchEvent(new Event('change', { bubbles: true }))
    await vi.waitFor(() => expect(asked.at(-1)).toContain('light=red'))
    await page.updateComplete
    expect(root.querySelector('a[download]')!.getAttribute('href')).toBe(
      '/api/plans/plan-1/ledger.xlsx?light=red',
    )
  })

  it('prints A4 landscape while shown', async () => {
    const page = await mount()
    expect(document.head.querySelector('style[data-ls-page]')!.textContent).toContain(
      'A4 landscape',
    )
    page.remove()
    expect(document.head.querySelector('style[data-ls-page]')).toBeNull()
  })
})
