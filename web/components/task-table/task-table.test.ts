// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { TaskSummary } from '../../api-types.ts'
import { columnWidths } from './task-table.component.ts'
import type { LsTaskTable } from './task-table.component.ts'
import { buildSummary } from './task-table.fixtures.ts'
import './task-table.ts'

async function mount(
  tasks: TaskSummary[],
  setup: (table: LsTaskTable) => void = () => {},
): Promise<LsTaskTable> {
  const table = document.createElement('ls-task-table')
  table.tasks = tasks
  table.phaseNames = { 'carry-out': '开展医联体各项工作' }
  setup(table)
  document.body.append(table)
  await table.updateComplete
  return table
}

afterEach(() => document.body.replaceChildren())

describe('ls-task-table', () => {
  it('shows a row per task with its link, labels, deadline phrase, colour and markers', async () => {
    const table = await mount([
      buildSummary(),
      buildSummary({
        id: 'task-2',
        title: '建立利益共享机制',
        role: 'support',
        period: '2018-Q3',
        state: 'approved',
        overdue: false,
        escalation: 0,
        light: 'green',
        dueOn: null,
        duePhrase: null,
      }),
    ])
    const rows = table.shadowRoot!.querySelectorAll('tbody tr')
    expect(rows).toHaveLength(2)
    const first = rows[0]!
    expect(first.querySelector('a')?.getAttribute('href')).toBe('#/tasks/task-1')
    expect(first.querySelector('th')?.getAttribute('scope')).toBe('row')
    const cells = Array.from(first.querySelectorAll('td')).map((cell) => cell.textContent?.trim())
    expect(cells).toEqual([
      '县财政局',
      '牵头',
      '一次性',
      '开展医联体各项工作',
      '待办',
      '2018-06-302018年6月下旬',
      '红灯已逾期督办',
    ])
    expect(first.querySelector('.light')?.getAttribute('data-light')).toBe('red')
    const second = Array.from(rows[1]!.querySelectorAll('td')).map((cell) =>
      cell.textContent?.trim(),
    )
    expect(second).toEqual([
      '县财政局',
      '配合',
      '2018年第3季度',
      '开展医联体各项工作',
      '已通过',
      '未规定时限',
      '绿灯',
    ])
  })

  it('renders 500 rows keyed by id', async () => {
    const tasks = Array.from({ length: 500 }, (_, i) =>
      buildSummary({ id: `task-${i}`, title: `任务 ${i}` }),
    )
    const table = await mount(tasks)
    expect(table.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(500)
    const before = table.shadowRoot!.querySelector('tbody tr:nth-child(2)')
    table.tasks = tasks.slice(1)
    await table.updateComplete
    expect(table.shadowRoot!.querySelector('tbody tr:first-child')).toBe(before)
  })

  it('leaves out the phase column when no task has a phase', async () => {
    const table = await mount([
      buildSummary({ phaseId: null }),
      buildSummary({ id: 'task-2', phaseId: null }),
    ])
    const headers = Array.from(table.shadowRoot!.querySelectorAll('thead th')).map((th) =>
      th.textContent?.trim(),
    )
    expect(headers).toEqual(['任务', '承办单位', '职责', '周期', '状态', '截止时间', '提示'])
    expect(table.shadowRoot!.querySelectorAll('tbody tr:first-child td')).toHaveLength(6)
    const style = table.shadowRoot!.querySelector('table')!.getAttribute('style')!
    expect(style).toContain(`--cols: ${columnWidths(true, false).wide.join(' ')}`)
    expect(columnWidths(true, false).wide).toHaveLength(7)
  })

  it('fits an 800 px window: in a narrow container the columns, due date and flags included, take under 47.5rem', () => {
    // 800 px less the page's margins leaves 760 px (47.5rem) for the table.
    const rem = (widths: string[]) =>
      widths.reduce((sum, width) => sum + Number(/([\d.]+)rem/.exec(width)![1]), 0)
    expect(rem(columnWidths(true, false).narrow)).toBeLessThanOrEqual(47.5)
    expect(rem(columnWidths(false, true).narrow)).toBeLessThanOrEqual(47.5)
    expect(rem(columnWidths(true, false).wide)).toBeGreaterThan(47.5)
  })

  it('can leave out the assignee, and says so when empty', async () => {
    const table = await mount([buildSummary()], (t) => {
      t.hideAssignee = true
    })
    expect(table.shadowRoot!.querySelectorAll('thead th')).toHaveLength(7)
    const empty = await mount([], (t) => {
      t.caption = '督办（0）'
    })
    expect(empty.shadowRoot!.textContent?.trim()).toBe('督办（0）：暂无任务')
  })
})
