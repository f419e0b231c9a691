/**
 * The task list a page at a time, and the counts kept as tasks are written: `task_count` equals a
 * recount of the task table after every kind of write (a transition, a split, a transfer, a
 * withdrawal, a plan's migration, a plan's close), and a paged list walks the same tasks with the
 * same counts as the whole list.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { startSplitPlan } from '../helpers/split-policy.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import { expectCountsKept, walk } from '../helpers/task-counts.ts'
import type { Listed } from '../helpers/task-counts.ts'

describe('task_count, kept as tasks are written', () => {
  it('equals a recount after a plan start, a transition, a split and a transfer', async () => {
    const t = await makeTestApp()
    const { planId, policyId } = await startSplitPlan(t)
    await expectCountsKept(t.db, 'plan start')
    const as = (name: string, unitId: string) => loginAs(t, name, { units: [{ policyId, unitId }] })
    const office = await as('reform', 'reform-office')
    const lead = await as('leading', 'leading-group')
    const parent = await taskId(t, planId, 'draft-plan', 'reform-office')
    expect((await office.post(`/api/tasks/${parent}/events`, { type: 'START' })).status).toBe(200)
    await expectCountsKept(t.db, 'a transition')
    const split = await office.post(`/api/tasks/${parent}/subtasks`, {
      items: [{ unit: 'town-a', dueOn: '2018-04-08', instruction: '完成本镇调研' }],
    })
    expect(split.status).toBe(201)
    await expectCountsKept(t.db, 'a split')
    const moved = await lead.post(`/api/tasks/${parent}/transfer`, {
      toUnit: 'health-bureau',
      reason: '交办有误，应由卫健局牵头',
    })
    expect(moved.status).toBe(200)
    await expectCountsKept(t.db, 'a transfer')
  })

  it('equals a recount after a withdrawal, a migration and a close', async () => {
    // A group's member named then taken away (its task withdrawn), the plan migrated, then closed.
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
    const second = (await startPlan(u, u.clock, 'test', { versionId: version.id })).plan.id
    await publishPolicy(u, u.clock, 'test', {
      yaml: withReplaced('  version: 1.0.0', '  version: 1.1.0', v1),
      sourceText: MINIMAL_SOURCE,
    })
    const group = await loginAs(u, 'office', {
      units: [{ policyId: version.policy_id, unitId: 'leading-group' }],
    })
    const members = `/api/plans/${second}/groups/hospitals/members`
    for (const list of [
      [{ id: 'town-clinic', name: '城关镇卫生院' }],
      [{ id: 'county-hospital', name: '县人民医院' }],
    ]) {
      const { version: read } = await (await group.get(members)).json()
      const put = await group.put(members, { members: list }, { 'if-match': `"${read}"` })
      expect(put.status).toBe(200)
    }
    await expectCountsKept(u.db, 'a withdrawal')
    const path = `/api/plans/${second}/migration`
    const preview = await (await group.post(path, { toVersion: '1.1.0', dryRun: true })).json()
    const applied = await group.post(path, {
      toVersion: '1.1.0',
      planRevision: preview.planRevision,
    })
    expect(applied.status, await applied.clone().text()).toBe(200)
    await expectCountsKept(u.db, 'a migration')
    const admin = await loginAs(u, 'admin', { roles: ['admin'] })
    const closed = await admin.post(`/api/plans/${second}/close`, {
      reason: '政策废止，提前关闭',
      force: true,
    })
    expect(closed.status, await closed.clone().text()).toBe(200)
    await expectCountsKept(u.db, 'a close')
  })
})

describe('GET /api/tasks a page at a time', () => {
  it('walks the whole list in deadline order, with the whole list’s counts on every page', async () => {
    const t = await makeTestApp()
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId, unitId: 'county-finance-bureau' }],
    })
    const started = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    expect((await finance.post(`/api/tasks/${started}/events`, { type: 'START' })).status).toBe(200)
    const office = await loginAs(t, 'office', {
      units: [{ policyId, unitId: 'county-reform-office' }],
    })
    for (const [client, query] of [
      [finance, ''],
      [finance, '&state=in_progress'],
      [office, '&role=review'],
      [office, '&scope=all'],
      [office, '&scope=all&light=green,blue'],
    ] as const) {
      const whole = (await (await client.get(`/api/tasks?limit=5000${query}`)).json()) as Listed
      expect(whole.tasks.length, query).toBeGreaterThan(0)
      const pages = await walk(client, query, 7)
      const ids = pages.flatMap((page) => page.tasks.map((task) => task.id))
      expect(new Set(ids).size, query).toBe(ids.length)
      expect([...ids].sort(), query).toEqual(whole.tasks.map((task) => task.id).sort())
      for (const page of pages) expect(page.counts, query).toEqual(whole.counts)
      const dues = pages.flatMap((page) => page.tasks.map((task) => task.dueOn ?? '9999'))
      expect(dues, query).toEqual([...dues].sort())
      expect(pages.at(-1)!.nextCursor).toBeNull()
    }
  })

  it('refuses a cursor it did not give, at its pointer (400)', async () => {
    const t = await makeTestApp()
    const { policyId } = await startBundledPlan(t, 'pingnan')
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId, unitId: 'county-finance-bureau' }],
    })
    const response = await finance.get('/api/tasks?after=not-a-cursor')
    expect(response.status).toBe(400)
    expect((await response.json()).error.issues[0].pointer).toBe('/after')
  })
  it('refuses a search or 临期 with page parameters rather than paging them with wrong counts (400)', async () => {
    const t = await makeTestApp()
    const { policyId } = await startBundledPlan(t, 'pingnan')
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId, unitId: 'county-finance-bureau' }],
    })
    const response = await finance.get('/api/tasks?pageSize=10&q=%E8%B4%A2%E6%94%BF&dueSoon=true')
    expect(response.status).toBe(400)
    const pointers = (await response.json()).error.issues.map(
      (issue: { pointer: string }) => issue.pointer,
    )
    expect(pointers).toEqual(['/q', '/dueSoon'])
    expect((await finance.get('/api/tasks?q=%E8%B4%A2%E6%94%BF')).status).toBe(200)
  })
})
