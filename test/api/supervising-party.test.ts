/**
 * A supervising party (督促/指导, `supervisors`) distinct from the implementer: in Chongqing's
 * plan 市卫生健康委 指导督促 the districts' work. It sees their tasks; it is given none, and it
 * cannot act on theirs. When a task of a duty it supervises goes overdue, to 督办 or to 通报, it
 * is told as the office is.
 */
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'

const POLICY = 'chongqing-urban-medical-group'

describe('a supervising party (督促/指导)', () => {
  it('sees the districts’ tasks of a duty it supervises, is given none, and cannot start one', async () => {
    const t = await makeTestApp('2024-05-06T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'chongqing')
    const commission = await loginAs(t, 'commission', {
      units: [{ policyId: POLICY, unitId: 'municipal-health-commission' }],
    })
    const fuling = await taskId(
      t,
      planId,
      'fulfil-district-fiscal-responsibility',
      'fuling-district',
    )
    expect((await commission.get(`/api/tasks/${fuling}`)).status).toBe(200)
    // Its own tasks are those it leads (市卫生健康委 拟定考核评价方案 …), never a district's.
    const own = await t.db
      .selectFrom('task')
      .select('source_id')
      .where('plan_id', '=', planId)
      .where('assignee', '=', 'municipal-health-commission')
      .execute()
    expect(own.map((row) => row.source_id)).not.toContain('fulfil-district-fiscal-responsibility')
    const started = await commission.post(`/api/tasks/${fuling}/events`, { type: 'START' })
    expect(started.status).toBeGreaterThanOrEqual(400)
    expect(started.status).toBeLessThan(500)
  })

  it('does not let a unit that supervises nothing see the districts’ tasks', async () => {
    const t = await makeTestApp('2024-05-06T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'chongqing')
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId: POLICY, unitId: 'municipal-finance-bureau' }],
    })
    const fuling = await taskId(
      t,
      planId,
      'fulfil-district-fiscal-responsibility',
      'fuling-district',
    )
    const body = (await (await finance.get('/api/tasks')).json()) as {
      tasks: Array<{ id: string }>
    }
    expect(body.tasks.map((task) => task.id)).not.toContain(fuling)
  })
})

describe('a supervising party is told when the work falls behind', () => {
  it('gets the 催办, 督办 and 通报 notifications of a duty it supervises, and still no task of it', async () => {
    const t = await makeTestApp('2018-04-02T09:00:00+08:00')
    const yaml = withReplaced(
      'lead: [reform-office]\n    support: [health-bureau]',
      'lead: [reform-office]\n    supervisors: [health-bureau]',
    )
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml,
      sourceText: MINIMAL_SOURCE,
    })
    const { plan } = await startPlan(t, t.clock, 'test', { versionId: version.id })
    const draft = await taskId(t, plan.id, 'draft-plan', 'reform-office')
    // Well past the deadline (2018-04-10) and every step of the ladder.
    t.clock.set('2018-05-15T09:00:00+08:00')
    await runDueTimers(t, t.clock)
    const bureau = await loginAs(t, 'bureau', {
      units: [{ policyId: 'demo-county-plan', unitId: 'health-bureau' }],
    })
    const { notifications } = (await (await bureau.get('/api/notifications')).json()) as {
      notifications: Array<{ kind: string; taskId: string | null; recipient: string }>
    }
    expect(
      notifications
        .filter((n) => n.taskId === draft)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['circulate', 'supervise', 'urge'])
    expect(notifications.every((n) => n.recipient === 'health-bureau')).toBe(true)
    // The delivery outbox does the rest: a 督办 goes at once to any channel the unit has, so the
    // notification row is all a supervisor needs here.
    const tasks = await t.db
      .selectFrom('task')
      .select('assignee')
      .where('plan_id', '=', plan.id)
      .where('source_id', '=', 'draft-plan')
      .execute()
    expect(tasks.map((task) => task.assignee)).toEqual(['reform-office'])
  })
})
