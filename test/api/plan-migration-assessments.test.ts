/**
 * Revising a running plan keeps what an assessment published: Meishan's 2021 results are published
 * on its bundled version; a revision lowers the 县域内就诊率 target of 2021 and sets one for 2022.
 * After the plan moves to it, the published 2021 year is not rescored (and cannot be recomputed);
 * the year not yet published is scored by the revised table.
 */
import { readFileSync } from 'node:fs'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { enterValues, MEISHAN_MEMBERS, meishanInputs } from '../helpers/meishan.ts'
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'

const YAML = readFileSync('policies/meishan/medical-community-insurance-2020.yaml', 'utf8')
const BEFORE = `              - year: 2021
                op: '>='
                value: 90
            step: 1
            points: 3`
const AFTER = `              - year: 2021
                op: '>='
                value: 85
              - year: 2022
                op: '>='
                value: 85
            step: 1
            points: 3`

describe('POST /api/plans/:id/migration and published assessments', () => {
  it('never rescores a published year; the revised scoring table applies to the years not yet published', async () => {
    const t = await makeTestApp('2021-12-20T09:00:00+08:00')
    const { planId, policyId } = await startBundledPlan(t, 'meishan', MEISHAN_MEMBERS)
    const runs = `/api/plans/${planId}/assessments/reform-assessment/runs`
    let bureau = await loginAs(t, 'bureau', {
      units: [{ policyId, unitId: 'city-healthcare-security-bureau' }],
    })
    // 85.6% against a 2021 target of 90: four points short, the item scores 0 of 10.
    await enterValues(t, planId, 'dongpo-mc', '2021', meishanInputs({ county_visits: 8560 }))
    await enterValues(t, planId, 'renshou-mc', '2021', meishanInputs())
    expect((await bureau.post(runs, { year: 2021 })).status).toBe(201)
    expect((await bureau.post(`${runs}/2021/review`, { note: '已核对' })).status).toBe(200)
    expect((await bureau.post(`${runs}/2021/publish`)).status).toBe(200)
    const published = await t.db
      .selectFrom('assessment_result')
      .innerJoin('assessment_run', 'assessment_run.id', 'assessment_result.run_id')
      .selectAll('assessment_result')
      .where('assessment_run.period', '=', '2021')
      .orderBy('unit_id')
      .execute()
    const runBefore = await t.db.selectFrom('assessment_run').selectAll().execute()

    t.clock.set('2022-12-20T09:00:00+08:00')
    expect(YAML.split(BEFORE)).toHaveLength(2)
    // The config's own scoring test of 2021 keeps its expectation: 4.4 points short of 85 now.
    expect(YAML.split('          county-visit-rate: 85.6\n')).toHaveLength(2)
    // And its case of a started step: 0.01 short of 85 still costs a step.
    expect(YAML.split('          county-visit-rate: 89.99\n')).toHaveLength(2)
    // And its 2022 case, against the 2022 target of 85 the revision sets.
    expect(YAML.split('          county-visit-rate: 89.5\n')).toHaveLength(2)
    const revised = YAML.replace(BEFORE, AFTER)
      .replace('          county-visit-rate: 85.6\n', '          county-visit-rate: 80.6\n')
      .replace('          county-visit-rate: 89.99\n', '          county-visit-rate: 84.99\n')
      .replace('          county-visit-rate: 89.5\n', '          county-visit-rate: 84.5\n')
      .replace(/^ {2}version: 1\.1\.0$/m, '  version: 1.2.0')
    expect(revised).toContain('  version: 1.2.0')
    await publishPolicy(t, t.clock, 'test', {
      yaml: revised,
      sourceText: readFileSync('policies/meishan/source.txt', 'utf8'),
      note: '2021 年县域内就诊率目标调整为 85%，并规定 2022 年目标',
    })
    const admin = await loginAs(t, 'root', { roles: ['admin'] })
    const path = `/api/plans/${planId}/migration`
    const preview = await admin.post(path, { toVersion: '1.2.0', dryRun: true })
    expect(preview.status, await preview.clone().text()).toBe(200)
    const { planRevision } = (await preview.json()) as { planRevision: number }
    const applied = await admin.post(path, { toVersion: '1.2.0', planRevision })
    expect(applied.status, await applied.clone().text()).toBe(200)

    // The published year stands as published: the same rows, and no recomputation.
    const after = await t.db
      .selectFrom('assessment_result')
      .innerJoin('assessment_run', 'assessment_run.id', 'assessment_result.run_id')
      .selectAll('assessment_result')
      .where('assessment_run.period', '=', '2021')
      .orderBy('unit_id')
      .execute()
    expect(after).toEqual(published)
    expect(await t.db.selectFrom('assessment_run').selectAll().execute()).toEqual(runBefore)
    bureau = await loginAs(t, 'bureau')
    const recompute = await bureau.post(runs, { year: 2021 })
    expect(recompute.status).toBe(409)
    expect((await recompute.json()).error.code).toBe('assessment-published')
    const report = (await (await bureau.get(`${runs}/2021`)).json()) as {
      results: Array<{ unit: { id: string }; total: string }>
    }
    expect(report.results.find((r) => r.unit.id === 'dongpo-mc')!.total).toBe('89.5')

    // 2022 is scored by the revised table: 85.6% meets its target of 85, full marks.
    await enterValues(t, planId, 'dongpo-mc', '2022', meishanInputs({ county_visits: 8560 }))
    await enterValues(t, planId, 'renshou-mc', '2022', meishanInputs())
    expect((await bureau.post(runs, { year: 2022 })).status).toBe(201)
    const unit = (await (await bureau.get(`${runs}/2022/units/dongpo-mc`)).json()) as {
      score: { items: Array<{ id: string; score: string | null }> }
    }
    expect(unit.score.items.find((item) => item.id === 'county-visit-rate')!.score).toBe('10')
  })
})
