/**
 * The runtime on PostgreSQL: the same code as on SQLite (Kysely's Postgres dialect), a real
 * server, and the behaviours that depend on the database — transactions, optimistic versions,
 * the audit chain under concurrent writers, and timers fired once by two schedulers.
 */
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { Kysely } from 'kysely'
import { createApp } from '../../server/app.ts'
import { SimulatedClock } from '../../server/clock.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { clearPlanCache } from '../../server/plan-model/plan-context.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { loginAs, taskId } from '../helpers/test-app.ts'
import { upsertValues } from '../../server/indicators/value-store.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { startPostgres } from '../helpers/postgres.ts'
import type { TestPostgres } from '../helpers/postgres.ts'

const POLICY = 'pingnan-medical-alliance'

describe('the runtime on PostgreSQL', () => {
  let pg: TestPostgres
  let db: Kysely<Database>
  let second: Kysely<Database>
  let t: TestApp
  let planId: string

  beforeAll(async () => {
    pg = await startPostgres()
    clearPlanCache()
    db = await createDb({ kind: 'postgres', url: pg.url })
    second = await createDb({ kind: 'postgres', url: pg.url })
    await migrateToLatest(db)
    const clock = new SimulatedClock('2018-04-02T09:00:00+08:00')
    const writes = new GroupCommitter(db)
    t = {
      app: createApp({
        db,
        reads: db,
        clock,
        writes,
        files: `${tmpdir()}/luoshi-pg-files-${process.pid}`,
      }),
      db,
      file: pg.url,
      clock,
      writes,
    }
    const { version } = await publishPolicy(t, clock, 'test', {
      yaml: readFileSync('policies/pingnan/medical-alliance-2018.yaml', 'utf8'),
      sourceText: readFileSync('policies/pingnan/source.txt', 'utf8'),
    })
    planId = (await startPlan(t, clock, 'test', { versionId: version.id })).plan.id
  }, 60_000)

  afterAll(async () => {
    await db?.destroy()
    await second?.destroy()
    await pg?.stop()
  })

  it('starts the plan with every task and timer', async () => {
    const row = await db
      .selectFrom('task')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow()
    expect(Number(row.n)).toBeGreaterThan(100)
    const timers = await db
      .selectFrom('timer')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow()
    expect(Number(timers.n)).toBeGreaterThan(20)
  })

  it('runs a lead/support measure through the API: contributions, return, resubmission, approval', async () => {
    const unit = (unitId: string) => ({ units: [{ policyId: POLICY, unitId }] })
    const finance = await loginAs(t, 'finance', unit('county-finance-bureau'))
    const office = await loginAs(t, 'office', {
      roles: ['reviewer'],
      ...unit('leadership-group-office'),
    })
    const lead = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    for (const unitId of ['county-reform-office', 'county-health-bureau']) {
      const supporter = await loginAs(t, unitId, unit(unitId))
      const id = await taskId(t, planId, 'safeguard-funding', unitId)
      expect(
        (
          await supporter.post(`/api/tasks/${id}/events`, {
            type: 'SUBMIT',
            data: { summary: '配合意见' },
          })
        ).status,
      ).toBe(200)
      expect((await finance.post(`/api/tasks/${id}/events`, { type: 'APPROVE' })).status).toBe(200)
    }
    const steps = [
      [finance, { type: 'SUBMIT', data: { summary: '已落实' } }, 'submitted'],
      [office, { type: 'RETURN', reason: '请补充' }, 'returned'],
      [finance, { type: 'RESUBMIT', data: { summary: '已补充' } }, 'submitted'],
      [office, { type: 'APPROVE' }, 'approved'],
    ] as const
    for (const [client, body, state] of steps) {
      const response = await client.post(`/api/tasks/${lead}/events`, body)
      expect(response.status).toBe(200)
      expect((await response.json()).state).toBe(state)
    }
  })

  it('refuses a NUL character (which PostgreSQL cannot store) with 400, not a 500', async () => {
    const login = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'finance\u0000', password: 'x' }),
    })
    expect(login.status).toBe(400)
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId: POLICY, unitId: 'county-finance-bureau' }],
    })
    const saved = await finance.post(
      `/api/tasks/${await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')}/events`,
      { type: 'SAVE', data: { summary: 'a\u0000b' } },
    )
    expect(saved.status).toBe(400)
    expect((await saved.json()).error.issues[0].pointer).toBe('/data/summary')
    expect((await finance.get('/api/tasks?assignee=%00')).status).toBe(400)
  })

  it('lets exactly one of two conflicting reviews win, and the audit chain stays whole', async () => {
    const price = await loginAs(t, 'price', {
      units: [{ policyId: POLICY, unitId: 'county-price-bureau' }],
    })
    const officeA = await loginAs(t, 'office-a', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'leadership-group-office' }],
    })
    const officeB = await loginAs(t, 'office-b', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'leadership-group-office' }],
    })
    const id = await taskId(t, planId, 'duty-price-bureau', 'county-price-bureau')
    await price.post(`/api/tasks/${id}/events`, { type: 'SUBMIT', data: { summary: '已完善' } })
    const results = await Promise.all([
      officeA.post(`/api/tasks/${id}/events`, { type: 'APPROVE' }),
      officeB.post(`/api/tasks/${id}/events`, { type: 'RETURN', reason: '不同意' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true })
  })

  it('fires each due timer once with two schedulers on separate connection pools', async () => {
    const clock = new SimulatedClock('2018-12-31T12:00:00+08:00')
    const [a, b] = await Promise.all([
      runDueTimers(t, clock, { owner: 'a', batch: 10 }),
      runDueTimers({ db: second, writes: new GroupCommitter(second) }, clock, {
        owner: 'b',
        batch: 10,
      }),
    ])
    const fired = await db
      .selectFrom('timer')
      .select(['id', 'claimed_by'])
      .where('status', '=', 'fired')
      .execute()
    expect(a.fired + b.fired).toBe(fired.length)
    expect(fired.length).toBeGreaterThan(50)
    const pendingDue = await db
      .selectFrom('timer')
      .select('id')
      .where('status', '=', 'pending')
      .where('fire_at', '<=', clock.now().toISOString())
      .execute()
    expect(pendingDue).toEqual([])
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true })
  })
  it('scores an assessment year on PostgreSQL: value upserts, compute, review, publish with 整改 tasks', async () => {
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: readFileSync('policies/meishan/medical-community-insurance-2020.yaml', 'utf8'),
      sourceText: readFileSync('policies/meishan/source.txt', 'utf8'),
    })
    const members = { 'medical-communities': [{ id: 'dongpo-mc', name: '东坡区医共体' }] }
    const meishan = (await startPlan(t, t.clock, 'test', { versionId: version.id, members })).plan
      .id
    const value = (element: string, v: string) => ({
      plan_id: meishan,
      element_id: element,
      unit_id: 'dongpo-mc',
      period: '2021',
      value: v,
      source: 'api' as const,
      task_id: null,
      entered_by: 'test',
      entered_at: '2021-12-20T01:00:00Z',
    })
    const inputs: Record<string, string> = {
      county_visits: '8000',
      total_visits: '10000',
      medical_cost: '1050000',
      service_count: '1000',
      medical_cost_prev: '1000000',
      service_count_prev: '1000',
      inpatient_bed_days: '8000',
      discharged_cases: '1000',
      grouped_cases: '900',
      day_surgery_kinds: '10',
      day_surgery_cases: '400',
      six_disease_managed: '850',
      six_disease_patients: '1000',
      inpatient_personal_cost: '300',
      inpatient_total_cost: '1000',
      satisfied_questionnaires: '873',
      returned_questionnaires: '1000',
      drg_charge_reform_started: 'true',
      rehab_payment_reform_started: 'false',
      agreement_suspended_or_terminated: 'false',
      referred_to_judiciary: 'false',
      violation_cost: '0',
      pooled_fund_incurred: '100000000',
    }
    await upsertValues(
      db,
      Object.entries(inputs).map(([element, v]) => value(element, v)),
    )
    // A corrected value replaces the first (ON CONFLICT … DO UPDATE on PostgreSQL).
    await upsertValues(db, [value('county_visits', '8860')])
    const bureau = await loginAs(t, 'ms-bureau', {
      units: [
        {
          policyId: 'meishan-medical-community-insurance',
          unitId: 'city-healthcare-security-bureau',
        },
      ],
    })
    const base = `/api/plans/${meishan}/assessments/reform-assessment/runs`
    expect((await bureau.post(base, { year: 2021 })).status).toBe(201)
    expect((await bureau.post(`${base}/2021/review`, {})).status).toBe(200)
    const published = await bureau.post(`${base}/2021/publish`)
    expect(await published.json()).toMatchObject({ rectifications: 1 })
    const report = (await (await bureau.get(`${base}/2021/units/dongpo-mc`)).json()) as {
      score: { total: string; grade: { id: string } }
    }
    // 88.6%: 1.4 points short of 90, a started point counting whole → 2 steps, 10 − 6 = 4;
    // satisfaction 87.3% × 10 = 8.73; +10 DRG bonus.
    expect(report.score).toMatchObject({ total: '102.73', grade: { id: 'excellent' } })
    // A correction through the API keeps the value it replaces as a version (row-value IN on PostgreSQL).
    const admin = await loginAs(t, 'pg-admin', { roles: ['admin'] })
    const corrected = await admin.put(`/api/plans/${meishan}/indicator-values`, {
      values: [{ element: 'county_visits', unit: 'dongpo-mc', period: '2021', value: 8870 }],
    })
    expect(await corrected.json()).toMatchObject({ applied: 1, corrected: 1 })
    const history = await db
      .selectFrom('indicator_value_version')
      .select(['element_id', 'value', 'version'])
      .where('plan_id', '=', meishan)
      .execute()
    expect(history).toEqual([{ element_id: 'county_visits', value: '8860', version: 1 }])
    const refused = await admin.put(`/api/plans/${meishan}/indicator-values`, {
      values: [{ element: 'county_visits', unit: 'dongpo-mc', period: '2021', value: 12000 }],
    })
    expect(refused.status).toBe(422)
  })
})
