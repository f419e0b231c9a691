/**
 * 周期反馈 across a suspension: a plan suspended over two monthly report dates and resumed
 * without firing what fell due lets those reminders go and still asks for the next report ahead.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const POLICY = withReplaced(
  'timeline:\n',
  `escalation:
  steps:
    - { level: urge, offset: 0, notify: [assignee] }
  progressReports: { every: month }
timeline:\n`,
  withReplaced('due: { unspecified: 文件未规定完成时限 }', 'due: 2018年10月8日前', MINIMAL_POLICY),
)

let t: TestApp

afterAll(async () => {
  await t.db.destroy()
})

describe('progress reports across a suspension', () => {
  it('lets the reminders that fell due go and asks for the next report after the resume', async () => {
    t = await makeTestApp('2018-04-02T09:00:00+08:00')
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    const { plan } = await startPlan(t, t.clock, 'test', { versionId: version.id })
    const funding = await taskId(t, plan.id, 'funding', 'finance-bureau')
    const office = () =>
      loginAs(t, 'office', { units: [{ policyId: plan.policy_id, unitId: 'leading-group' }] })
    t.clock.set('2018-04-20T09:00:00+08:00')
    const suspend = await (
      await office()
    ).post(`/api/plans/${plan.id}/suspend`, { reason: '机构改革' })
    expect(suspend.status).toBe(200)
    t.clock.set('2018-06-05T09:00:00+08:00')
    await runDueTimers(t, t.clock)
    const resume = await (
      await office()
    ).post(`/api/plans/${plan.id}/resume`, { fireMissed: false })
    expect(resume.status).toBe(200)
    const progress = await t.db
      .selectFrom('timer')
      .select(['status', 'payload'])
      .where('task_id', '=', funding)
      .where('kind', '=', 'progress-due')
      .orderBy('fire_at')
      .execute()
    expect(progress.map((timer) => [timer.status, JSON.parse(timer.payload)])).toEqual([
      ['cancelled', { due: '2018-04-30', stage: 'remind' }],
      ['pending', { due: '2018-06-30', stage: 'remind' }],
    ])
    const notices = await t.db
      .selectFrom('notification')
      .select('message')
      .where('task_id', '=', funding)
      .where('message', 'like', '周期反馈%')
      .execute()
    expect(notices).toEqual([])
  })
})
