/**
 * The assessment cycle over HTTP on Meishan's real config: values collected (through the
 * units' entry tasks) → scores computed → reviewed → published → consequences recorded →
 * 整改 tasks for each failing item. Real database file, real app, simulated clock.
 */
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { copiedFixture, loginAs, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import {
  enterValues as enter,
  MEISHAN_MEMBERS as MEMBERS,
  meishanInputs as inputs2021,
} from '../helpers/meishan.ts'

const BASE = '/api/plans'

describe('the assessment cycle', () => {
  let t: TestApp
  let planId: string
  let bureau: Client
  let dongpo: Client

  // Every test starts from Meishan's plan with three users logged in: built once, copied for each.
  // January 2022: the year 2021 has ended, so its entry tasks are open.
  const fixture = copiedFixture('2022-01-10T09:00:00+08:00', async (t) => {
    const { planId, policyId } = await startBundledPlan(t, 'meishan', MEMBERS)
    return {
      planId,
      policyId,
      bureau: await loginAs(t, 'bureau', {
        units: [{ policyId, unitId: 'city-healthcare-security-bureau' }],
      }),
      dongpo: await loginAs(t, 'dongpo', { units: [{ policyId, unitId: 'dongpo-mc' }] }),
      renshou: await loginAs(t, 'renshou', { units: [{ policyId, unitId: 'renshou-mc' }] }),
    }
  })

  beforeEach(async () => {
    ;({ t, planId, bureau, dongpo } = await fixture())
  })

  it('collects values through each unit’s yearly entry task, computes, reviews and publishes with consequences and 整改 tasks', async () => {
    // Dongpo reports through its entry task: the generated form asks for every input.
    const entryId = await taskId(t, planId, 'indicator-entry-yearly', 'dongpo-mc', '2021')
    const page = (await (await dongpo.get(`/api/tasks/${entryId}`)).json()) as {
      form: { properties: Record<string, { type: string; maximum?: number }> }
      kind: string
    }
    expect(page.kind).toBe('indicator-entry')
    expect(page.form.properties.county_visits!.type).toBe('integer')
    expect(page.form.properties.drg_charge_reform_started!.type).toBe('boolean')
    const submitted = await dongpo.post(`/api/tasks/${entryId}/events`, {
      type: 'SUBMIT',
      data: inputs2021({ county_visits: 8560, rehab_payment_reform_started: false }),
    })
    expect(submitted.status, await submitted.clone().text()).toBe(200)
    await enter(t, planId, 'renshou-mc', '2021', inputs2021({ violation_cost: 600000 }))

    const computed = await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, {
      year: 2021,
    })
    expect(computed.status).toBe(201)
    expect(await computed.json()).toMatchObject({
      run: { year: 2021, status: 'computed', version: 1 },
      units: 2,
      complete: 2,
    })

    const run = (await (
      await bureau.get(`${BASE}/${planId}/assessments/reform-assessment/runs/2021`)
    ).json()) as {
      results: Array<{
        unit: { id: string }
        total: string
        grade: { id: string }
        vetoedBy: string | null
      }>
    }
    const byUnit = Object.fromEntries(run.results.map((r) => [r.unit.id, r]))
    // 85.6%: 4 whole points short × 3 = 12 > 10, so 0 of 10; 89.5 in all → 良好.
    expect(byUnit['dongpo-mc']).toMatchObject({
      total: '89.5',
      grade: { id: 'good' },
      vetoedBy: null,
    })
    // 6‰ of the pooled fund in violations: 一票否决 whatever the score.
    expect(byUnit['renshou-mc']).toMatchObject({
      total: '99.5',
      grade: { id: 'fail' },
      vetoedBy: 'fund-supervision-veto',
    })

    // A unit sees its own result only; another unit's report is a 404.
    const own = (await (
      await dongpo.get(`${BASE}/${planId}/assessments/reform-assessment/runs/2021`)
    ).json()) as { results: unknown[] }
    expect(own.results).toHaveLength(1)
    expect(
      (
        await dongpo.get(
          `${BASE}/${planId}/assessments/reform-assessment/runs/2021/units/renshou-mc`,
        )
      ).status,
    ).toBe(404)

    // Publishing needs a review first; units cannot review.
    expect(
      (await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/publish`))
        .status,
    ).toBe(409)
    expect(
      (await dongpo.post(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/review`, {}))
        .status,
    ).toBe(403)
    expect(
      (
        await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/review`, {
          note: '数据已核对',
        })
      ).status,
    ).toBe(200)
    const published = await bureau.post(
      `${BASE}/${planId}/assessments/reform-assessment/runs/2021/publish`,
    )
    expect(published.status).toBe(200)
    // Dongpo lost points on one item; Renshou was vetoed.
    expect(await published.json()).toMatchObject({
      run: { status: 'published' },
      rectifications: 2,
    })

    const report = (await (
      await dongpo.get(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/units/dongpo-mc`)
    ).json()) as {
      score: { items: Array<{ id: string; score: string | null; explanation: { zh: string } }> }
      consequences: {
        grade: { id: string }
        effects: Array<{ text: string }>
        rectificationTasks: Array<{ id: string; item: string }>
      }
      rectifications: Array<{ item: string; state: string }>
      trend: Array<{ year: number; total: string }>
    }
    const visit = report.score.items.find((item) => item.id === 'county-visit-rate')!
    expect(visit.score).toBe('0')
    expect(visit.explanation.zh).toContain('85.6')
    expect(visit.explanation.zh).toContain('扣完为止')
    expect(report.consequences.effects.map((e) => e.text)).toEqual(['全额拨付约定“打包付费”总额'])
    expect(report.rectifications).toEqual([
      expect.objectContaining({ item: 'county-visit-rate', state: 'assigned' }),
    ])
    expect(report.trend).toEqual([expect.objectContaining({ year: 2021, total: '89.5' })])

    // The 整改 task is Dongpo's, reviewed by the assessor, in the ordinary lifecycle.
    const rectification = await taskId(
      t,
      planId,
      'rectification.reform-assessment.county-visit-rate',
      'dongpo-mc',
      '2021',
    )
    const task = (await (await dongpo.get(`/api/tasks/${rectification}`)).json()) as {
      title: string
      reviewer: string
      allowedEvents: string[]
      dueOn: string | null
      dueUnspecified: string
      finding: { zh: string }
    }
    // The year is in the title, and the task says what the result was: value against target.
    expect(task.title).toBe('整改：县域内就诊率（2021 年紧密型县域医共体医疗保障管理改革考核）')
    expect(task.finding.zh).toMatch(
      /^2021 年考核结果：得 \d+(\.\d+)? 分（满分 \d+ 分）。县域内就诊率 .*90/,
    )
    // The document sets no 整改 after assessment, so no date either, and the task says why.
    expect(task.dueOn).toBeNull()
    expect(task.dueUnspecified).toContain('未规定整改时限')
    expect(task.reviewer).toBe('city-healthcare-security-bureau')
    expect(task.allowedEvents).toContain('SUBMIT')

    // A published year is final.
    const again = await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, {
      year: 2021,
    })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'assessment-published',
    )
  })

  it('reports missing data instead of scoring it as zero, and refuses to publish until it is entered', async () => {
    const { county_visits: _, ...partial } = inputs2021()
    await enter(t, planId, 'dongpo-mc', '2021', partial)
    await enter(t, planId, 'renshou-mc', '2021', inputs2021())
    await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, { year: 2021 })
    const run = (await (
      await bureau.get(`${BASE}/${planId}/assessments/reform-assessment/runs/2021`)
    ).json()) as {
      results: Array<{
        unit: { id: string }
        complete: boolean
        total: string | null
        missing: string[]
      }>
    }
    expect(run.results.find((r) => r.unit.id === 'dongpo-mc')).toMatchObject({
      complete: false,
      total: null,
      missing: ['county_visits'],
    })
    await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/review`, {})
    const refused = await bureau.post(
      `${BASE}/${planId}/assessments/reform-assessment/runs/2021/publish`,
    )
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as {
      error: { code: string; message: { zh: string }; issues: Array<{ pointer: string }> }
    }
    expect(body.error.code).toBe('assessment-incomplete')
    expect(body.error.message.zh).toContain('东坡区医共体（缺 县域内就诊人次）')
    expect(body.error.issues[0]!.pointer).toBe('/units/dongpo-mc')

    // Entering the value and recomputing sends the run back to review, then it publishes.
    await enter(t, planId, 'dongpo-mc', '2021', { county_visits: 9100 })
    const recomputed = await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, {
      year: 2021,
    })
    expect(await recomputed.json()).toMatchObject({
      run: { status: 'computed', version: 2 },
      complete: 2,
    })
    await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/review`, {})
    const published = await bureau.post(
      `${BASE}/${planId}/assessments/reform-assessment/runs/2021/publish`,
    )
    expect(await published.json()).toMatchObject({ rectifications: 0 })
  })

  it('names the item that cannot be computed (a division by zero) when it refuses to publish', async () => {
    await enter(t, planId, 'dongpo-mc', '2021', inputs2021())
    await enter(t, planId, 'renshou-mc', '2021', inputs2021({ discharged_cases: 0 }))
    await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, { year: 2021 })
    await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/review`, {})
    const refused = await bureau.post(
      `${BASE}/${planId}/assessments/reform-assessment/runs/2021/publish`,
    )
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as {
      error: {
        code: string
        message: { zh: string }
        issues: Array<{ pointer: string; message: { zh: string } }>
      }
    }
    expect(body.error.code).toBe('assessment-incomplete')
    expect(body.error.issues).toEqual([expect.objectContaining({ pointer: '/units/renshou-mc' })])
    expect(body.error.issues[0]!.message.zh).toMatch(/^「.+」无法计算：.*(除数|为零|0)/)
    expect(body.error.message.zh).not.toContain('缺 ）')
  })

  it('builds a year from monthly values when no annual value was entered, and shows the trend over years', async () => {
    await enter(
      t,
      planId,
      'dongpo-mc',
      '2020',
      inputs2021({ county_visits: 8700, rehab_payment_reform_started: false }),
    )
    const { county_visits: _, total_visits: __, ...rest } = inputs2021()
    await enter(t, planId, 'dongpo-mc', '2021', rest)
    for (let month = 1; month <= 12; month += 1) {
      await enter(t, planId, 'dongpo-mc', `2021-${String(month).padStart(2, '0')}`, {
        county_visits: 750,
        total_visits: 830,
      })
    }
    await enter(t, planId, 'renshou-mc', '2020', inputs2021({ rehab_payment_reform_started: true }))
    await enter(t, planId, 'renshou-mc', '2021', inputs2021())
    for (const year of [2020, 2021]) {
      await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, { year })
      await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs/${year}/review`, {})
      expect(
        (await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs/${year}/publish`))
          .status,
      ).toBe(200)
    }
    const report = (await (
      await bureau.get(`${BASE}/${planId}/assessments/reform-assessment/runs/2021/units/dongpo-mc`)
    ).json()) as {
      score: { items: Array<{ id: string; measures?: Array<{ value: string }> }> }
      trend: Array<{ year: number; total: string; grade: { id: string }; vetoedBy: string | null }>
    }
    // 9,000 of 9,960 visits over the year = 90.36…%: summed months, not the last month's rate.
    expect(
      report.score.items.find((i) => i.id === 'county-visit-rate')!.measures![0]!.value,
    ).toMatch(/^90\.36/)
    // 2020: 87% against 88% → one point short, 3 off (96.5); 2021 on target (99.5).
    expect(report.trend.map((point) => [point.year, point.total, point.vetoedBy])).toEqual([
      [2020, '96.5', null],
      [2021, '99.5', null],
    ])
  })

  it('checks the year and who may compute', async () => {
    expect(
      (await dongpo.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, { year: 2021 }))
        .status,
    ).toBe(403)
    const bad = await bureau.post(`${BASE}/${planId}/assessments/reform-assessment/runs`, {
      year: '2021',
    })
    expect(bad.status).toBe(400)
    expect(
      (await bureau.get(`${BASE}/${planId}/assessments/reform-assessment/runs/21`)).status,
    ).toBe(400)
    expect((await bureau.get(`${BASE}/${planId}/assessments/no-such/runs/2021`)).status).toBe(404)
    const list = (await (await bureau.get(`${BASE}/${planId}/assessments`)).json()) as {
      assessments: Array<{ id: string; subjects: number; may: { publish: boolean } }>
    }
    expect(list.assessments).toEqual([
      expect.objectContaining({
        id: 'reform-assessment',
        subjects: 2,
        may: { compute: true, review: true, publish: true },
      }),
    ])
  })

  it('dates 整改 tasks from publication when the config gives a period, with reminders and escalation', async () => {
    const yaml = readFileSync(
      'policies/meishan/medical-community-insurance-2020.yaml',
      'utf8',
    ).replace(
      '      due:\n        unspecified: 文件未规定考核后整改，更未规定整改时限\n',
      '      due: 30日内\n',
    )
    expect(yaml).toContain('      due: 30日内\n      inference: >-')
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: yaml.replace('version: 1.1.0', 'version: 1.1.1'),
      sourceText: readFileSync('policies/meishan/source.txt', 'utf8'),
    })
    const dated = (await startPlan(t, t.clock, 'test', { versionId: version.id, members: MEMBERS }))
      .plan.id
    await enter(t, dated, 'dongpo-mc', '2021', inputs2021({ grouped_cases: 850 }))
    await enter(t, dated, 'renshou-mc', '2021', inputs2021())
    const runs = `${BASE}/${dated}/assessments/reform-assessment/runs`
    await bureau.post(runs, { year: 2021 })
    await bureau.post(`${runs}/2021/review`, {})
    expect(await (await bureau.post(`${runs}/2021/publish`)).json()).toMatchObject({
      rectifications: 1,
    })
    const task = await t.db
      .selectFrom('task')
      .select(['id', 'source_id', 'opens_on', 'due_on', 'due_phrase'])
      .where('plan_id', '=', dated)
      .where('kind', '=', 'rectification')
      .executeTakeFirstOrThrow()
    // Published on 2022-01-10: due 30 days later; 85% grouped is 5 points short → 病例入组率.
    expect(task).toMatchObject({
      source_id: 'rectification.reform-assessment.case-grouping',
      opens_on: '2022-01-10',
      due_on: '2022-02-09',
      due_phrase: '30日内',
    })
    const timers = await t.db
      .selectFrom('timer')
      .select('kind')
      .where('task_id', '=', task.id)
      .execute()
    expect(timers.map((timer) => timer.kind)).toEqual(['remind'])
  })
})
