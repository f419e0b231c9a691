/**
 * In the browser, a plan's life on its dashboard: the administrator suspends it (a reason is
 * required), the banner shows on the dashboard and on a task's page, resumes it, closes it early
 * — the close dialog lists the open tasks first and waits for `force`; each unit's work left
 * undone shows, and neither sign-off nor members are offered — and archives it; the closed task
 * shows 未完成关闭 and the archived plan offers no move any more.
 */
import { login } from '../helpers/durability-server.ts'
import type { HttpSession } from '../helpers/durability-server.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE } from '../helpers/minimal-policy.ts'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

describe('a plan’s lifecycle on its dashboard', () => {
  let e2e: E2E
  let admin: HttpSession
  let planId: string
  let taskId: string

  beforeAll(async () => {
    e2e = await startE2E(undefined, process.env.PORT ? { PORT: process.env.PORT } : {})
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
      name: '示范县医改实施方案',
    })
    expect(started.status).toBe(201)
    planId = ((await started.json()) as { plan: { id: string } }).plan.id
    const tasks = await admin.get(`/api/tasks?plan=${planId}&scope=all&assignee=health-bureau`)
    taskId = ((await tasks.json()) as { tasks: Array<{ id: string }> }).tasks[0]!.id
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('suspends, resumes, closes early and archives the plan, each after a confirmation', async () => {
    const page = await loginPage(e2e, 'admin', `#/plans/${planId}`)
    const lifecycle = page.locator('ls-dashboard ls-plan-lifecycle')
    const actions = lifecycle.getByRole('group', { name: '计划状态' })
    await actions.getByRole('button', { name: '暂停' }).waitFor()
    expect(await actions.innerText()).toContain('运行中')
    await screenshot(page, '50-plan-lifecycle-running')

    // 暂停: a reason is required before anything is sent.
    await actions.getByRole('button', { name: '暂停' }).click()
    const suspend = lifecycle.getByRole('dialog', { name: '暂停计划' })
    await suspend.getByRole('button', { name: '暂停' }).click()
    await suspend.getByRole('alert').filter({ hasText: '请填写原因' }).waitFor()
    await suspend.getByLabel('原因').fill('机构改革，暂停推进')
    await screenshot(page, '51-plan-lifecycle-suspend-dialog')
    await suspend.getByRole('button', { name: '暂停' }).click()
    const banner = lifecycle.locator('[part="banner"]')
    await banner.filter({ hasText: '暂停：机构改革，暂停推进' }).waitFor()
    await actions.getByRole('button', { name: '恢复' }).waitFor()
    await screenshot(page, '52-plan-lifecycle-suspended')

    // The task's page says so too, and still reads.
    const task = await page.context().newPage()
    await task.goto(`${e2e.server.baseUrl}/#/tasks/${taskId}`)
    await task
      .locator('ls-task-page [part="banner"]')
      .filter({ hasText: '任务暂不能办理' })
      .waitFor()
    await screenshot(task, '53-plan-lifecycle-task-suspended')

    // 恢复, letting the missed notices go (the default).
    await actions.getByRole('button', { name: '恢复' }).click()
    const resume = lifecycle.getByRole('dialog', { name: '恢复计划' })
    expect(await resume.getByLabel('暂停期间到期的提醒与督办现在各发出一次').isChecked()).toBe(
      false,
    )
    await resume.getByRole('button', { name: '恢复' }).click()
    await lifecycle.getByRole('status').filter({ hasText: '计划已恢复' }).waitFor()
    await banner.waitFor({ state: 'detached' })

    // 关闭 before the period ends: the open tasks are listed, and only force lets it go.
    const open = await admin.post(`/api/plans/${planId}/close`, { dryRun: true })
    const openTasks = ((await open.json()) as { openTasks: unknown[] }).openTasks
    await actions.getByRole('button', { name: '关闭' }).click()
    const close = lifecycle.getByRole('dialog', { name: '关闭计划' })
    await close.getByText(`未完成的任务（${openTasks.length}）`).waitFor()
    expect(await close.locator('tbody tr').count()).toBe(openTasks.length)
    expect(await close.innerText()).toContain('有效期至 2020-12-31，尚未届满')
    const confirm = close.getByRole('button', { name: '关闭', exact: true })
    expect(await confirm.isDisabled()).toBe(true)
    await close.getByLabel('强制提前关闭（须说明原因）').check()
    await close.getByLabel('原因', { exact: true }).fill('政策调整，提前结束')
    await screenshot(page, '54-plan-lifecycle-close-preview')
    await confirm.click()
    await banner.filter({ hasText: '关闭：政策调整，提前结束' }).waitFor()
    await page.locator('ls-dashboard [part="summary"]').getByText('未完成关闭').waitFor()
    // Each unit's undone work shows; nothing offers to sign off or to add members any more.
    await page
      .locator('ls-unit-progress')
      .getByRole('columnheader', { name: '未完成关闭' })
      .waitFor()
    expect(await page.locator('ls-phase-gates').getByRole('button', { name: '签认' }).count()).toBe(
      0,
    )
    expect(
      await page.locator('ls-dashboard').getByRole('button', { name: '设置成员' }).count(),
    ).toBe(0)
    await screenshot(page, '55-plan-lifecycle-closed')

    // 归档: read-only from then on; no move is offered any more.
    await actions.getByRole('button', { name: '归档' }).click()
    const archive = lifecycle.getByRole('dialog', { name: '归档计划' })
    await archive.getByRole('button', { name: '归档' }).click()
    await banner.filter({ hasText: '归档，只读' }).waitFor()
    expect(await actions.getByRole('button').count()).toBe(0)
    await screenshot(page, '56-plan-lifecycle-archived')

    await task.reload()
    const taskPage = task.locator('ls-task-page')
    await taskPage.locator('[part="banner"]').filter({ hasText: '归档，只读' }).waitFor()
    await taskPage.locator('.badge.state-closed').filter({ hasText: '未完成关闭' }).waitFor()
    await taskPage.getByText('计划关闭，未完成：政策调整，提前结束').first().waitFor()
    await screenshot(task, '57-plan-lifecycle-task-archived')
    await page.context().close()
  })
})
