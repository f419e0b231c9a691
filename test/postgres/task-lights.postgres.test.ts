/**
 * 三色预警 and 周期反馈 on PostgreSQL: a progress report is stored and counted, a missed monthly
 * report's timer reminds the unit, and the office clears an overdue task's red light.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { postgresTestApp, startMigratedPostgres } from '../helpers/postgres.ts'
import { loginAs, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const POLICY = withReplaced(
  'timeline:\n',
  `escalation:
  steps:
    - { level: urge, offset: 0, notify: [assignee] }
  progressReports: { every: month }
timeline:\n`,
  withReplaced(
    'due: { unspecified: 文件未规定完成时限 }',
    'due: 2018年10月8日前\n    form: summary-form\n    review: { by: leading-group }',
    MINIMAL_POLICY,
  ),
)

describe('task lights and progress reports on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let t: TestApp
  let planId: string
  let policyId: string
  let funding: string

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_lights')
    t = postgresTestApp(pg, 'lights', '2018-04-02T09:00:00+08:00')
    const clock = t.clock
    const { version } = await publishPolicy(t, clock, 'test', {
      yaml: POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    const started = await startPlan(t, clock, 'test', { versionId: version.id })
    planId = started.plan.id
    policyId = started.plan.policy_id
    funding = await taskId(t, planId, 'funding', 'finance-bureau')
  }, 120_000)

  afterAll(async () => {
    await pg?.stop()
  })

  const finance = () => loginAs(t, 'finance', { units: [{ policyId, unitId: 'finance-bureau' }] })
  const office = () => loginAs(t, 'office', { units: [{ policyId, unitId: 'leading-group' }] })

  it('stores a progress report and reminds the unit of the month it missed', async () => {
    const sent = await (
      await finance()
    ).post(`/api/tasks/${funding}/progress`, { percent: 10, text: '已起草方案' })
    expect(sent.status).toBe(201)
    for (const day of ['2018-04-30', '2018-05-31']) {
      t.clock.set(`${day}T08:00:00+08:00`)
      await runDueTimers(t, t.clock)
    }
    const notices = await t.db
      .selectFrom('notification')
      .select(['kind', 'recipient', 'message'])
      .where('task_id', '=', funding)
      .execute()
    expect(notices).toEqual([
      {
        kind: 'remind',
        recipient: 'finance-bureau',
        message: '周期反馈提醒：请于 2018-05-31 前报送进度',
      },
    ])
  })

  it('shows an overdue task red until the office clears it with a reason', async () => {
    t.clock.set('2018-10-10T09:00:00+08:00')
    const red = await (await finance()).get(`/api/tasks?light=red`)
    expect(((await red.json()) as { tasks: Array<{ id: string }> }).tasks.map((x) => x.id)).toEqual(
      [funding],
    )
    const cleared = await (
      await office()
    ).post(`/api/tasks/${funding}/clear-red`, { reason: '国庆假期顺延' })
    expect(cleared.status).toBe(200)
    expect(((await cleared.json()) as { light: string }).light).toBe('yellow')
  })
})
