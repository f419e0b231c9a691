/**
 * In the browser, 修订计划 on the plan dashboard: the administrator picks the newer published
 * version (its change note shown), gives the rename of one measure's id, sees the preview as a
 * table by unit and by kind of change, applies it, and the plan runs on the new version.
 */
import { login } from '../helpers/durability-server.ts'
import type { HttpSession } from '../helpers/durability-server.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const NOTE = '补助资金限 2018 年 12 月底前落实，编号改为 subsidy-funding；新增年度评估'

/** 1.1.0: the funding measure renamed and given a deadline, and a new measure added. */
const REVISED = withReplaced(
  `  - id: funding
    title: 统筹落实补助资金
    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }
    source: { clause: 二、2, quote: 统筹落实补助资金 }`,
  `  - id: subsidy-funding
    title: 统筹落实补助资金
    lead: [finance-bureau]
    due: 2018年12月
    source: { clause: 二、2, quote: 统筹落实补助资金 }
  - id: evaluation
    title: 开展年度评估
    lead: [health-bureau]
    phase: supervision
    due: 2018年11月
    source: { clause: 二、1, quote: 县卫健局:牵头做好规划、协调和考核工作 }`,
  withReplaced('  version: 1.0.0', '  version: 1.1.0', MINIMAL_POLICY),
)

describe('revising a running plan (修订计划)', () => {
  let e2e: E2E
  let admin: HttpSession
  let planId: string

  beforeAll(async () => {
    e2e = await startE2E()
    admin = await login(e2e.server.baseUrl, 'admin', 'luoshi-demo')
    const author = await login(e2e.server.baseUrl, 'author', 'luoshi-demo')
    const published = await author.post('/api/policies', {
      yaml: MINIMAL_POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    expect(published.status).toBe(201)
    const started = await author.post('/api/plans', {
      policyId: 'demo-county-plan',
      version: '1.0.0',
    })
    expect(started.status).toBe(201)
    planId = ((await started.json()) as { plan: { id: string } }).plan.id
    const revised = await author.post('/api/policies', {
      yaml: REVISED,
      sourceText: MINIMAL_SOURCE,
      note: NOTE,
    })
    expect(revised.status, await revised.clone().text()).toBe(201)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('previews the move by unit and by change, then applies it', async () => {
    const page = await loginPage(e2e, 'admin', `#/plans/${planId}`)
    const migration = page.locator('ls-plan-migration')
    await migration.getByRole('button', { name: '修订计划' }).click()
    await migration
      .getByRole('heading', { name: '修订计划：从 1.0.0 版迁移到更新的版本' })
      .waitFor()
    expect(await migration.getByLabel('目标版本').inputValue()).toBe('1.1.0')
    expect(await migration.locator('.note').first().innerText()).toContain(NOTE)
    expect(await migration.getByRole('button', { name: '应用修订' }).isDisabled()).toBe(true)

    // Without the rename, both ids are named as unmatched.
    await migration.getByRole('button', { name: '预览' }).click()
    const preview = migration.locator('[part="preview"]')
    await preview.getByRole('heading', { name: '未能对应的元素' }).waitFor()
    const unmatched = await preview.locator('.unmatched').innerText()
    expect(unmatched).toContain('当前版本中：统筹落实补助资金（funding）')
    expect(unmatched).toContain('新版本中：统筹落实补助资金（subsidy-funding）')

    await migration.getByRole('button', { name: '添加改名' }).click()
    await migration.getByLabel('原标识').fill('funding')
    await migration.getByLabel('新标识').fill('subsidy-funding')
    await migration.getByRole('button', { name: '预览' }).click()
    await preview.locator('table.by-unit').waitFor()
    const byUnit = await preview.locator('table.by-unit').innerText()
    expect(byUnit).toContain('县财政局')
    expect(byUnit).toContain('改编号')
    expect(byUnit).toContain('截止日变化')
    expect(byUnit).toContain('— → 2018-12-31')
    expect(byUnit).toContain('开展年度评估')
    expect(await preview.locator('.unmatched').innerText()).not.toContain('funding')
    await screenshot(page, '50-plan-migration-preview-by-unit')
    // The preview wrote nothing: the plan is still on 1.0.0.
    const before = (await (await admin.get(`/api/plans/${planId}`)).json()) as {
      policy: { version: string }
    }
    expect(before.policy.version).toBe('1.0.0')

    await preview.getByRole('button', { name: '按变化' }).click()
    const added = preview.getByRole('heading', { name: '新增（1）' })
    await added.waitFor()
    // The last group is the one added; the kept tasks are folded away first.
    expect(await preview.locator('table.by-change').last().innerText()).toContain('县卫健局')
    await screenshot(page, '51-plan-migration-preview-by-change')

    await migration.getByRole('button', { name: '应用修订' }).click()
    await migration
      .getByRole('status')
      .filter({ hasText: '已修订：计划现按 1.1.0 版运行。' })
      .waitFor()
    await screenshot(page, '52-plan-migration-applied')
    const after = (await (await admin.get(`/api/plans/${planId}`)).json()) as {
      plan: { revision: number }
      policy: { version: string }
    }
    expect(after).toMatchObject({
      plan: { revision: 1, name: '示范县医改实施方案（1.1.0）' },
      policy: { version: '1.1.0' },
    })
    await page.locator('ls-dashboard h2', { hasText: '示范县医改实施方案（1.1.0）' }).waitFor()
    const tasks = (await (
      await admin.get(`/api/tasks?plan=${planId}&scope=all&assignee=finance-bureau`)
    ).json()) as { tasks: Array<{ sourceId: string; dueOn: string | null }> }
    expect(tasks.tasks.map((task) => [task.sourceId, task.dueOn])).toEqual([
      ['subsidy-funding', '2018-12-31'],
    ])
    await page.context().close()
  })
})
