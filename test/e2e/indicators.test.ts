/**
 * Indicators and policy tests in the browser: a leader reads the Meishan demo plan's indicators
 * against their targets on the dashboard and switches scope; a 医共体 imports a CSV with one bad
 * row (checked first, then only the good rows); an author sees the config's policy tests
 * pass in the editor, breaks an expected score and sees which case fails and why.
 *
 * The clock is in January 2023: the plan's years are 2020–2022, and 2022 is not reported yet — its
 * entry tasks opened when the year ended and are due by the end of January.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { COUNTY_VISIT_RATE } from '../../server/bootstrap/demo-indicator-values.ts'
import { ROOT } from '../helpers/durability-server.ts'
import { loginPage, rendersChinese, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const POLICY = 'meishan-medical-community-insurance'

/** 洪雅县医共体's 县域内就诊率 in the demo, 2019–2021: below the target (88, then 90) both years. */
const HONGYA = COUNTY_VISIT_RATE.hongya

/** Charts drawn on screen: each `.chart` of the trends inside the viewport has its canvas. */
async function visibleChartsDrawn(page: Page): Promise<{ visible: number; drawn: number }> {
  const charts = page.locator('ls-indicator-trends .chart')
  const viewport = page.viewportSize()!
  let visible = 0
  let drawn = 0
  for (let i = 0; i < (await charts.count()); i++) {
    const box = await charts.nth(i).boundingBox()
    if (!box || box.y + box.height < 0 || box.y > viewport.height) continue
    visible++
    if ((await charts.nth(i).locator('canvas').count()) > 0) drawn++
  }
  return { visible, drawn }
}

describe('indicators and policy tests in Chromium', () => {
  let e2e: E2E
  let demoPlanId: string

  beforeAll(async () => {
    e2e = await startE2E('2023-01-10T09:00:00+08:00')
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows a leader the demo plan’s indicators against their targets, drawing the charts in view', async () => {
    // Meishan's demo has no leadership account; the administrator oversees every plan.
    const leader = await loginPage(e2e, 'admin', '#/dashboard')
    demoPlanId = await leader.evaluate(async (policy) => {
      const { plans } = await (await fetch('/api/plans')).json()
      return plans.find((plan: { policy_id: string }) => plan.policy_id === policy).id as string
    }, POLICY)
    await leader.goto(`${e2e.server.baseUrl}/#/plans/${demoPlanId}`)
    const trends = leader.locator('ls-indicator-trends')
    const visits = trends.locator('[data-indicator="county-visit-rate"]')
    await visits.waitFor({ timeout: 30_000 })
    await visits.scrollIntoViewIfNeeded()
    await visits.locator('.chart canvas').waitFor()
    expect(await leader.getByRole('heading', { name: '指标与目标' }).count()).toBe(1)
    // Those with a value or a target in 2022 first, by category; the rest folded below them.
    expect(await trends.locator('h4:visible').allInnerTexts()).toEqual(['工作目标', '考核指标'])
    expect(await visits.locator('.direction').innerText()).toBe('↑ 越高越好')
    expect(
      await trends.locator('[data-indicator="average-cost-growth"] .direction').innerText(),
    ).toBe('↓ 越低越好')
    // 2022 has no value yet: 未填报 in the table (never a 0), against the year's target all the same;
    // nor has 2023, the year now under way.
    const rows = visits.locator('tbody tr')
    expect((await rows.nth(0).locator('td').allInnerTexts())[2]).toBe('未填报')
    expect(await rows.nth(1).locator('td').allInnerTexts()).toEqual([
      '≥ 88%',
      '≥ 90%',
      '≥ 90%',
      '≥ 90%',
    ])
    expect(await trends.locator('.tally').innerText()).toMatch(
      /^眉山市：\d+ 项指标（按最新年度）：达标 \d+ 项/,
    )
    const { visible, drawn } = await visibleChartsDrawn(leader)
    expect(visible).toBeGreaterThan(0)
    expect(drawn).toBe(visible)
    // Charts far below are drawn only when scrolled to.
    const last = trends.locator('.card:visible').last()
    expect(await last.locator('canvas').count()).toBe(0)
    await last.scrollIntoViewIfNeeded()
    await last.locator('.chart canvas').waitFor()
    expect(await rendersChinese(leader)).toBe(true)
    await screenshot(leader, '30-indicator-trends')

    const scope = trends.getByLabel('查看范围')
    await scope.selectOption('medical-communities')
    await trends.locator('.tally', { hasText: '紧密型县域医共体' }).waitFor()
    expect(await trends.locator('.tally').innerText()).toContain('由 6 个单位汇总')
    await scope.selectOption('hongya-mc')
    await trends.locator('.tally', { hasText: '洪雅县医共体' }).waitFor()
    expect(await rows.nth(0).locator('td').allInnerTexts()).toEqual([
      `${HONGYA[1]}%`,
      `${HONGYA[2]}%`,
      '未填报',
      '未填报',
    ])
    const statuses = await rows.nth(2).locator('td').allInnerTexts()
    expect(statuses.slice(0, 2).every((status) => status.startsWith('未达标（差距'))).toBe(true)
    expect(await visits.locator('.badge').innerText()).toBe('2021 未达标')
    await visits.scrollIntoViewIfNeeded()
    await visits.locator('.chart canvas').waitFor()
    await screenshot(leader, '31-indicator-trends-unit')
    await leader.context().close()
  })

  // 2022 is open: the demo's 2021 values were approved in review and are locked against import.
  it('lets a 医共体 check a CSV, see the bad row and why, and import only the good rows', async () => {
    const bureau = await loginPage(e2e, 'meishan.dongpo-mc', `#/plans/${demoPlanId}`)
    await bureau.getByRole('link', { name: '导入指标数据' }).click()
    const page = bureau.locator('ls-indicator-import')
    await page.getByRole('heading', { name: /导入指标数据/ }).waitFor()
    const csv = [
      '单位,期间,县域内就诊人次（人次）,参保人员就诊总人次（人次）',
      '东坡区医共体,2022,4650000,5030000',
      'dongpo-mc,2020,九万,',
    ].join('\n')
    await page.locator('input[type=file]').setInputFiles({
      name: '东坡区2022.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    })
    await page.getByRole('button', { name: '先检查' }).click()
    const rejected = page.locator('[part=report] tbody tr')
    await rejected.first().waitFor()
    expect(await rejected.count()).toBe(1)
    expect(await rejected.first().locator('th, td').allInnerTexts()).toEqual([
      '3',
      'C',
      '东坡区医共体',
      '2020',
      '县域内就诊人次',
      '县域内就诊人次（county_visits）应为数字，收到「九万」',
    ])
    const choices = page.locator('fieldset')
    expect(await choices.innerText()).toContain('只导入 1 行合格数据，1 行被拒绝')
    expect(await choices.innerText()).toContain('将不导入任何数据')
    await screenshot(bureau, '32-indicator-import-check')
    await page.getByRole('button', { name: '只导入合格数据' }).click()
    await page.getByText('已导入 2 个数值（2 行数据，1 处被拒绝）').waitFor()
    await page.getByLabel('期间').fill('2022')
    await page.getByRole('button', { name: '查看' }).click()
    // The row just imported (the table may still hold other periods' rows while it reloads).
    const stored = page
      .locator('table.values tbody tr', { hasText: '县域内就诊人次' })
      .filter({ hasText: '4,650,000 人次' })
    await stored.first().waitFor()
    expect(await stored.first().innerText()).toContain('2022')
    expect(await stored.first().innerText()).toContain('文件导入')
    await screenshot(bureau, '33-indicator-import-done')
    await bureau.context().close()
  })

  it('lets a 医共体 report its year through the entry task’s generated form', async () => {
    const unit = await loginPage(e2e, 'meishan.qingshen-mc', '#/inbox')
    await unit.getByRole('link', { name: '指标数据填报（年度）' }).first().waitFor()
    const { id: entry, dueOn } = await unit.evaluate(async () => {
      const { tasks } = await (await fetch('/api/tasks?period=2022')).json()
      return tasks.find(
        (task: { sourceId: string }) => task.sourceId === 'indicator-entry-yearly',
      ) as { id: string; dueOn: string }
    })
    // 2022's figures are due by the end of the January after it.
    expect(dueOn).toBe('2023-01-31')
    await unit.goto(`${e2e.server.baseUrl}/#/tasks/${entry}`)
    const form = unit.locator('ls-json-form')
    await form.getByLabel('县域内就诊人次').waitFor()
    // The unit of measure follows the box; a count takes whole numbers only.
    expect(
      await form.locator('.field', { hasText: '县域内就诊人次' }).locator('.unit').innerText(),
    ).toBe('人次')
    await form.getByLabel('县域内就诊人次').fill('12.5')
    await form.getByLabel('县域内就诊人次').blur()
    await form
      .getByText(/整数|integer/)
      .first()
      .waitFor()
    const numbers = form.locator('input[inputmode]')
    for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill('100')
    await form.getByLabel('县域内就诊人次').fill('9120')
    await form.getByLabel('参保人员就诊总人次').fill('10000')
    await form.getByLabel('已开展 DRG 收付费改革工作').check()
    await screenshot(unit, '36-indicator-entry-form')
    await unit.getByRole('button', { name: '提交', exact: true }).click()
    await unit
      .getByText(/已通过|待审核/)
      .first()
      .waitFor()
    const stored = await unit.evaluate(
      async (planId) =>
        await (
          await fetch(`/api/plans/${planId}/indicator-values?unit=qingshen-mc&period=2022`)
        ).json(),
      demoPlanId,
    )
    const values = Object.fromEntries(
      (stored.values as Array<{ element: string; value: string }>).map((row) => [
        row.element,
        row.value,
      ]),
    )
    expect(values).toMatchObject({
      county_visits: '9120',
      total_visits: '10000',
      drg_charge_reform_started: 'true',
      agreement_suspended_or_terminated: 'false',
    })
    await unit.context().close()
  })

  it('runs the policy tests in the editor: 8/8 pass, a broken expected total fails with its reason', async () => {
    const author = await loginPage(e2e, 'author', '#/author')
    await author.getByLabel('政策', { exact: true }).selectOption(POLICY)
    const header = author.locator('#tests-title')
    await header.getByText('8/8 通过').waitFor({ timeout: 30_000 })
    const yaml = readFileSync(
      join(ROOT, 'policies/meishan/medical-community-insurance-2020.yaml'),
      'utf8',
    )
    const caseLine =
      yaml.split('\n').findIndex((line) => line.includes('- name: 2021 年各项恰好达标（优秀）')) + 1
    const first = author.locator('ls-policy-tests li', { hasText: '2021 年各项恰好达标（优秀）' })
    expect(await first.locator('.facts').innerText()).toBe(
      `2021 年 · 总分 99.5 · 优秀 · 第 ${caseLine} 行`,
    )
    await screenshot(author, '34-editor-policy-tests')

    await first.getByRole('button').click()
    await author.locator('.cm-activeLineGutter', { hasText: String(caseLine) }).waitFor()
    // Down from the case's first line to its expected total, as a person would: the editor draws
    // only the lines near its viewport, so the total's line may not be drawn yet.
    await author.locator('.cm-activeLine').click()
    for (let i = 0; i < 40; i++) {
      if ((await author.locator('.cm-activeLine').innerText()).includes('total: 99.5')) break
      await author.keyboard.press('ArrowDown')
    }
    expect(await author.locator('.cm-activeLine').innerText()).toContain('total: 99.5')
    await author.keyboard.press('End')
    for (let i = 0; i < 4; i++) await author.keyboard.press('Backspace')
    await author.keyboard.type('98.5')
    await header.getByText('7/8 通过').waitFor({ timeout: 30_000 })
    const failed = author.locator('ls-policy-tests li.fail')
    expect(await failed.count()).toBe(1)
    expect(await failed.locator('.name').innerText()).toBe('2021 年各项恰好达标（优秀）')
    expect(await failed.locator('.failures').innerText()).toContain('总分应为 98.5，实为 99.5')
    expect(await author.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true)
    expect(await author.getByText('考核测试未全部通过，不能发布。').isVisible()).toBe(true)
    await screenshot(author, '35-editor-policy-test-failed')
  })
})
