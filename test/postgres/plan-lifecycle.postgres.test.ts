/**
 * A plan's lifecycle on PostgreSQL: two schedulers on two connections claim nothing of a suspended
 * plan (the plan's status is a condition of the claim itself); a resume with `fireMissed` fires
 * each missed timer once; a closed and archived plan refuses a task event.
 */
import type { Kysely } from 'kysely'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE } from '../helpers/minimal-policy.ts'
import { postgresTestApp, startMigratedPostgres } from '../helpers/postgres.ts'
import { loginAs, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

describe('a plan’s lifecycle on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let second: Kysely<Database>
  let t: TestApp
  let planId: string
  let policyId: string

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_lifecycle')
    second = await createDb({ kind: 'postgres', url: pg.url })
    t = postgresTestApp(pg, 'lifecycle', '2018-04-02T09:00:00+08:00')
    const clock = t.clock
    const { version } = await publishPolicy(t, clock, 'test', {
      yaml: MINIMAL_POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    const started = await startPlan(t, clock, 'test', { versionId: version.id })
    planId = started.plan.id
    policyId = started.plan.policy_id
  }, 120_000)

  afterAll(async () => {
    await second?.destroy()
    await pg?.stop()
  })

  const office = () => loginAs(t, 'office', { units: [{ policyId, unitId: 'leading-group' }] })

  it('claims no timer of a suspended plan from either connection, and fires the missed ones once on resume', async () => {
    expect(
      (await (await office()).post(`/api/plans/${planId}/suspend`, { reason: '暂停' })).status,
    ).toBe(200)
    t.clock.set('2018-04-19T10:00:00+08:00')
    const schedulers = await Promise.all([
      runDueTimers(t, t.clock, { owner: 'one' }),
      runDueTimers({ db: second, writes: new GroupCommitter(second) }, t.clock, { owner: 'two' }),
    ])
    expect(schedulers).toEqual([
      { fired: 0, skipped: 0 },
      { fired: 0, skipped: 0 },
    ])
    const resumed = await (await office()).post(`/api/plans/${planId}/resume`, { fireMissed: true })
    expect(resumed.status).toBe(200)
    const { fired } = (await resumed.json()) as { fired: Array<{ id: string }> }
    expect(fired.length).toBeGreaterThan(0)
    expect(new Set(fired.map((timer) => timer.id)).size).toBe(fired.length)
    expect(await runDueTimers(t, t.clock)).toEqual({ fired: 0, skipped: 0 })
  })

  it('refuses a task event once the plan is closed and archived, and keeps the audit chain whole', async () => {
    t.clock.set('2021-01-04T10:00:00+08:00')
    const governor = await office()
    expect((await governor.post(`/api/plans/${planId}/close`, { reason: '届满' })).status).toBe(200)
    expect((await governor.post(`/api/plans/${planId}/archive`, {})).status).toBe(200)
    const unit = await loginAs(t, 'health', { units: [{ policyId, unitId: 'health-bureau' }] })
    const task = await taskId(t, planId, 'draft-plan', 'health-bureau')
    const refused = await unit.post(`/api/tasks/${task}/events`, { type: 'START' })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'plan-archived' } })
    expect((await unit.get(`/api/tasks/${task}`)).status).toBe(200)
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })
})
