/**
 * The whole Pingnan plan, April 2018 to December 2020, in simulated time: phases open on their
 * dates and close when their gates hold, quarterly supervision tasks appear each quarter, and a
 * task nobody answers climbs the ladder 提醒 → 催办 → 督办 → 通报 on working days (the 2018
 * Mid-Autumn holiday included).
 */
import { SimulatedClock } from '../../server/clock.ts'
import { clearPlanCache, loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { nextTimerAt, runDueTimers } from '../../server/timers/scheduler.ts'
import { completePhaseTasks } from '../helpers/drive-tasks.ts'
import { makeDb, publishBundled } from '../helpers/make-db.ts'
import type { TestDb } from '../helpers/make-db.ts'

describe('Pingnan 2018–2020 in simulated time', () => {
  let t: TestDb
  let clock: SimulatedClock
  let planId: string

  /** Moves the clock forward, firing every timer on the way in order. */
  async function advanceTo(instant: string): Promise<void> {
    const target = new Date(instant).toISOString()
    for (;;) {
      const next = await nextTimerAt(t.db)
      if (!next || next > target) break
      clock.set(next)
      await runDueTimers(t, clock)
    }
    clock.set(target)
  }

  async function phase(id: string) {
    return t.db
      .selectFrom('plan_phase')
      .select(['status', 'opened_at', 'closed_at'])
      .where('plan_id', '=', planId)
      .where('phase_id', '=', id)
      .executeTakeFirstOrThrow()
  }

  async function tasksOf(sourceId: string) {
    return t.db
      .selectFrom('task')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('source_id', '=', sourceId)
      .orderBy('period')
      .execute()
  }

  const completePhase = (phaseId: string) => completePhaseTasks(t.db, clock, planId, phaseId)

  beforeAll(async () => {
    clearPlanCache()
    t = await makeDb()
    clock = new SimulatedClock('2018-04-01T09:00:00+08:00')
    const versionId = await publishBundled(t, clock, 'pingnan')
    planId = (await startPlan(t, clock, 'test', { versionId })).plan.id
  })

  it('opens 制定方案 at once and the other steps on their own dates', async () => {
    expect((await phase('plan')).status).toBe('open')
    expect((await phase('organize')).status).toBe('pending')
    await advanceTo('2018-06-20T23:59:00+08:00')
    expect((await phase('organize')).status).toBe('pending')
    await advanceTo('2018-06-21T00:00:00+08:00')
    expect(await phase('organize')).toMatchObject({
      status: 'open',
      opened_at: '2018-06-20T16:00:00.000Z',
    })
  })

  it('keeps 制定方案 open past its window until its tasks are approved, then closes it', async () => {
    expect((await phase('plan')).status).toBe('open')
    await completePhase('plan')
    expect((await phase('plan')).status).toBe('closed')
  })

  it('creates each quarter’s supervision task only when its period opens', async () => {
    await advanceTo('2018-08-31T23:00:00+08:00')
    expect(await tasksOf('step-quarterly-supervision')).toHaveLength(0)
    await advanceTo('2018-09-01T00:00:00+08:00')
    const q3 = await tasksOf('step-quarterly-supervision')
    expect(q3.map((task) => [task.period, task.opens_on, task.due_on, task.assignee])).toEqual([
      ['2018-Q3', '2018-09-01', '2018-09-10', 'leadership-group'],
    ])
  })

  it('climbs the ladder for an unanswered task: 提醒, 催办, 督办, 通报 — skipping the Mid-Autumn holiday', async () => {
    const [q3] = await tasksOf('step-quarterly-supervision')
    const level = async () =>
      (
        await t.db
          .selectFrom('task')
          .select('escalation_level')
          .where('id', '=', q3!.id)
          .executeTakeFirstOrThrow()
      ).escalation_level
    await advanceTo('2018-09-07T08:59:00+08:00')
    expect(await level()).toBe(0)
    await advanceTo('2018-09-07T09:00:00+08:00') // 3 days before the 10th
    expect(await level()).toBe(1)
    await advanceTo('2018-09-11T00:00:00+08:00') // overdue at midnight after the deadline
    expect(await level()).toBe(2)
    await advanceTo('2018-09-17T09:00:00+08:00') // 5 working days later: 督办
    expect(await level()).toBe(3)
    await advanceTo('2018-09-24T09:00:00+08:00') // 中秋节 is not a working day
    expect(await level()).toBe(3)
    await advanceTo('2018-09-25T09:00:00+08:00') // the 10th working day: 通报
    expect(await level()).toBe(4)
    const notices = await t.db
      .selectFrom('notification')
      .select(['recipient', 'kind', 'at'])
      .where('task_id', '=', q3!.id)
      .orderBy('at')
      .execute()
    expect(notices.map((n) => [n.kind, n.recipient])).toEqual([
      ['remind', 'leadership-group'],
      ['urge', 'leadership-group'],
      ['urge', 'leadership-group-office'],
      ['supervise', 'leadership-group'],
      ['supervise', 'leadership-group-office'],
      ['circulate', 'leadership-group'],
    ])
  })

  it('adds the fourth-quarter supervision in December, and no more after the step’s window', async () => {
    await advanceTo('2018-12-01T00:00:00+08:00')
    expect((await tasksOf('step-quarterly-supervision')).map((task) => task.period)).toEqual([
      '2018-Q3',
      '2018-Q4',
    ])
    await advanceTo('2019-12-31T00:00:00+08:00')
    expect(await tasksOf('step-quarterly-supervision')).toHaveLength(2)
  })

  it('creates the council’s monthly, quarterly and yearly duties period by period through 2020', async () => {
    await advanceTo('2020-12-31T12:00:00+08:00')
    const monthly = await tasksOf('work-monthly-efficiency-analysis')
    const periods = [...new Set(monthly.map((task) => task.period))]
    expect(periods[0]).toBe('2018-07')
    expect(periods.at(-1)).toBe('2020-12')
    expect(periods).toHaveLength(30)
    expect([
      ...new Set((await tasksOf('work-annual-direction')).map((task) => task.period)),
    ]).toEqual(['2018', '2019', '2020'])
  })

  it('opens both summary stages on their dates, and closes 督导检查 only with its tasks approved and the leadership group’s sign-off', async () => {
    expect((await phase('summary-stage-1')).opened_at).toBe('2018-12-31T16:00:00.000Z')
    expect((await phase('summary-stage-2')).opened_at).toBe('2020-11-30T16:00:00.000Z')
    expect((await phase('supervise')).status).toBe('open')
    await completePhase('supervise')
    expect((await phase('supervise')).status).toBe('open') // still waiting for the sign-off
    await t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sign_off')
        .values({
          plan_id: planId,
          phase_id: 'supervise',
          body: 'leadership-group',
          user_id: 'test',
          at: clock.now().toISOString(),
          note: null,
        })
        .execute()
      const { model } = await loadPlanContext(trx, planId)
      const { closePhaseIfGateHolds } = await import('../../server/plan-model/phase-gate.ts')
      expect(await closePhaseIfGateHolds(trx, model, planId, 'supervise', clock.now())).toBe(true)
    })
    expect((await phase('supervise')).status).toBe('closed')
  })

  it('fired every timer that came due, each once', async () => {
    const pendingPast = await t.db
      .selectFrom('timer')
      .select('id')
      .where('status', '=', 'pending')
      .where('fire_at', '<=', clock.now().toISOString())
      .execute()
    expect(pendingPast).toEqual([])
    const again = await runDueTimers(t, clock)
    expect(again).toEqual({ fired: 0, skipped: 0 })
  })
})
