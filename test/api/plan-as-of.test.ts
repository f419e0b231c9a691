/**
 * GET /api/plans/:id/progress?asOf= and /escalations?asOf=: the minimal plan (with towns to split
 * work between), driven through
 * events on known days with the test clock, read back as of days before, between and after them
 * gives the figures it had on those days; a bad asOf is a 400 naming /asOf.
 */
import { drive } from '../helpers/drive-tasks.ts'
import { startSplitPlan } from '../helpers/split-policy.ts'
import { loginAs, logIn, makeTestApp, PASSWORD, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface Progress {
  today: string
  asOf?: string
  plan: { status: string }
  summary: { total: number; approved: number; closed: number; overdue: number }
  units: Array<{ id: string; total: number; overdue: number }>
  escalations: Record<'remind' | 'urge' | 'supervise' | 'circulate' | 'supervised', number>
}

interface Escalations {
  supervise: Array<{ id: string }>
  circulate: Array<{ id: string }>
}

describe('GET /api/plans/:id/progress?asOf=: the plan as it stood on a past day', () => {
  let t: TestApp
  let planId: string
  let leader: Client
  let draft: string
  let funding: string
  /** Progress read on the day itself, before anything later happened. */
  const then: Record<string, Progress> = {}

  // Days pass between the reads: the leader logs in afresh for each (sessions expire).
  const fresh = async () => (leader = await logIn(t, 'leader', PASSWORD))
  const progress = async (asOf?: string): Promise<Progress> => {
    await fresh()
    const response = await leader.get(`/api/plans/${planId}/progress${asOf ? `?asOf=${asOf}` : ''}`)
    expect(response.status).toBe(200)
    return (await response.json()) as Progress
  }
  const escalations = async (asOf: string): Promise<Escalations> => {
    await fresh()
    const response = await leader.get(`/api/plans/${planId}/escalations?asOf=${asOf}`)
    expect(response.status).toBe(200)
    return (await response.json()) as Escalations
  }

  beforeAll(async () => {
    t = await makeTestApp('2018-04-02T09:00:00+08:00')
    const started = await startSplitPlan(t)
    planId = started.planId
    leader = await loginAs(t, 'leader', {
      roles: ['leader'],
      units: [{ policyId: started.policyId, unitId: 'leading-group' }],
    })
    await loginAs(t, 'reform', { units: [{ policyId: started.policyId, unitId: 'reform-office' }] })
    await loginAs(t, 'admin', { roles: ['admin'] })
    draft = await taskId(t, planId, 'draft-plan', 'reform-office')
    funding = await taskId(t, planId, 'funding', 'finance-bureau')
    then['2018-04-02'] = await progress()
    // 04-04: the draft is reminded (level 1).
    t.clock.set('2018-04-04T10:00:00+08:00')
    await drive(t.db, t.clock, planId, draft, { type: 'REMIND' })
    then['2018-04-04'] = await progress()
    // 04-05 07:30 in Beijing is still 04-04 in UTC: the funding is handed in and approved.
    t.clock.set('2018-04-05T07:30:00+08:00')
    await drive(t.db, t.clock, planId, funding, { type: 'SUBMIT', data: { summary: '已落实' } })
    const reviewed = await t.db
      .selectFrom('task')
      .select('state')
      .where('id', '=', funding)
      .executeTakeFirstOrThrow()
    if (reviewed.state === 'submitted')
      await drive(t.db, t.clock, planId, funding, { type: 'APPROVE' })
    then['2018-04-05'] = await progress()
    // 04-06: the office splits the draft between two towns: two sub-tasks made that day.
    t.clock.set('2018-04-06T10:00:00+08:00')
    const office = await logIn(t, 'reform', PASSWORD)
    const split = await office.post(`/api/tasks/${draft}/subtasks`, {
      items: [
        { unit: 'town-a', dueOn: '2018-04-09', instruction: '完成本镇调研' },
        { unit: 'town-b', dueOn: '2018-04-09', instruction: '完成本镇调研' },
      ],
    })
    expect(split.status).toBe(201)
    then['2018-04-06'] = await progress()
    // 04-07: the draft is escalated to 督办 (level 3).
    t.clock.set('2018-04-07T16:00:00+08:00')
    await drive(t.db, t.clock, planId, draft, { type: 'ESCALATE', level: 3 })
    then['2018-04-07'] = await progress()
    // 04-09: the office asks to move the draft's deadline (04-10) to 04-18; granted on 04-12.
    t.clock.set('2018-04-09T10:00:00+08:00')
    const asked = await (
      await logIn(t, 'reform', PASSWORD)
    ).post(`/api/tasks/${draft}/extension`, { dueOn: '2018-04-18', reason: '调研未完成' })
    expect(asked.status).toBe(201)
    t.clock.set('2018-04-11T10:00:00+08:00')
    then['2018-04-11'] = await progress()
    t.clock.set('2018-04-12T10:00:00+08:00')
    const granted = await (
      await logIn(t, 'leader', PASSWORD)
    ).post(`/api/tasks/${draft}/extension/decision`, { approve: true })
    expect(granted.status).toBe(200)
    then['2018-04-12'] = await progress()
    t.clock.set('2018-04-15T09:00:00+08:00')
    then['2018-04-15'] = await progress()
    // 04-20: the plan is closed early with its work undone.
    t.clock.set('2018-04-20T09:00:00+08:00')
    const admin = await logIn(t, 'admin', PASSWORD)
    const closed = await admin.post(`/api/plans/${planId}/close`, {
      reason: '提前结束',
      force: true,
    })
    expect(closed.status).toBe(200)
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  it('gives, for each past day, the counts and escalation levels the plan had that day', async () => {
    for (const [date, was] of Object.entries(then)) {
      const now = await progress(date)
      expect(now.asOf).toBe(date)
      expect(now.today).toBe(date)
      expect(now.plan.status).toBe('running')
      expect(now.summary).toEqual(was.summary)
      expect(now.units).toEqual(was.units)
      expect(now.escalations).toEqual(was.escalations)
    }
    expect(then['2018-04-02']!.summary.approved).toBe(0)
    expect(then['2018-04-05']!.summary.approved).toBe(1)
    expect(then['2018-04-04']!.escalations.remind).toBe(1)
    expect(then['2018-04-07']!.escalations.supervise).toBe(1)
    expect(then['2018-04-15']!.summary.closed).toBe(0)
    expect((await progress()).summary.closed).toBeGreaterThan(0)
  })

  it('judges each day by the deadline the task had then: overdue before its extension, not after', async () => {
    const office = async (asOf: string) =>
      (await progress(asOf)).units.find((unit) => unit.id === 'reform-office')!.overdue
    expect(await office('2018-04-11')).toBe(1)
    expect(await office('2018-04-12')).toBe(0)
  })

  it('leaves out the tasks made after the day asked about', async () => {
    const units = async (asOf: string) => (await progress(asOf)).units.map((unit) => unit.id)
    expect(await units('2018-04-05')).not.toContain('town-a')
    expect(await units('2018-04-06')).toEqual(expect.arrayContaining(['town-a', 'town-b']))
  })

  it('keeps the last day before a change as it was: between two events, the earlier one holds', async () => {
    const between = await progress('2018-04-06')
    expect(between.summary.approved).toBe(1)
    expect(between.escalations).toEqual(then['2018-04-05']!.escalations)
  })

  it('judges overdue work on the day asked about, not today', async () => {
    // The draft is due in early April (上旬, by 04-10): overdue on 04-15, not on 04-07; closed
    // undone today, so overdue no more.
    expect((await progress('2018-04-15')).summary.overdue).toBeGreaterThan(0)
    expect((await progress('2018-04-07')).summary.overdue).toBe(0)
    expect((await progress()).summary.overdue).toBe(0)
  })

  it('lists under 督办 only what was under 督办 on that day', async () => {
    expect((await escalations('2018-04-06')).supervise).toEqual([])
    expect((await escalations('2018-04-07')).supervise.map((task) => task.id)).toEqual([draft])
  })

  it('answers without asOf exactly as before, and asOf today as today apart from naming the day', async () => {
    const today = await progress()
    expect(today.asOf).toBeUndefined()
    const { asOf, ...rest } = await progress('2018-04-20')
    expect(asOf).toBe('2018-04-20')
    expect(rest).toEqual(today)
  })

  it.each([
    ['2018-04-01', 'before the plan started'],
    ['2018-04-21', 'after today'],
    ['2018-02-30', 'not a real date'],
    ['yesterday', 'not a date'],
  ])('refuses asOf=%s (%s) with a 400 naming /asOf, in Chinese first', async (value) => {
    for (const path of ['progress', 'escalations']) {
      await fresh()
      const response = await leader.get(`/api/plans/${planId}/${path}?asOf=${value}`)
      expect(response.status).toBe(400)
      const body = (await response.json()) as {
        error: { message: { zh: string; en: string }; issues: Array<{ pointer: string }> }
      }
      expect(body.error.issues[0]!.pointer).toBe('/asOf')
      expect(body.error.message.zh).toContain('asOf')
      expect(body.error.message.en).toContain('asOf')
    }
  })
})
