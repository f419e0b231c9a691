/**
 * Account administration in the browser: the demo administrator creates an account on 用户管理,
 * sees its one-time password once, the new user must change it at first login, then the
 * administrator deactivates the account and its open session ends at once.
 */
import type { Page } from 'playwright-core'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

describe('用户管理 in the browser', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E()
  })

  afterAll(async () => {
    await e2e?.close()
  })

  async function logIn(username: string, password: string): Promise<Page> {
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${e2e.server.baseUrl}/#/inbox`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    return page
  }

  it('creates an account, shows its one-time password once, and deactivation ends its session', async () => {
    const admin = await loginPage(e2e, 'admin', '#/inbox')
    await admin.getByRole('link', { name: '用户管理' }).click()
    await admin.getByRole('heading', { name: '用户管理' }).waitFor()
    await admin.locator('tbody tr[data-user=admin]').waitFor()
    // A unit of the published demo config, as an existing department account holds it.
    const unit = await admin.evaluate(async () => {
      const { users } = (await (await fetch('/api/users')).json()) as {
        users: { units: { policyId: string; unitId: string }[] }[]
      }
      const held = users.find((user) => user.units.length > 0)!.units[0]!
      return `${held.policyId}/${held.unitId}`
    })

    const form = admin.locator('form.create')
    await form.locator('input[name=username]').fill('wang.wu')
    await form.locator('input[name=displayName]').fill('王五')
    await form.locator('input[name=phone]').fill('138 0000 0000')
    await form.getByLabel('责任单位').check()
    await form.locator('textarea[name=units]').fill(`${unit}\n${unit.split('/')[0]}/no-such-unit`)
    await form.getByRole('button', { name: '新建用户' }).click()
    // The server's issue is shown at the units field, and nothing was created.
    await form.locator('#error-units').waitFor()
    await screenshot(admin, '50-user-admin-unit-refused')
    await form.locator('textarea[name=units]').fill(unit)
    await form.getByRole('button', { name: '新建用户' }).click()

    const dialog = admin.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('只显示这一次')
    const password = (await dialog.locator('[data-secret]').innerText()).trim()
    expect(password.length).toBeGreaterThanOrEqual(10)
    await screenshot(admin, '51-user-admin-one-time-password')
    await dialog.getByRole('button', { name: '关闭' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await admin.content()).not.toContain(password)
    expect(await admin.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(password)
    const row = admin.locator('tbody tr[data-user="wang.wu"]')
    expect(await row.innerText()).toContain(unit)

    const user = await logIn('wang.wu', password)
    await user.getByRole('heading', { name: '请设置新密码' }).waitFor()
    await user.getByLabel('一次性密码（当前密码）').fill(password)
    await user.getByLabel('新密码', { exact: true }).fill('Wang-Wu-2024!')
    await user.getByLabel('再次输入新密码').fill('Wang-Wu-2024!')
    await user.getByRole('button', { name: '修改密码' }).click()
    await user.getByRole('heading', { name: '请设置新密码' }).waitFor({ state: 'detached' })
    expect(await user.evaluate(async () => (await fetch('/api/tasks')).status)).toBe(200)
    // A non-administrator gets no 用户管理 entry.
    expect(await user.getByRole('link', { name: '用户管理' }).count()).toBe(0)

    await row.locator('[data-action=deactivate]').click()
    await screenshot(admin, '52-user-admin-confirm-deactivate')
    await row.locator('[data-action=confirm]').click()
    await admin.locator('tbody tr[data-user="wang.wu"].inactive').waitFor()
    expect(await row.innerText()).toContain('已停用')

    expect(await user.evaluate(async () => (await fetch('/api/tasks')).status)).toBe(401)
    await user.reload()
    await user.getByRole('button', { name: '登录' }).waitFor()

    // On a phone the table becomes cards: no header row, each cell labelled.
    await admin.setViewportSize({ width: 390, height: 844 })
    expect(await admin.locator('thead').isVisible()).toBe(false)
    await screenshot(admin, '53-user-admin-phone')
  })
})
