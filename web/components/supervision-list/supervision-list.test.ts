// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { buildSummary } from '../task-table/task-table.fixtures.ts'
import { daysOverdue, groupByUnit } from './supervision-list.component.ts'
import './supervision-list.ts'

describe('the 督办 list', () => {
  const task = (id: string, unit: string, dueOn: string | null, escalation = 3) =>
    buildSummary({ id, title: id, dueOn, escalation, assignee: { id: unit, name: unit } })

  it('counts days overdue from the due date to today', () => {
    expect(daysOverdue({ dueOn: '2018-06-30' }, '2018-09-05')).toBe(67)
    expect(daysOverdue({ dueOn: '2018-09-05' }, '2018-09-05')).toBe(0)
    expect(daysOverdue({ dueOn: '2018-12-31' }, '2018-09-05')).toBe(0)
    expect(daysOverdue({ dueOn: null }, '2018-09-05')).toBe(0)
  })

  it('groups by unit, the unit with most tasks first, the longest overdue first in each', () => {
    const groups = groupByUnit(
      [
        task('a1', 'A', '2018-08-01'),
        task('b1', 'B', '2018-07-01'),
        task('b2', 'B', '2018-06-01', 4),
        task('c1', 'C', '2018-05-01'),
      ],
      '2018-09-05',
    )
    expect(groups.map((group) => group.id)).toEqual(['B', 'C', 'A'])
    expect(groups[0]!.tasks.map((t) => t.id)).toEqual(['b2', 'b1'])
    expect(groups[1]!.worst).toBe(127)
  })

  it('offers 催办 on the tasks the reader may urge, and only on those', async () => {
    const list = document.createElement('ls-supervision-list')
    list.today = '2018-09-05'
    list.tasks = [task('mine', 'A', '2018-08-01'), task('not-mine', 'B', '2018-08-01')]
    list.urgeable = ['mine']
    document.body.append(list)
    await list.updateComplete
    const urgeOn = (id: string) =>
      list.shadowRoot!.querySelector(`[data-task="${id}"] button.urge`) !== null
    expect([urgeOn('mine'), urgeOn('not-mine')]).toEqual([true, false])
    list.remove()
  })
})
