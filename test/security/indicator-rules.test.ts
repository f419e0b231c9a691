/**
 * Data a leader can trust. The impossible values of the report — 县域内就诊人次 1,200,000 of
 * 1,000,000 visits, more grouped cases (入组病例) than discharged (出院病例), more satisfied
 * questionnaires than returned — are refused with the rule they break named, however they arrive:
 * the value API, an import, the entry form. A 120% rate already stored is shown as invalid, never
 * 达标. Entry is approved only by a review; until then a unit corrects its values (each
 * correction kept as a version, and audited), and after it they are locked.
 */
import { readFileSync } from 'node:fs'
import { parse, stringify } from 'yaml'
import type { PolicyConfig } from '../../schemas/index.ts'
import { validatePolicyText } from '../../domain/compiler/validate-policy.ts'
import { parseFormula } from '../../domain/formula/parse-formula.ts'
import { rateBounds } from '../../domain/indicators/rate-bounds.ts'
import { MEISHAN_MEMBERS, enterValues, meishanInputs } from '../helpers/meishan.ts'
import { allPolicyFiles } from '../helpers/policy-files.ts'
import {
  copiedFixture,
  loginAs,
  makeTestApp,
  startBundledPlan,
  taskId,
} from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { pingnanYearlyEntry } from '../helpers/pingnan-entry.ts'

type Json = Record<string, any>

/** The three impossible pairs of the report: numerator, denominator, the figures entered. */
const IMPOSSIBLE = [
  { numerator: 'county_visits', denominator: 'total_visits', values: [1_200_000, 1_000_000] },
  { numerator: 'grouped_cases', denominator: 'discharged_cases', values: [1_100, 1_000] },
  {
    numerator: 'satisfied_questionnaires',
    denominator: 'returned_questionnaires',
    values: [120, 100],
  },
] as const

async function planConfig(t: TestApp, planId: string): Promise<PolicyConfig> {
  const row = await t.db
    .selectFrom('plan')
    .innerJoin('policy_version', 'policy_version.id', 'plan.policy_version_id')
    .select('policy_version.config')
    .where('plan.id', '=', planId)
    .executeTakeFirstOrThrow()
  return JSON.parse(row.config) as PolicyConfig
}

/** The rule a numerator over its denominator breaks: the config's own, else the automatic rate rule. */
function ruleFor(config: PolicyConfig, numerator: string, denominator: string): string {
  const reads = (text: string) => (parseFormula(text) as { elements?: string[] }).elements ?? []
  const own = (config.validationRules ?? []).find(
    (rule) => reads(rule.left).includes(numerator) && reads(rule.right).includes(denominator),
  )
  if (own) return own.id
  const rate = (config.indicators ?? []).find((indicator) =>
    indicator.formula?.replace(/\s+/g, '').startsWith(`${numerator}/${denominator}`),
  )
  return `rate:${rate!.id}`
}

/** Meishan's plan with 东坡区医共体 logged in: built once, and each test gets a copy. */
const meishanPlan = copiedFixture('2021-03-01T09:00:00+08:00', async (t) => {
  const { planId, policyId } = await startBundledPlan(t, 'meishan', MEISHAN_MEMBERS)
  return {
    planId,
    policyId,
    dongpo: await loginAs(t, 'dongpo', { units: [{ policyId, unitId: 'dongpo-mc' }] }),
  }
})

async function meishan() {
  const { t, planId, policyId, dongpo } = await meishanPlan()
  const config = await planConfig(t, planId)
  const stored = () =>
    t.db
      .selectFrom('indicator_value')
      .select(['element_id', 'value', 'version'])
      .where('plan_id', '=', planId)
      .orderBy('element_id')
      .execute()
  return { t, planId, policyId, dongpo, config, stored }
}

describe('impossible indicator values are refused, naming the rule', () => {
  it('on the value API: 422 invalid-values at the value’s pointer with the rule’s id and message, nothing stored', async () => {
    const { planId, dongpo, config, stored } = await meishan()
    for (const { numerator, denominator, values } of IMPOSSIBLE) {
      const response = await dongpo.put(`/api/plans/${planId}/indicator-values`, {
        values: [
          { element: numerator, unit: 'dongpo-mc', period: '2020', value: values[0] },
          { element: denominator, unit: 'dongpo-mc', period: '2020', value: values[1] },
        ],
      })
      expect(response.status).toBe(422)
      const body = (await response.json()) as Json
      expect(body.error.code).toBe('invalid-values')
      const id = ruleFor(config, numerator, denominator)
      expect(body.error.issues).toHaveLength(1)
      expect(body.error.issues[0]).toMatchObject({
        pointer: '/values/0/value',
        code: 'rule-violated',
        rule: { id, severity: 'error' },
      })
      expect(body.error.issues[0].rule.message.zh.length).toBeGreaterThan(0)
      expect(body.error.issues[0].message.zh).toContain(id)
      expect(body.error.message.zh).toContain(body.error.issues[0].rule.message.zh)
    }
    expect(await stored()).toEqual([])
  })

  it('weighs a value with what is stored: a numerator alone is refused against the stored denominator', async () => {
    const { planId, dongpo, config, stored } = await meishan()
    const base = `/api/plans/${planId}/indicator-values`
    expect(
      (
        await dongpo.put(base, {
          values: [
            { element: 'total_visits', unit: 'dongpo-mc', period: '2020', value: 1_000_000 },
          ],
        })
      ).status,
    ).toBe(200)
    const response = await dongpo.put(base, {
      values: [
        { element: '县域内就诊人次', unit: 'dongpo-mc', period: '2020', value: '1,200,000' },
      ],
    })
    expect(response.status).toBe(422)
    const body = (await response.json()) as Json
    expect(body.error.issues[0]).toMatchObject({
      pointer: '/values/0/value',
      rule: { id: ruleFor(config, 'county_visits', 'total_visits') },
    })
    expect(await stored()).toEqual([{ element_id: 'total_visits', value: '1000000', version: 1 }])
    // A plausible figure for the same period passes.
    expect(
      (
        await dongpo.put(base, {
          values: [{ element: 'county_visits', unit: 'dongpo-mc', period: '2020', value: 900_000 }],
        })
      ).status,
    ).toBe(200)
  })

  it('on import: all or nothing refuses the file with each rule at its row and column; keep-good keeps the sound rows', async () => {
    const { planId, dongpo, config, stored } = await meishan()
    const headers = IMPOSSIBLE.flatMap(({ numerator, denominator }) => [numerator, denominator])
    const csv = [
      ['单位', '期间', ...headers].join(','),
      ['dongpo-mc', '2020', ...IMPOSSIBLE.flatMap(({ values }) => values)].join(','),
      ['dongpo-mc', '2021', 900, 1000, 900, 1000, 90, 100].join(','),
    ].join('\n')
    const upload = (query: string) =>
      dongpo.raw(`/api/plans/${planId}/indicator-values/import${query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      })
    const refused = await upload('')
    expect(refused.status).toBe(422)
    const body = (await refused.json()) as Json
    expect(body.error.code).toBe('import-rejected')
    expect(
      body.error.issues.map((issue: Json) => [issue.pointer, issue.code, issue.rule.id]),
    ).toEqual([
      ['/rows/2/C', 'rule-violated', ruleFor(config, 'county_visits', 'total_visits')],
      ['/rows/2/E', 'rule-violated', ruleFor(config, 'grouped_cases', 'discharged_cases')],
      [
        '/rows/2/G',
        'rule-violated',
        ruleFor(config, 'satisfied_questionnaires', 'returned_questionnaires'),
      ],
    ])
    expect(body.error.issues[0].message.zh).toMatch(/^第 2 行 C 列：/)
    expect(await stored()).toEqual([])

    const dryRun = (await (await upload('?dryRun=true')).json()) as Json
    expect(dryRun).toMatchObject({ accepted: 6, rejectedCount: 3, applied: 0 })

    const kept = await upload('?mode=keep-good')
    expect(kept.status).toBe(200)
    expect(await kept.json()).toMatchObject({ applied: 6, rejectedCount: 3 })
    // Only 2021's sound row is stored.
    expect((await stored()).map((row) => row.value).sort()).toEqual([
      '100',
      '1000',
      '1000',
      '90',
      '900',
      '900',
    ])
  })

  it('on the entry form: SUBMIT is refused at /data/<field>, the task stays open and nothing is stored', async () => {
    const { t, planId, dongpo, config, stored } = await meishan()
    const id = await taskId(t, planId, 'indicator-entry-yearly', 'dongpo-mc', '2020')
    const response = await dongpo.post(`/api/tasks/${id}/events`, {
      type: 'SUBMIT',
      data: meishanInputs({
        rehab_payment_reform_started: false,
        county_visits: 1_200_000,
        total_visits: 1_000_000,
      }),
    })
    expect(response.status).toBe(422)
    const body = (await response.json()) as Json
    expect(body.error.code).toBe('invalid-values')
    expect(body.error.issues[0]).toMatchObject({
      pointer: '/data/county_visits',
      rule: { id: ruleFor(config, 'county_visits', 'total_visits') },
    })
    const task = await t.db
      .selectFrom('task')
      .select(['state', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(task).toEqual({ state: 'assigned', version: 1 })
    expect(await stored()).toEqual([])
  })
})

describe('an impossible rate is never 达标', () => {
  it('shows a stored 120% rate as invalid, with its value and why, not met', async () => {
    const { t, planId, dongpo } = await meishan()
    // Figures stored before the rules existed.
    await enterValues(
      t,
      planId,
      'dongpo-mc',
      '2020',
      meishanInputs({ county_visits: 1_200_000, total_visits: 1_000_000 }),
    )
    const body = (await (
      await dongpo.get(`/api/plans/${planId}/indicators?scope=dongpo-mc`)
    ).json()) as Json
    const point = body.indicators
      .find((indicator: Json) => indicator.id === 'county-visit-rate')
      .series.find((p: Json) => p.year === 2020)
    expect(point).toMatchObject({ value: '120', status: 'invalid' })
    expect(point.problem.zh).toContain('120%')
    // The same unit's plausible rates are still judged against their targets.
    const grouping = body.indicators
      .find((indicator: Json) => indicator.id === 'case-grouping-rate')
      .series.find((p: Json) => p.year === 2020)
    expect(grouping.status).toBe('met')
    // Rolled up, the impossible member is left out rather than inflating the region's figure.
    const region = (await (
      await dongpo.get(`/api/plans/${planId}/indicators?scope=region`)
    ).json()) as Json
    const regional = region.indicators
      .find((indicator: Json) => indicator.id === 'county-visit-rate')
      .series.find((p: Json) => p.year === 2020)
    expect(regional.status).not.toBe('met')
  })
})

describe('entry is approved only by review; until then values are corrected with history', () => {
  it('leaves an entry task nobody reviews submitted (not approved), and its values correctable as new versions', async () => {
    const { t, planId, dongpo, stored } = await meishan()
    const base = `/api/plans/${planId}/indicator-values`
    const values = Object.entries(meishanInputs({ rehab_payment_reform_started: false })).map(
      ([element, value]) => ({ element, unit: 'dongpo-mc', period: '2020', value }),
    )
    expect(await (await dongpo.put(base, { values })).json()).toEqual({
      applied: values.length,
      submittedTasks: 1,
    })
    const task = await t.db
      .selectFrom('task')
      .select(['state', 'reviewer'])
      .where('id', '=', await taskId(t, planId, 'indicator-entry-yearly', 'dongpo-mc', '2020'))
      .executeTakeFirstOrThrow()
    expect(task).toEqual({ state: 'submitted', reviewer: null })

    const corrected = await dongpo.put(base, {
      values: [{ element: 'county_visits', unit: 'dongpo-mc', period: '2020', value: 9100 }],
    })
    expect(corrected.status).toBe(200)
    expect(await corrected.json()).toMatchObject({ applied: 1, corrected: 1 })
    expect((await stored()).find((row) => row.element_id === 'county_visits')).toEqual({
      element_id: 'county_visits',
      value: '9100',
      version: 2,
    })
    const history = await t.db
      .selectFrom('indicator_value_version')
      .select(['element_id', 'version', 'value', 'replaced_by'])
      .where('plan_id', '=', planId)
      .execute()
    expect(history).toEqual([
      { element_id: 'county_visits', version: 1, value: '9000', replaced_by: expect.any(String) },
    ])
    const audit = await t.db
      .selectFrom('audit_log')
      .select('payload')
      .where('action', '=', 'indicator-values.put')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.payload)).toMatchObject({
      corrected: 1,
      corrections: [
        {
          element: 'county_visits',
          unit: 'dongpo-mc',
          period: '2020',
          from: '9000',
          to: '9100',
          version: 2,
        },
      ],
    })
    // The same value again is no correction.
    expect(
      await (
        await dongpo.put(base, {
          values: [{ element: 'county_visits', unit: 'dongpo-mc', period: '2020', value: 9100 }],
        })
      ).json(),
    ).toEqual({ applied: 1, submittedTasks: 0 })
  })

  it('locks the values once the reviewer approves: a later correction is refused as locked, on the API and on import', async () => {
    const t = await makeTestApp('2019-01-10T09:00:00+08:00')
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    const office = await loginAs(t, 'office', {
      units: [{ policyId, unitId: 'leadership-group-office' }],
    })
    const leader = await loginAs(t, 'group', { units: [{ policyId, unitId: 'leadership-group' }] })
    const id = await taskId(t, planId, 'indicator-entry-yearly', 'leadership-group-office', '2018')
    const page = (await (await office.get(`/api/tasks/${id}`)).json()) as {
      form: { required: string[] }
      reviewer?: unknown
    }
    const data = pingnanYearlyEntry(page.form.required)
    const submitted = await office.post(`/api/tasks/${id}/events`, { type: 'SUBMIT', data })
    expect(submitted.status, await submitted.clone().text()).toBe(200)
    expect(((await submitted.json()) as Json).state).toBe('submitted')

    // Under review, the office may still correct a figure.
    const base = `/api/plans/${planId}/indicator-values`
    const correct = (value: number) =>
      office.put(base, {
        values: [
          { element: 'participating_township_centers', unit: 'region', period: '2018', value },
        ],
      })
    expect((await correct(7)).status).toBe(200)

    expect((await leader.post(`/api/tasks/${id}/events`, { type: 'APPROVE' })).status).toBe(200)
    const locked = await correct(8)
    expect(locked.status).toBe(422)
    const body = (await locked.json()) as Json
    expect(body.error).toMatchObject({
      code: 'invalid-values',
      issues: [{ pointer: '/values/0/value', code: 'locked' }],
    })
    const file = await office.raw(`${base}/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: '单位,期间,participating_township_centers\nregion,2018,8\n',
    })
    expect(file.status).toBe(422)
    expect(((await file.json()) as Json).error.issues[0]).toMatchObject({
      pointer: '/rows/2/C',
      code: 'locked',
    })
    const value = await t.db
      .selectFrom('indicator_value')
      .select(['value', 'version'])
      .where('plan_id', '=', planId)
      .where('element_id', '=', 'participating_township_centers')
      .executeTakeFirstOrThrow()
    expect(value).toEqual({ value: '7', version: 2 })
  })
})

describe('validation rules in the policy language', () => {
  it('reports a rule reading an undeclared data element at its JSON pointer and line', () => {
    const config = parse(
      readFileSync('policies/meishan/medical-community-insurance-2020.yaml', 'utf8'),
    ) as Record<string, any>
    const rules = (config.validationRules ??= [])
    rules.push({
      id: 'typo-rule',
      left: 'county_visit',
      operator: '<=',
      right: 'total_visits',
      message: { zh: '错', en: 'wrong' },
    })
    const result = validatePolicyText(stringify(config), {
      readSource: () => readFileSync('policies/meishan/source.txt', 'utf8'),
    })
    expect(result.ok).toBe(false)
    const issue = result.issues.find(
      (i) => i.pointer === `/validationRules/${rules.length - 1}/left`,
    )
    expect(issue).toMatchObject({ code: 'formula-unknown-element', severity: 'error' })
    expect(issue!.line).toBeGreaterThan(1)
    expect(issue!.message.zh).toContain('county_visits')
  })
})

describe('the bundled plans state the rules their formulas imply', () => {
  it.each(allPolicyFiles())(
    '%s: every share’s numerator at most its denominator, as an error rule',
    (file) => {
      const result = validatePolicyText(readFileSync(file, 'utf8'), {
        readSource: (path) => readFileSync(file.replace(/[^/]+$/, path), 'utf8'),
      })
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const reads = (text: string) => (parseFormula(text) as { elements?: string[] }).elements ?? []
      const rules = result.policy.validationRules ?? []
      const missing = (result.policy.indicators ?? []).filter((indicator) => {
        const bounds = rateBounds(indicator)
        if (!bounds || bounds.formula.type !== 'binary') return false
        const [numerator, denominator] = reads(indicator.formula!)
        return !rules.some(
          (rule) =>
            rule.operator === '<=' &&
            (rule.severity ?? 'error') === 'error' &&
            reads(rule.left).includes(numerator!) &&
            reads(rule.right).includes(denominator!),
        )
      })
      expect(missing.map((indicator) => indicator.id)).toEqual([])
    },
  )
})
