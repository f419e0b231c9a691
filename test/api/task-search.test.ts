/**
 * GET /api/tasks?q= searches the title, the unit and the clause; each task says whether it is
 * due soon (临期, the blue light's rule), `dueSoon=true` keeps only those and the counts say how many.
 */
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import type { TaskList } from '../../schemas/api/responses.schema.ts'

const POLICY = 'pingnan-medical-alliance'

describe('GET /api/tasks search and due soon', () => {
  let t: TestApp
  let office: Client

  // Logs in again after the clock moves: a session idle that long has ended.
  const logIn = async () => {
    office = await loginAs(t, 'office', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'leadership-group-office' }],
    })
  }

  beforeAll(async () => {
    t = await makeTestApp('2018-04-02T09:00:00+08:00')
    await startBundledPlan(t, 'pingnan')
    await logIn()
  })
  afterAll(async () => {
    await t.db.destroy()
  })

  const list = async (query: string) =>
    (await (await office.get(`/api/tasks?scope=all&${query}`)).json()) as TaskList

  it('finds tasks by words of the title, the unit’s name or the clause, in any case', async () => {
    const all = await list('')
    const byTitle = await list(`q=${encodeURIComponent('完善投入')}`)
    expect(byTitle.tasks.length).toBeGreaterThan(0)
    expect(byTitle.tasks.every((task) => task.title.includes('完善投入'))).toBe(true)

    const byUnit = await list(`q=${encodeURIComponent('县财政局')}`)
    expect(byUnit.tasks.length).toBeGreaterThan(0)
    expect(byUnit.tasks.length).toBeLessThan(all.tasks.length)
    expect(
      byUnit.tasks.every(
        (task) => task.assignee.name.includes('县财政局') || task.title.includes('县财政局'),
      ),
    ).toBe(true)

    const byClause = await list(`q=${encodeURIComponent('四、(二)')}`)
    expect(byClause.tasks.map((task) => task.clause)).toContain('四、(二)')
    expect(
      byClause.tasks.every((task) =>
        `${task.title}${task.assignee.name}${task.clause ?? ''}`.includes('四、(二)'),
      ),
    ).toBe(true)

    const both = await list(`q=${encodeURIComponent('县财政局 完善投入')}`)
    expect(both.tasks.map((task) => task.assignee.name)).toEqual(['县财政局'])
    expect(both.counts.total).toBe(1)
    expect((await list(`q=${encodeURIComponent('没有这样的任务')}`)).counts.total).toBe(0)
  })

  it('marks the open tasks due within three working days as due soon, and filters and counts them', async () => {
    const all = await list('')
    const due = all.tasks.find((task) => task.dueOn !== null && task.dueOn > '2018-04-20')!
    // Two days before its due date (a working day or not, within three working days).
    t.clock.set(`${shiftDays(due.dueOn!, -2)}T09:00:00+08:00`)
    await logIn()
    const soon = await list('dueSoon=true')
    expect(soon.tasks.map((task) => task.id)).toContain(due.id)
    expect(soon.tasks.every((task) => task.dueSoon && !task.overdue)).toBe(true)
    expect(soon.counts.dueSoon).toBe(soon.tasks.length)
    const later = await list('')
    expect(later.tasks.find((task) => task.id === due.id)!.light).toBe('blue')
    expect(later.counts.dueSoon).toBe(soon.tasks.length)
    // Past its due date it is overdue, no longer due soon.
    t.clock.set(`${shiftDays(due.dueOn!, 1)}T09:00:00+08:00`)
    await logIn()
    const after = await list('')
    expect(after.tasks.find((task) => task.id === due.id)).toMatchObject({
      dueSoon: false,
      overdue: true,
    })
  })
})

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
