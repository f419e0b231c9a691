/** `npm start`'s demo: loads once, and a second start on the same data adds nothing. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Decimal } from 'decimal.js'
import { DEMO_POLICY_ID } from '../../server/bootstrap/demo-indicator-values.ts'
import { seedDemo } from '../../server/bootstrap/seed-demo.ts'
import type { DemoAccount } from '../../server/bootstrap/seed-demo.ts'
import { demoUnitFor, seedIndicatorValues } from '../../server/bootstrap/seed-indicator-values.ts'
import { checkValue } from '../../server/indicators/check-value.ts'
import { entryInputs } from '../../server/indicators/inputs.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { allPolicyFiles } from '../helpers/policy-files.ts'
import { makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

describe('the demo seed', () => {
  // Seeding the demo takes seconds, so it is seeded once per instant the tests seed it at: tests
  // that only read share that database, and a test that writes gets its own copy of it.
  const seedings = new Map<string, Promise<{ t: TestApp; accounts: DemoAccount[] }>>()
  const seededAt = (start: string) => {
    let seeding = seedings.get(start)
    if (!seeding) {
      seeding = makeTestApp(start).then(async (t) => ({
        t,
        accounts: await seedDemo(t, t.clock, 'policies'),
      }))
      seedings.set(start, seeding)
    }
    return seeding
  }

  it('publishes the bundled policies, starts a plan per region, creates accounts, and is idempotent', async () => {
    const seeded = await seededAt('2018-09-05T09:00:00+08:00')
    // A copy: seeding again must add nothing, but it could write.
    const t = await makeTestApp('2018-09-05T09:00:00+08:00', { from: seeded.t.file })
    const accounts = seeded.accounts
    expect(accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining([
        'admin',
        'author',
        'pingnan.county-finance-bureau',
        'meishan.dongpo-healthcare-security-bureau',
      ]),
    )
    const count = async () => ({
      plans: (await t.db.selectFrom('plan').select('id').execute()).length,
      versions: (await t.db.selectFrom('policy_version').select('id').execute()).length,
      users: (await t.db.selectFrom('app_user').select('id').execute()).length,
      tasks: (await t.db.selectFrom('task').select('id').execute()).length,
      values: (await t.db.selectFrom('indicator_value').select('value').execute()).length,
      runs: (await t.db.selectFrom('assessment_run').select('id').execute()).length,
    })
    const first = await count()
    // One plan per region folder that holds a policy.
    const regions = new Set(allPolicyFiles().map((file) => file.split('/')[1])).size
    expect(first.plans).toBe(regions)
    expect(first.versions).toBe(regions)
    expect(first.values).toBeGreaterThan(500)
    expect(first.runs).toBe(2)
    await seedDemo(t, t.clock, 'policies')
    expect(await count()).toEqual(first)
  }, 60_000)

  it('scores the Meishan demo: 2020 published with its consequences and 整改 tasks, 2021 awaiting review', async () => {
    // Any day after the scored years; the entry-task test below seeds on this one.
    const { t } = await seededAt('2022-03-01T09:00:00+08:00')
    const runs = await t.db
      .selectFrom('assessment_run')
      .select(['period', 'status'])
      .orderBy('period')
      .execute()
    expect(runs).toEqual([
      { period: '2020', status: 'published' },
      { period: '2021', status: 'computed' },
    ])
    const results = await t.db
      .selectFrom('assessment_result')
      .innerJoin('assessment_run', 'assessment_run.id', 'assessment_result.run_id')
      .select(['period', 'unit_id', 'complete', 'total', 'grade_id', 'consequences'])
      .orderBy('period')
      .orderBy('unit_id')
      .execute()
    expect(results).toHaveLength(12)
    // Real-looking data: every county complete, and more than one grade among them.
    expect(results.every((row) => row.complete === 1)).toBe(true)
    expect(new Set(results.map((row) => row.grade_id)).size).toBeGreaterThan(1)
    expect(
      results.filter((row) => row.period === '2020').every((row) => row.consequences !== null),
    ).toBe(true)
    const rectifications = await t.db
      .selectFrom('task')
      .select(['id', 'assignee', 'source_id'])
      .where('kind', '=', 'rectification')
      .execute()
    expect(rectifications.length).toBeGreaterThan(0)
    // A started step counts (达到的得满分): 洪雅 misses 88 % by 0.6 and 75 % by 0.4 in 2020, so
    // neither item keeps full marks and each gets its 整改 task; 青神 is 良好, not 优秀.
    const of = (unit: string) =>
      results.find((row) => row.period === '2020' && row.unit_id === unit)!
    expect(of('hongya-mc')).toMatchObject({ total: '72.84', grade_id: 'good' })
    expect(of('qingshen-mc')).toMatchObject({ total: '80.07', grade_id: 'good' })
    expect(
      rectifications
        .filter((task) => task.assignee === 'hongya-mc')
        .map((task) => task.source_id.split('.').pop()),
    ).toEqual(expect.arrayContaining(['county-visit-rate', 'chronic-disease-management']))
  }, 60_000)

  it('loads the Meishan indicator data: each county’s counts reproduce its intended rates', async () => {
    const { t } = await seededAt('2018-09-05T09:00:00+08:00')
    const plan = await t.db
      .selectFrom('plan')
      .select('id')
      .where('policy_id', '=', DEMO_POLICY_ID)
      .executeTakeFirstOrThrow()
    const value = async (unit: string, period: string, element: string) => {
      const row = await t.db
        .selectFrom('indicator_value')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('unit_id', '=', unit)
        .where('period', '=', period)
        .where('element_id', '=', element)
        .executeTakeFirstOrThrow()
      expect(row).toMatchObject({ source: 'demo', entered_by: 'system' })
      return new Decimal(row.value)
    }
    // 仁寿县 in 2020 is the report's national 县域内就诊率, 90.24 %; 洪雅县 misses the 88 % target.
    const renshou = demoUnitFor(await loadPlanContext(t.db, plan.id), 'renshou')!
    expect(renshou).toBe('renshou-mc')
    expect(
      (await value(renshou, '2020', 'county_visits'))
        .div(await value(renshou, '2020', 'total_visits'))
        .times(100)
        .toString(),
    ).toBe('90.24')
    expect(
      (await value('hongya-mc', '2020', 'county_visits'))
        .div(await value('hongya-mc', '2020', 'total_visits'))
        .times(100)
        .toNumber(),
    ).toBeLessThan(88)
    // 彭山区's 基层门急诊占比 is the report's 55.13 % in 2020, 52.81 % (the national 2019 figure) before.
    for (const [period, rate] of [
      ['2019', '52.81'],
      ['2020', '55.13'],
    ]) {
      expect(
        (await value('pengshan-mc', period!, 'primary_outpatient_visits'))
          .div(await value('pengshan-mc', period!, 'outpatient_visits'))
          .times(100)
          .toString(),
      ).toBe(rate)
    }
    // The region holds the counties' sums, and every seeded value passes the entry checks.
    const counties = await t.db
      .selectFrom('indicator_value')
      .select('value')
      .where('plan_id', '=', plan.id)
      .where('period', '=', '2021')
      .where('element_id', '=', 'total_visits')
      .where('unit_id', '!=', 'region')
      .execute()
    expect(counties).toHaveLength(6)
    expect((await value('region', '2021', 'total_visits')).toString()).toBe(
      counties.reduce((sum, row) => sum.plus(row.value), new Decimal(0)).toString(),
    )
    const inputs = entryInputs((await loadPlanContext(t.db, plan.id)).model.config)
    const rows = await t.db
      .selectFrom('indicator_value')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .execute()
    for (const row of rows)
      expect(checkValue(inputs.get(row.element_id)!, row.value)).toEqual({
        ok: true,
        value: row.value,
      })
    expect(new Set(rows.map((row) => row.period))).toEqual(new Set(['2019', '2020', '2021']))
  }, 60_000)

  it('closes the entry tasks of the years the demo reported, so none is overdue for data already in', async () => {
    const { t } = await seededAt('2022-03-01T09:00:00+08:00')
    const plan = await t.db
      .selectFrom('plan')
      .select('id')
      .where('policy_id', '=', DEMO_POLICY_ID)
      .executeTakeFirstOrThrow()
    const entry = await t.db
      .selectFrom('task')
      .select(['assignee', 'period', 'state'])
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'indicator-entry')
      .where('source_id', '=', 'indicator-entry-yearly')
      .where('period', 'in', ['2020', '2021'])
      .execute()
    expect(entry).toHaveLength(12) // six 医共体 × two years
    expect(entry.filter((task) => task.state !== 'approved')).toEqual([])
  }, 60_000)

  it('puts a county’s values on its 医共体 when the plan has medical communities', async () => {
    const t = await makeTestApp('2021-01-05T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'meishan', {
      'medical-communities': [{ id: 'dongpo-mc', name: '东坡区医共体' }],
    })
    const context = await loadPlanContext(t.db, planId)
    expect(await seedIndicatorValues(t, t.clock, context)).toBeGreaterThan(0)
    expect(await seedIndicatorValues(t, t.clock, context)).toBe(0)
    const units = await t.db
      .selectFrom('indicator_value')
      .select('unit_id')
      .distinct()
      .where('plan_id', '=', planId)
      .execute()
    expect(units.map((row) => row.unit_id).sort()).toEqual(['dongpo-mc', 'region'])
  })

  it('keeps the published version when a bundled file changed without a new version number', async () => {
    const t = await makeTestApp('2018-09-05T09:00:00+08:00')
    const folder = mkdtempSync(join(tmpdir(), 'luoshi-policies-'))
    cpSync('policies/pingnan', join(folder, 'pingnan'), { recursive: true })
    await seedDemo(t, t.clock, folder)
    const file = join(folder, 'pingnan', 'medical-alliance-2018.yaml')
    const original = readFileSync(file, 'utf8')
    const edited = original.replace('summary: >-', 'summary: >-\n    （修订）')
    expect(edited).not.toBe(original)
    writeFileSync(file, edited)
    await expect(seedDemo(t, t.clock, folder)).resolves.toBeDefined()
    expect((await t.db.selectFrom('policy_version').select('id').execute()).length).toBe(1)
  }, 60_000)
})
