/**
 * The figures of GET /api/plans/:id/progress agree with each other and with the task lists: one
 * escalation level (the standing one, 0 once a task is done) counted on the dashboard, listed by
 * /escalations and badged on each task; the plan's share done is what its phases add up to; the
 * colour counts are the tasks' own colours; units come ranked by red, then yellow, with their
 * on-time rate. Pingnan's plan, with escalation levels set on a few of its tasks.
 */
import { drive } from '../helpers/drive-tasks.ts'
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'

interface Progress {
  summary: {
    total: number
    approved: number
    closed: number
    percent: number
    overdue: number
    unphased: { total: number; approved: number; percent: number }
    lights: Record<'green' | 'blue' | 'yellow' | 'red', number>
  }
  phases: Array<{
    standing: string
    percent: number
    tasks: { total: number; approved: number }
  }>
  units: Array<{
    id: string
    total: number
    percent: number
    approved: number
    supervised: number
    onTimeRate: number | null
    lights: Record<'green' | 'blue' | 'yellow' | 'red', number>
  }>
  escalations: Record<'remind' | 'urge' | 'supervise' | 'circulate' | 'supervised', number>
}

interface Row {
  id: string
  light: 'green' | 'blue' | 'yellow' | 'red'
  escalation: number
  state: string
}

describe('GET /api/plans/:id/progress: figures that agree', () => {
  let t: TestApp
  let planId: string
  let leader: Client
  const ids = { circulate: '', supervise: '', urge: '', done: '', doneUnit: '' }

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    leader = await loginAs(t, 'leader', {
      roles: ['leader'],
      units: [{ policyId: POLICY, unitId: 'leadership-group' }],
    })
    const leads = await t.db
      .selectFrom('task')
      .select(['id', 'assignee', 'reviewer', 'due_on'])
      .where('plan_id', '=', planId)
      .where('role', '=', 'lead')
      .where('kind', '=', 'responsibility')
      .where('state', '=', 'assigned')
      .orderBy('id')
      .execute()
    const reviewed = leads.find((task) => task.reviewer !== null && task.due_on !== null)!
    const others = leads.filter((task) => task.id !== reviewed.id)
    ids.circulate = others[0]!.id
    ids.supervise = others[1]!.id
    ids.urge = others[2]!.id
    ids.done = reviewed.id
    ids.doneUnit = reviewed.assignee
    const level = (id: string, escalation_level: number) =>
      t.db.updateTable('task').set({ escalation_level }).where('id', '=', id).execute()
    await level(ids.circulate, 4)
    await level(ids.supervise, 3)
    await level(ids.urge, 2)
    await level(ids.done, 4)
    // Escalated to 通报, then done: no longer behind, counted nowhere, badged with nothing.
    await drive(
      t.db,
      t.clock,
      planId,
      ids.done,
      { type: 'SUBMIT', data: { summary: '已完成' } },
      { type: 'APPROVE' },
    )
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  const progress = async () =>
    (await (await leader.get(`/api/plans/${planId}/progress`)).json()) as Progress
  const rows = async () =>
    (await (await leader.get(`/api/tasks?scope=all&plan=${planId}&limit=5000`)).json()) as {
      counts: { escalated: number }
      tasks: Row[]
    }

  it('counts each escalation level as the tasks show it, a finished task at none', async () => {
    const { escalations } = await progress()
    expect(escalations).toEqual({ remind: 0, urge: 1, supervise: 1, circulate: 1, supervised: 2 })
    const { tasks, counts } = await rows()
    const byId = new Map(tasks.map((task) => [task.id, task]))
    expect(byId.get(ids.circulate)!.escalation).toBe(4)
    expect(byId.get(ids.supervise)!.escalation).toBe(3)
    expect(byId.get(ids.urge)!.escalation).toBe(2)
    expect(byId.get(ids.done)!).toMatchObject({ state: 'approved', escalation: 0 })
    expect(tasks.filter((task) => task.escalation >= 3)).toHaveLength(escalations.supervised)
    expect(counts.escalated).toBe(escalations.supervised)
    const detail = (await (await leader.get(`/api/tasks/${ids.done}`)).json()) as Row
    expect(detail.escalation).toBe(0)
  })

  it('lists the same tasks under 督办 and 通报', async () => {
    const lists = (await (await leader.get(`/api/plans/${planId}/escalations`)).json()) as {
      supervise: Row[]
      circulate: Row[]
    }
    expect(lists.supervise.map((task) => task.id)).toEqual([ids.supervise])
    expect(lists.circulate.map((task) => task.id)).toEqual([ids.circulate])
  })

  it('gives the plan the share done its phases add up to, rounded down as theirs are', async () => {
    const { summary, phases } = await progress()
    const total = phases.reduce((n, phase) => n + phase.tasks.total, 0) + summary.unphased.total
    const approved =
      phases.reduce((n, phase) => n + phase.tasks.approved, 0) + summary.unphased.approved
    expect(summary).toMatchObject({ total, approved })
    expect(approved).toBeGreaterThan(0)
    expect(summary.percent).toBe(Math.floor((approved / total) * 100))
    for (const phase of phases) {
      const { total: n, approved: done } = phase.tasks
      expect(phase.percent).toBe(n ? Math.floor((done / n) * 100) : 0)
      expect(['pending', 'open', 'late', 'met', 'unfinished']).toContain(phase.standing)
      if (phase.standing === 'met') expect(done).toBe(n)
    }
  })

  it('counts the colours the tasks show', async () => {
    const { summary, units } = await progress()
    const { tasks } = await rows()
    for (const light of ['green', 'blue', 'yellow', 'red'] as const) {
      expect(summary.lights[light], light).toBe(tasks.filter((task) => task.light === light).length)
      expect(units.reduce((n, unit) => n + unit.lights[light], 0)).toBe(summary.lights[light])
    }
  })

  it('ranks units by red, then yellow, with their share done, 督办 and on-time rate', async () => {
    const { units } = await progress()
    for (let i = 1; i < units.length; i++) {
      const [a, b] = [units[i - 1]!, units[i]!]
      expect(a.lights.red >= b.lights.red).toBe(true)
      if (a.lights.red === b.lights.red) expect(a.lights.yellow >= b.lights.yellow).toBe(true)
    }
    for (const unit of units) {
      expect(unit.percent).toBe(unit.total ? Math.floor((unit.approved / unit.total) * 100) : 0)
      if (unit.onTimeRate !== null) expect(unit.onTimeRate).toBeLessThanOrEqual(100)
    }
    // The one task done, before its date: its unit is on time in all that came due.
    expect(units.find((unit) => unit.id === ids.doneUnit)!.onTimeRate).toBe(100)
    expect(units.reduce((n, unit) => n + unit.supervised, 0)).toBe(2)
  })
})
