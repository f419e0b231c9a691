/**
 * In the browser, the dashboard's warning of a group with no member opens the members editor:
 * the office picks a unit of the config and adds a new one, sees the preview of the tasks each
 * will get, applies, and the warning goes away.
 */
import { login } from '../helpers/durability-server.ts'
import type { HttpSession } from '../helpers/durability-server.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

/** The minimal policy with its funding duty owned by the open group `hospitals` (县级医院). */
const GROUP_OWNED = withReplaced(
  `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }`,
  `    lead: [hospitals]
    due: { unspecified: 文件未规定完成时限 }`,
)

describe('the members editor', () => {
  let e2e: E2E
  let admin: HttpSession
  let planId: string

  beforeAll(async () => {
    e2e = await startE2E(undefined, process.env.PORT ? { PORT: process.env.PORT } : {})
    admin = await login(e2e.server.baseUrl, 'admin', 'luoshi-demo')
    const author = await login(e2e.server.baseUrl, 'author', 'luoshi-demo')
    const published = await author.post('/api/policies', {
      yaml: GROUP_OWNED,
      sourceText: MINIMAL_SOURCE,
    })
    expect(published.status).toBe(201)
    const started = await author.post('/api/plans', {
      policyId: 'demo-county-plan',
      version: '1.0.0',
    })
    expect(started.status).toBe(201)
    const body = (await started.json()) as { plan: { id: string }; unassigned: string[] }
    expect(body.unassigned).toEqual(['hospitals'])
    planId = body.plan.id
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('names a group’s members from the dashboard warning, previewing the tasks before applying', async () => {
    const page = await loginPage(e2e, 'admin', `#/plans/${planId}`)
    const warning = page.locator('ls-dashboard section.unassigned')
    await warning.getByRole('heading', { name: '无人承办的工作' }).waitFor()
    expect(await warning.innerText()).toContain('统筹落实补助资金')
    await warning.getByRole('button', { name: '设置成员' }).click()

    const editor = page.locator('ls-members-editor')
    await editor.getByRole('heading', { name: '「县级医院」的成员' }).waitFor()
    await editor.getByLabel('选择配置中的单位').selectOption({ label: '县卫健局' })
    await editor.getByLabel('新单位标识（如 town-clinic）').fill('town-clinic')
    await editor.getByLabel('新单位名称').fill('城关镇卫生院')
    await editor.getByRole('button', { name: '新增单位' }).click()
    const members = editor.getByRole('list', { name: '「县级医院」的成员' })
    expect(await members.innerText()).toContain('城关镇卫生院')
    expect(await editor.getByRole('button', { name: '应用' }).isDisabled()).toBe(true)

    await editor.getByRole('button', { name: '预览变化' }).click()
    const preview = editor.locator('[part="preview"]')
    await preview.getByRole('heading', { name: '将建立的任务' }).waitFor()
    const previewText = await preview.innerText()
    expect(previewText).toContain('县卫健局')
    expect(previewText).toContain('城关镇卫生院')
    expect(previewText).toContain('统筹落实补助资金')
    await screenshot(page, '40-members-editor-preview')
    // The preview wrote nothing: the plan still has no task for the new unit.
    const before = await admin.get(`/api/tasks?plan=${planId}&scope=all&assignee=town-clinic`)
    expect(((await before.json()) as { tasks: unknown[] }).tasks).toEqual([])

    await editor.getByRole('button', { name: '应用' }).click()
    await editor.getByRole('status').filter({ hasText: '成员已更新。' }).waitFor()
    await warning.waitFor({ state: 'detached' })
    await screenshot(page, '41-members-editor-applied')
    const after = await admin.get(`/api/tasks?plan=${planId}&scope=all&assignee=town-clinic`)
    const tasks = ((await after.json()) as { tasks: Array<{ sourceId: string }> }).tasks
    expect(tasks.map((task) => task.sourceId)).toContain('funding')
    await page.context().close()
  })
})
