/**
 * The assessment reports in Chromium, on Meishan's real config. An author starts a Meishan plan
 * with two 医共体 and enters their 2020 and 2021 values; the assessor (市医疗保障局) publishes 2020
 * through the API, then — in the browser — computes 2021, reviews it with a note, publishes it,
 * opens a unit's report (explanations, grade, consequences, trend), downloads it as Excel, prints
 * it, and follows the link to the 整改 task publication created.
 */
import type { Page } from 'playwright-core'
import { loginPage, rendersChinese, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const POLICY = 'meishan-medical-community-insurance'
const ASSESSOR = 'meishan.city-healthcare-security-bureau'

/** Every input of Meishan's annex on target, except what `over` changes (as in test/api/assessment-cycle.test.ts). */
function inputs(over: Record<string, number | boolean> = {}): Record<string, number | boolean> {
  return {
    county_visits: 9000,
    total_visits: 10000,
    medical_cost: 1050000,
    service_count: 1000,
    medical_cost_prev: 1000000,
    service_count_prev: 1000,
    inpatient_bed_days: 8000,
    discharged_cases: 1000,
    grouped_cases: 900,
    day_surgery_kinds: 10,
    day_surgery_cases: 400,
    six_disease_managed: 850,
    six_disease_patients: 1000,
    inpatient_personal_cost: 300,
    inpatient_total_cost: 1000,
    satisfied_questionnaires: 95,
    returned_questionnaires: 100,
    drg_charge_reform_started: false,
    agreement_suspended_or_terminated: false,
    referred_to_judiciary: false,
    violation_cost: 0,
    pooled_fund_incurred: 100000000,
    ...over,
  }
}

/** 东坡: 2020 on target but for one point (96.5); 2021 at 85.6 % in the county (89.5, 良好). 仁寿: vetoed in 2021. */
const VALUES: Array<{ unit: string; period: number; values: Record<string, number | boolean> }> = [
  {
    unit: 'dongpo-mc',
    period: 2020,
    values: inputs({ county_visits: 8700, rehab_payment_reform_started: false }),
  },
  { unit: 'dongpo-mc', period: 2021, values: inputs({ county_visits: 8560 }) },
  { unit: 'renshou-mc', period: 2020, values: inputs({ rehab_payment_reform_started: true }) },
  { unit: 'renshou-mc', period: 2021, values: inputs({ violation_cost: 600000 }) },
]

/** A JSON request from inside the signed-in page, with the session's CSRF token. */
async function call<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json()
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: response.status, json: (await response.json()) as T }
    },
    { method, path, body },
  )
}

describe('assessment reports in Chromium', () => {
  let e2e: E2E
  let assessor: Page
  let planId: string
  let base: string

  beforeAll(async () => {
    e2e = await startE2E('2021-12-20T09:00:00+08:00')
    const author = await loginPage(e2e, 'author')
    const policies = await call<{ policies: Array<{ policyId: string; version: string }> }>(
      author,
      'GET',
      '/api/policies',
    )
    const version = policies.json.policies.find((policy) => policy.policyId === POLICY)!.version
    const members = {
      'medical-communities': [
        { id: 'dongpo-mc', name: '东坡区医共体' },
        { id: 'renshou-mc', name: '仁寿县医共体' },
      ],
    }
    const started = await call<{ plan: { id: string } }>(author, 'POST', '/api/plans', {
      policyId: POLICY,
      version,
      name: '眉山市医共体医保管理改革（考核演示）',
      members,
    })
    expect(started.status).toBe(201)
    planId = started.json.plan.id
    const values = VALUES.flatMap(({ unit, period, values }) =>
      Object.entries(values).map(([element, value]) => ({ element, unit, period, value })),
    )
    const entered = await call(author, 'PUT', `/api/plans/${planId}/indicator-values`, { values })
    expect(entered.status, JSON.stringify(entered.json)).toBe(200)
    await author.context().close()

    assessor = await loginPage(e2e, ASSESSOR, `#/plans/${planId}/assessments`)
    base = `/api/plans/${planId}/assessments/reform-assessment/runs`
    expect((await call(assessor, 'POST', base, { year: 2020 })).status).toBe(201)
    expect((await call(assessor, 'POST', `${base}/2020/review`, {})).status).toBe(200)
    expect((await call(assessor, 'POST', `${base}/2020/publish`)).status).toBe(200)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('lists the plan’s assessment with its published year and a form to compute the next', async () => {
    await assessor.reload()
    await assessor.getByRole('heading', { name: '紧密型县域医共体医疗保障管理改革考核' }).waitFor()
    await assessor.getByRole('link', { name: '查看 2020 年结果' }).waitFor()
    expect(await assessor.getByRole('button', { name: '计算 2021 年考核结果' }).isVisible()).toBe(
      true,
    )
    await screenshot(assessor, '30-assessment-list')
  })

  it('computes 2021, reviews it with a note and publishes it', async () => {
    await assessor.getByLabel('考核年度').fill('2021')
    await assessor.getByRole('button', { name: '计算 2021 年考核结果' }).click()
    await assessor.getByRole('heading', { name: /2021 年考核结果/ }).waitFor()
    const dongpo = assessor.getByRole('row', { name: /东坡区医共体/ })
    await dongpo.getByText('良好').waitFor()
    expect(await dongpo.innerText()).toContain('89.5')
    const renshou = assessor.getByRole('row', { name: /仁寿县医共体/ })
    expect(await renshou.innerText()).toContain('一票否决：医保基金监管')
    await assessor.getByLabel('审核意见（可选）').fill('数据已与信息系统核对')
    await assessor.getByRole('button', { name: '审核通过' }).click()
    await assessor.getByText('审核意见：数据已与信息系统核对').waitFor()
    await screenshot(assessor, '31-assessment-run-reviewed')
    await assessor.getByRole('button', { name: '公布结果' }).click()
    await assessor.getByRole('alertdialog', { name: '确认公布 2021 年考核结果？' }).waitFor()
    await assessor.getByRole('button', { name: '确认公布' }).click()
    await assessor.getByText('已公布，生成整改任务 2 项。').waitFor()
    expect(await assessor.locator('.badge.status-published').first().innerText()).toBe('已公布')
    await screenshot(assessor, '32-assessment-run-published')
  })

  it('opens a unit’s report: explanations, grade and consequences in Chinese, the trend, the Excel', async () => {
    await assessor.getByRole('link', { name: '东坡区医共体' }).click()
    await assessor.getByRole('heading', { name: '东坡区医共体 2021 年考核结果' }).waitFor()
    await assessor
      .getByText('县域内就诊率 85.6%，目标 ≥90%（2021 年目标），差 4.4 个百分点', { exact: false })
      .waitFor()
    expect(await assessor.getByText('扣完为止（以 10 分为限）').isVisible()).toBe(true)
    expect(await assessor.getByText('等次「良好」：70 分及以上、90 分以下').isVisible()).toBe(true)
    const recorded = assessor.locator('section[aria-labelledby=consequences-title]')
    expect(await recorded.innerText()).toContain('全额拨付约定“打包付费”总额')
    expect(await recorded.getByRole('link', { name: '整改：县域内就诊率' }).isVisible()).toBe(true)
    const trend = assessor.locator('section[aria-labelledby=trend-title]')
    expect(await trend.getByRole('row', { name: /2020 年/ }).innerText()).toContain('96.5')
    // A chart draws once it comes near the viewport.
    await trend.locator('.chart').scrollIntoViewIfNeeded()
    await trend.locator('.chart canvas').waitFor()
    expect(await rendersChinese(assessor)).toBe(true)
    await assessor.waitForTimeout(500) // let the chart draw
    await screenshot(assessor, '33-assessment-unit-report')

    const [download] = await Promise.all([
      assessor.waitForEvent('download'),
      assessor.getByRole('link', { name: '下载 Excel' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(
      '2021年紧密型县域医共体医疗保障管理改革考核-东坡区医共体.xlsx',
    )

    await assessor.emulateMedia({ media: 'print' })
    expect(await assessor.getByRole('navigation', { name: 'main' }).isVisible()).toBe(false)
    expect(await assessor.getByRole('button', { name: '打印' }).isVisible()).toBe(false)
    await screenshot(assessor, '34-assessment-unit-report-print')
    await assessor.emulateMedia({ media: 'screen' })
  })

  it('follows the link to the 整改 task publication created', async () => {
    await assessor.getByRole('link', { name: '整改：县域内就诊率' }).click()
    await assessor.getByRole('heading', { name: /整改：县域内就诊率/ }).waitFor()
    expect(await assessor.getByText('东坡区医共体').first().isVisible()).toBe(true)
    await screenshot(assessor, '35-rectification-task')
  })
})
