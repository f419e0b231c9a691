/**
 * On PostgreSQL: the task counts kept by triggers equal a recount after transitions, a split and
 * a transfer, and the paged task list walks the same tasks with the same counts as the whole list.
 */
import { postgresTestApp, startMigratedPostgres } from '../helpers/postgres.ts'
import { startSplitPlan } from '../helpers/split-policy.ts'
import { expectCountsKept, walk } from '../helpers/task-counts.ts'
import type { Listed } from '../helpers/task-counts.ts'
import { loginAs, taskId } from '../helpers/test-app.ts'

describe('task counts and pages on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_pages')
  }, 120_000)

  afterAll(async () => {
    await pg?.stop()
  })

  it('keeps the counts through writes and pages the list with the whole list’s counts', async () => {
    const t = postgresTestApp(pg, 'pages', '2018-04-02T09:00:00+08:00')
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
    for (const [client, query] of [
      [office, ''],
      [lead, '&role=review'],
      [lead, '&scope=all'],
    ] as const) {
      const whole = (await (await client.get(`/api/tasks?limit=5000${query}`)).json()) as Listed
      if (query === '&scope=all') expect(whole.tasks.length).toBeGreaterThan(2)
      const pages = await walk(client, query, 2)
      const ids = pages.flatMap((page) => page.tasks.map((task) => task.id))
      expect([...ids].sort(), query).toEqual(whole.tasks.map((task) => task.id).sort())
      for (const page of pages) expect(page.counts, query).toEqual(whole.counts)
    }
  })
})
