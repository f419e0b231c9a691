/**
 * A plan suspended for two weeks across a reminder (提醒, 7 April) and the day it falls overdue
 * (催办, 11 April) and is escalated (督办, 17 April), in simulated time: nothing of the plan fires
 * while it is suspended, however often the scheduler runs; on resume the office either lets those
 * notices go (cancelled, listed in the audit log, the ladder going on from its next step ahead) or
 * has them fire now, once each.
 */
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { nextTimerAt, runDueTimers } from '../../server/timers/scheduler.ts'
import { loginAs, makeTestApp, startMinimalPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

let t: TestApp
let planId: string
let policyId: string
let lead: string

/**
 * The plan's office, logged in now: sessions lapse over simulated weeks. The minimal policy has
 * no office body, so its leadership group runs the plan.
 */
const office = (): Promise<Client> =>
  loginAs(t, 'office', { units: [{ policyId, unitId: 'leading-group' }] })

/** Moves the clock forward, running the scheduler at each pending timer on the way. */
async function advanceTo(instant: string): Promise<number> {
  const target = new Date(instant).toISOString()
  let fired = 0
  for (;;) {
    const next = await nextTimerAt(t.db)
    if (!next || next > target) break
    t.clock.set(next)
    fired += (await runDueTimers(t, t.clock)).fired
  }
  t.clock.set(target)
  return fired + (await runDueTimers(t, t.clock)).fired
}

const notices = () =>
  t.db
    .selectFrom('notification')
    .select(['kind', 'task_id', 'recipient', 'at'])
    .where('plan_id', '=', planId)
    .orderBy('at')
    .execute()

const timersOf = (taskId: string) =>
  t.db
    .selectFrom('timer')
    .select(['id', 'kind', 'status', 'fire_at', 'payload'])
    .where('task_id', '=', taskId)
    .orderBy('fire_at')
    .execute()

const auditOf = (action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute()

beforeEach(async () => {
  t = await makeTestApp('2018-04-02T09:00:00+08:00')
  planId = await startMinimalPlan(t)
  policyId = (
    await t.db
      .selectFrom('plan')
      .select('policy_id')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow()
  ).policy_id
  lead = await taskId(t, planId, 'draft-plan', 'reform-office')
  await advanceTo('2018-04-05T10:00:00+08:00')
  const suspended = await (
    await office()
  ).post(`/api/plans/${planId}/suspend`, { reason: '机构改革，暂停推进' })
  expect(suspended.status).toBe(200)
})

afterEach(async () => {
  await t.db.destroy()
})

describe('a plan suspended for two weeks', () => {
  it('fires nothing while suspended, however often the scheduler runs', async () => {
    for (const day of ['07', '09', '11', '13', '15', '17', '19']) {
      t.clock.set(`2018-04-${day}T12:00:00+08:00`)
      expect(await runDueTimers(t, t.clock)).toEqual({ fired: 0, skipped: 0 })
    }
    expect(await nextTimerAt(t.db)).toBeUndefined()
    expect(await notices()).toEqual([])
    const task = await t.db
      .selectFrom('task')
      .select(['escalation_level'])
      .where('id', '=', lead)
      .executeTakeFirstOrThrow()
    expect(task.escalation_level).toBe(0)
    // The reminder due on 7 April is still there, pending: it waits for the resume.
    expect((await timersOf(lead)).map((timer) => [timer.kind, timer.status])).toEqual([
      ['remind', 'pending'],
    ])
  })

  it('on resume without fireMissed cancels the missed reminder, audits it, and escalates from the next step ahead', async () => {
    t.clock.set('2018-04-19T10:00:00+08:00')
    expect(await runDueTimers(t, t.clock)).toEqual({ fired: 0, skipped: 0 })
    const response = await (await office()).post(`/api/plans/${planId}/resume`, {})
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      plan: { status: string; suspended_at: string | null }
      fireMissed: boolean
      cancelled: Array<{ id: string; kind: string; taskId: string | null }>
      fired: Array<{ kind: string }>
    }
    expect(body.plan).toMatchObject({ status: 'running', suspended_at: null })
    expect(body.fireMissed).toBe(false)
    const cancelledForLead = body.cancelled.filter((timer) => timer.taskId === lead)
    expect(cancelledForLead.map((timer) => timer.kind)).toEqual(['remind'])
    // The phase's end fell due meanwhile too: it is the plan's schedule, so it fires either way.
    expect(body.fired.map((timer) => timer.kind)).toEqual(['phase-end'])
    expect(await notices()).toEqual([])
    const [resumed] = await auditOf('plan.resume')
    expect(JSON.parse(resumed!.payload)).toMatchObject({
      fireMissed: false,
      cancelled: expect.arrayContaining([expect.objectContaining({ id: cancelledForLead[0]!.id })]),
    })
    // The ladder goes on from 通报 (24 April), the first step still ahead; 督办 (17 April) is past.
    const timers = await timersOf(lead)
    expect(timers.map((timer) => [timer.kind, timer.status, timer.fire_at])).toEqual([
      ['remind', 'cancelled', '2018-04-07T01:00:00.000Z'],
      ['escalate', 'pending', '2018-04-24T01:00:00.000Z'],
    ])
    // Deadlines do not move: the task due on 10 April is overdue now.
    const page = await (await office()).get(`/api/tasks/${lead}`)
    expect(await page.json()).toMatchObject({ dueOn: '2018-04-10', overdue: true })
    await advanceTo('2018-04-24T12:00:00+08:00')
    const level = await t.db
      .selectFrom('task')
      .select('escalation_level')
      .where('id', '=', lead)
      .executeTakeFirstOrThrow()
    expect(level.escalation_level).toBe(4)
    // 通报 goes to the leadership, once for each of the duty's two tasks (lead and support).
    expect((await notices()).map((notice) => `${notice.kind} ${notice.recipient}`)).toEqual([
      'circulate leading-group',
      'circulate leading-group',
    ])
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })

  it('on resume with fireMissed fires each missed notice once, and never again', async () => {
    t.clock.set('2018-04-19T10:00:00+08:00')
    const response = await (
      await office()
    ).post(`/api/plans/${planId}/resume`, { fireMissed: true })
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      cancelled: unknown[]
      fired: Array<{ kind: string; taskId: string | null }>
    }
    expect(body.cancelled).toEqual([])
    expect(body.fired.filter((timer) => timer.taskId === lead).map((timer) => timer.kind)).toEqual([
      'remind',
      'overdue',
      'escalate',
    ])
    const forLead = async () =>
      (await notices())
        .filter((notice) => notice.task_id === lead)
        .map((notice) => `${notice.kind} ${notice.recipient}`)
    const once = await forLead()
    expect([...new Set(once.map((notice) => notice.split(' ')[0]))]).toEqual([
      'remind',
      'urge',
      'supervise',
    ])
    expect(new Set(once).size).toBe(once.length)
    expect(await runDueTimers(t, t.clock)).toEqual({ fired: 0, skipped: 0 })
    expect(await forLead()).toEqual(once)
    const [resumed] = await auditOf('plan.resume')
    expect(JSON.parse(resumed!.payload)).toMatchObject({ fireMissed: true, cancelled: [] })
    const log = await t.db.selectFrom('plan_suspension').selectAll().execute()
    const { id: officeId } = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'office')
      .executeTakeFirstOrThrow()
    expect(log).toMatchObject([
      { reason: '机构改革，暂停推进', fire_missed: 1, missed_cancelled: 0, resumed_by: officeId },
    ])
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })
})
