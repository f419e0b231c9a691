/**
 * 三色预警 and 周期反馈 in simulated time, on the minimal policy with its 补助资金 duty given a
 * deadline of 8 October 2018 — the Monday after National Day, whose make-up working days
 * (调休) fell on the weekend of 29–30 September — and monthly progress reports: the light turns
 * blue, yellow and red on the right days, a missed monthly report is reminded and then brought to
 * the office, and the office clears a red light with a reason, audited.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { nextTimerAt, runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

let t: TestApp
let planId: string
let policyId: string
let funding: string

const POLICY = withReplaced(
  'timeline:\n',
  `escalation:
  steps:
    - { level: remind, offset: -3, notify: [assignee] }
    - { level: urge, offset: 0, notify: [assignee] }
  lights: { blueWithinWorkingDays: 2, yellowBehindPercent: 20 }
  progressReports: { every: month, minWindowDays: 60, urgeAfterWorkingDays: 3 }
timeline:\n`,
  withReplaced(
    'due: { unspecified: 文件未规定完成时限 }',
    'due: 2018年10月8日前\n    form: summary-form\n    review: { by: leading-group }',
    MINIMAL_POLICY,
  ),
)

async function advanceTo(instant: string): Promise<void> {
  const target = new Date(instant).toISOString()
  for (;;) {
    const next = await nextTimerAt(t.db)
    if (!next || next > target) break
    t.clock.set(next)
    await runDueTimers(t, t.clock)
  }
  t.clock.set(target)
  await runDueTimers(t, t.clock)
}

/** The finance bureau, logged in now (sessions lapse over simulated months). */
const finance = (): Promise<Client> =>
  loginAs(t, 'finance', { units: [{ policyId, unitId: 'finance-bureau' }] })
/** The minimal policy has no office body: its leadership group runs the plan. */
const office = (): Promise<Client> =>
  loginAs(t, 'office', { units: [{ policyId, unitId: 'leading-group' }] })

async function lightOn(day: string): Promise<string> {
  await advanceTo(`${day}T09:00:00+08:00`)
  const response = await (await finance()).get(`/api/tasks/${funding}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { light: string }).light
}

const notices = () =>
  t.db
    .selectFrom('notification')
    .select(['kind', 'recipient', 'message', 'at'])
    .where('task_id', '=', funding)
    .where('message', 'like', '周期反馈%')
    .orderBy('at')
    .orderBy('recipient')
    .execute()

beforeAll(async () => {
  t = await makeTestApp('2018-04-02T09:00:00+08:00')
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml: POLICY,
    sourceText: MINIMAL_SOURCE,
  })
  const plan = (await startPlan(t, t.clock, 'test', { versionId: version.id })).plan
  planId = plan.id
  policyId = plan.policy_id
  funding = await taskId(t, planId, 'funding', 'finance-bureau')
})

afterAll(async () => {
  await t.db.destroy()
})

describe('a six-month task with monthly progress reports', () => {
  it('asks for a report at each month end before its deadline', async () => {
    const timers = await t.db
      .selectFrom('timer')
      .select(['fire_at', 'payload'])
      .where('task_id', '=', funding)
      .where('kind', '=', 'progress-due')
      .execute()
    expect(timers.map((timer) => JSON.parse(timer.payload))).toEqual([
      { due: '2018-04-30', stage: 'remind' },
    ])
  })

  it('takes a report from the unit in April, and no reminder follows for April', async () => {
    const response = await (
      await finance()
    ).post(`/api/tasks/${funding}/progress`, { percent: 10, text: '已起草补助资金方案' })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { report: { period: string }; task: { light: string } }
    expect(body.report.period).toBe('2018-04-30')
    expect(body.task.light).toBe('green')
    await advanceTo('2018-05-02T09:00:00+08:00')
    expect(await notices()).toEqual([])
  })

  it('reminds the unit of a missed May report on 31 May, then tells the office 3 working days later', async () => {
    await advanceTo('2018-05-31T08:00:00+08:00')
    expect((await notices()).map((n) => [n.kind, n.recipient])).toEqual([
      ['remind', 'finance-bureau'],
    ])
    await advanceTo('2018-06-04T23:00:00+08:00')
    expect(await notices()).toHaveLength(1)
    await advanceTo('2018-06-05T00:00:00+08:00') // 1, 4, 5 June: the third working day
    expect((await notices()).map((n) => [n.kind, n.recipient])).toEqual([
      ['remind', 'finance-bureau'],
      ['supervise', 'finance-bureau'],
      ['supervise', 'leading-group'],
    ])
  })

  it('is yellow while its last report lags 序时进度 by 20 points, green once it catches up', async () => {
    expect(await lightOn('2018-06-06')).toBe('yellow') // 10 % reported, about 35 % expected
    const late = await (
      await finance()
    ).post(`/api/tasks/${funding}/progress`, { percent: 40, text: '资金已拨付一半' })
    expect(late.status).toBe(201)
    // A late report answers the month it missed.
    expect(((await late.json()) as { report: { period: string } }).report.period).toBe('2018-05-31')
    expect(await lightOn('2018-06-07')).toBe('green')
  })

  it('turns blue two working days before 8 October, counting the 调休 weekend of 29–30 September', async () => {
    await (
      await finance()
    ).post(`/api/tasks/${funding}/progress`, { percent: 90, text: '基本完成' })
    expect(await lightOn('2018-09-28')).toBe('green') // 29, 30 Sep and 8 Oct are three working days
    expect(await lightOn('2018-09-29')).toBe('blue')
    expect(await lightOn('2018-10-08')).toBe('blue')
  })

  it('turns red the day after its deadline — listed by ?light=red and counted on the dashboard — and stays red after a late submission', async () => {
    expect(await lightOn('2018-10-09')).toBe('red')
    const list = await (await finance()).get('/api/tasks?light=red')
    const body = (await list.json()) as {
      counts: { byLight: Record<string, number> }
      tasks: Array<{ id: string; light: string }>
    }
    expect(body.tasks.map((task) => task.id)).toEqual([funding])
    expect(body.counts.byLight.red).toBe(1)
    const progress = await (await office()).get(`/api/plans/${planId}/progress`)
    const units = (
      (await progress.json()) as {
        units: Array<{ id: string; lights: Record<string, number> }>
      }
    ).units
    expect(units.find((unit) => unit.id === 'finance-bureau')?.lights).toEqual({
      green: 0,
      blue: 0,
      yellow: 0,
      red: 1,
    })
    const unit = await finance()
    expect((await unit.post(`/api/tasks/${funding}/events`, { type: 'START' })).status).toBe(200)
    const submitted = await unit.post(`/api/tasks/${funding}/events`, {
      type: 'SUBMIT',
      data: { summary: '已完成' },
    })
    expect(submitted.status).toBe(200)
    expect(await lightOn('2018-10-10')).toBe('red')
  })

  it('lets only the office clear a red light, with a reason, audited; it then shows yellow', async () => {
    const refused = await (
      await finance()
    ).post(`/api/tasks/${funding}/clear-red`, { reason: '我们已经报送' })
    expect(refused.status).toBe(403)
    const empty = await (await office()).post(`/api/tasks/${funding}/clear-red`, { reason: ' ' })
    expect(empty.status).toBe(400)
    const cleared = await (
      await office()
    ).post(`/api/tasks/${funding}/clear-red`, { reason: '国庆假期顺延，已于10月10日报送' })
    expect(cleared.status).toBe(200)
    expect(((await cleared.json()) as { light: string }).light).toBe('yellow')
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'entity_id', 'payload'])
      .where('action', '=', 'task.clear-red')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.entity_id).toBe(funding)
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({
      reason: '国庆假期顺延，已于10月10日报送',
    })
  })
})
