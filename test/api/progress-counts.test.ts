/**
 * A plan's progress read from the counts kept as tasks are written: after every kind of write
 * (transitions to done, reminders and 督办, a progress report behind schedule, a cleared red light,
 * an extension, a split, a transfer, a withdrawal, a migration, a close) and as days pass with no
 * write, the counts equal a recount of the tasks and the progress equals the one read task by task.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { FINISHED_STATES } from '../../domain/workflow/task-states.ts'
import { FINISHED_AT_MIGRATION } from '../../server/db/migrations/2026_12_09_0200_progress_counts.ts'
import { drive } from '../helpers/drive-tasks.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { expectProgressAsRecounted, expectProgressCountsKept } from '../helpers/progress-counts.ts'
import { startSplitPlan } from '../helpers/split-policy.ts'
import { logIn, loginAs, makeTestApp, PASSWORD, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

async function expectKept(t: TestApp, planId: string, after: string) {
  await expectProgressCountsKept(t.db, after)
  await expectProgressAsRecounted(t.db, t.clock, planId, after)
}

describe('progress counts, kept as tasks are written', () => {
  it('counts a task as finished in the states the domain calls finished', () => {
    expect([...FINISHED_AT_MIGRATION].sort()).toEqual([...FINISHED_STATES].sort())
  })

  it('give the progress read task by task after transitions, 督办, reports, extensions, a split, a transfer and a close, and as days pass', async () => {
    const t = await makeTestApp('2018-04-02T09:00:00+08:00')
    const { planId, policyId } = await startSplitPlan(t)
    await expectKept(t, planId, 'plan start')
    const as = (name: string, unitId: string, roles: Array<'leader'> = []) =>
      loginAs(t, name, { roles, units: [{ policyId, unitId }] })
    await as('reform', 'reform-office')
    await as('finance', 'finance-bureau')
    await as('leader', 'leading-group', ['leader'])
    await loginAs(t, 'admin', { roles: ['admin'] })
    // Signed in afresh after the clock moves days on (a session ends when idle).
    const office = () => logIn(t, 'reform', PASSWORD)
    const leader = () => logIn(t, 'leader', PASSWORD)
    const draft = await taskId(t, planId, 'draft-plan', 'reform-office')
    const funding = await taskId(t, planId, 'funding', 'finance-bureau')

    t.clock.set('2018-04-04T10:00:00+08:00')
    await drive(t.db, t.clock, planId, draft, { type: 'REMIND' })
    expect(
      (await (await office()).post(`/api/tasks/${draft}/events`, { type: 'START' })).status,
    ).toBe(200)
    await expectKept(t, planId, 'a reminder and a start')

    // Finished late in the evening in Beijing: the day finished is Beijing's, not UTC's.
    t.clock.set('2018-04-05T23:30:00+08:00')
    await drive(t.db, t.clock, planId, funding, { type: 'SUBMIT', data: { summary: '已落实' } })
    const state = await t.db
      .selectFrom('task')
      .select('state')
      .where('id', '=', funding)
      .executeTakeFirstOrThrow()
    if (state.state === 'submitted')
      await drive(t.db, t.clock, planId, funding, { type: 'APPROVE' })
    await expectKept(t, planId, 'a task finished')

    t.clock.set('2018-04-06T10:00:00+08:00')
    const split = await (
      await office()
    ).post(`/api/tasks/${draft}/subtasks`, {
      items: [
        { unit: 'town-a', dueOn: '2018-04-09', instruction: '完成本镇调研' },
        { unit: 'town-b', dueOn: '2018-04-09', instruction: '完成本镇调研' },
      ],
    })
    expect(split.status).toBe(201)
    const report = await (
      await office()
    ).post(`/api/tasks/${draft}/progress`, { percent: 5, text: '刚起步' })
    expect(report.status).toBe(201)
    await expectKept(t, planId, 'a split and a report behind schedule')
    const lights = async () =>
      (await (await (await leader()).get(`/api/plans/${planId}/progress`)).json()).summary.lights
    // The report behind 序时进度 turns its task yellow: a colour no counted group carries.
    expect((await lights()).yellow).toBe(1)

    t.clock.set('2018-04-07T16:00:00+08:00')
    await drive(t.db, t.clock, planId, draft, { type: 'ESCALATE', level: 3 })
    await drive(t.db, t.clock, planId, draft, { type: 'ESCALATE', level: 4 })
    await expectKept(t, planId, '督办 and 通报')

    t.clock.set('2018-04-09T10:00:00+08:00')
    const asked = await (
      await office()
    ).post(`/api/tasks/${draft}/extension`, {
      dueOn: '2018-04-18',
      reason: '调研未完成',
    })
    expect(asked.status).toBe(201)
    const granted = await (
      await leader()
    ).post(`/api/tasks/${draft}/extension/decision`, { approve: true })
    expect(granted.status).toBe(200)
    await expectKept(t, planId, 'an extension')

    // Days pass with no write: the colours move with today, the counts stay true.
    for (const day of ['2018-04-10', '2018-04-16', '2018-04-19', '2018-05-20']) {
      t.clock.set(`${day}T09:00:00+08:00`)
      await expectKept(t, planId, `on ${day}`)
    }
    const subTask = (
      await t.db
        .selectFrom('task')
        .select('id')
        .where('plan_id', '=', planId)
        .where('role', '=', 'sub')
        .executeTakeFirstOrThrow()
    ).id
    const cleared = await (
      await leader()
    ).post(`/api/tasks/${subTask}/clear-red`, { reason: '已说明原因' })
    expect(cleared.status, await cleared.clone().text()).toBe(200)
    await expectKept(t, planId, 'a red light cleared')
    const after = await lights()
    expect(after.yellow).toBeGreaterThan(0)

    const moved = await (
      await leader()
    ).post(`/api/tasks/${draft}/transfer`, {
      toUnit: 'health-bureau',
      reason: '交办有误，应由卫健局牵头',
    })
    expect(moved.status, await moved.clone().text()).toBe(200)
    await expectKept(t, planId, 'a transfer')
    expect(
      (
        await (
          await (await logIn(t, 'finance', PASSWORD)).get(`/api/plans/${planId}/progress`)
        ).json()
      ).units.some((unit: { id: string }) => unit.id === 'health-bureau'),
    ).toBe(true)

    const closed = await (
      await logIn(t, 'admin', PASSWORD)
    ).post(`/api/plans/${planId}/close`, {
      reason: '提前结束',
      force: true,
    })
    expect(closed.status).toBe(200)
    await expectKept(t, planId, 'a close')
  })

  it('give the progress read task by task after a withdrawal and a migration', async () => {
    const u = await makeTestApp()
    const v1 = withReplaced(
      `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }`,
      `    lead: [hospitals]
    due: { unspecified: 文件未规定完成时限 }`,
    )
    const { version } = await publishPolicy(u, u.clock, 'test', {
      yaml: v1,
      sourceText: MINIMAL_SOURCE,
    })
    const planId = (await startPlan(u, u.clock, 'test', { versionId: version.id })).plan.id
    await publishPolicy(u, u.clock, 'test', {
      yaml: withReplaced('  version: 1.0.0', '  version: 1.1.0', v1),
      sourceText: MINIMAL_SOURCE,
    })
    const group = await loginAs(u, 'office', {
      units: [{ policyId: version.policy_id, unitId: 'leading-group' }],
    })
    const members = `/api/plans/${planId}/groups/hospitals/members`
    for (const list of [
      [{ id: 'town-clinic', name: '城关镇卫生院' }],
      [{ id: 'county-hospital', name: '县人民医院' }],
    ]) {
      const { version: read } = await (await group.get(members)).json()
      const put = await group.put(members, { members: list }, { 'if-match': `"${read}"` })
      expect(put.status).toBe(200)
    }
    await expectKept(u, planId, 'a withdrawal')
    const path = `/api/plans/${planId}/migration`
    const preview = await (await group.post(path, { toVersion: '1.1.0', dryRun: true })).json()
    const applied = await group.post(path, {
      toVersion: '1.1.0',
      planRevision: preview.planRevision,
    })
    expect(applied.status, await applied.clone().text()).toBe(200)
    await expectKept(u, planId, 'a migration')
  })
})
