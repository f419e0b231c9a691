/**
 * A production start in the browser: no demo, the first administrator made with the CLI, an
 * account created by that administrator, and its first login asking for a new password before
 * any page.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { childEnv, killHard, ROOT, startServer } from '../helpers/durability-server.ts'
import type { ServerProcess } from '../helpers/durability-server.ts'
import { CHROMIUM, screenshot } from './helpers/browser.ts'

describe('a production start in the browser', () => {
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`)
    const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-e2e-production-'))
    const created = spawnSync(
      process.execPath,
      ['bin/luoshi.js', 'admin', 'create', 'chief', '--data', dataDir],
      { cwd: ROOT, env: childEnv({}), input: 'Chief-Pass-2024\n', encoding: 'utf8' },
    )
    expect(created.status, created.stderr).toBe(0)
    server = await startServer({ dataDir, env: { LUOSHI_DEMO: '0' } })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      headless: true,
    })
  })

  afterAll(async () => {
    await browser?.close()
    await killHard(server)
  })

  async function logIn(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${server.baseUrl}/#/inbox`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    return page
  }

  it('lets the administrator create an account whose first login must set a new password', async () => {
    const chief = await logIn('chief', 'Chief-Pass-2024')
    await chief.getByRole('button', { name: '退出' }).waitFor()
    const created = await chief.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/me')).json()
      const response = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ username: 'zhang.san', displayName: '张三', roles: ['department'] }),
      })
      return { status: response.status, body: await response.json() }
    })
    expect(created.status).toBe(201)
    const initialPassword: string = created.body.initialPassword

    const user = await logIn('zhang.san', initialPassword)
    await user.getByRole('heading', { name: '请设置新密码' }).waitFor()
    await user.getByLabel('一次性密码（当前密码）').fill(initialPassword)
    await user.getByLabel('新密码', { exact: true }).fill('short')
    await user.getByLabel('再次输入新密码').fill('short')
    await user.getByRole('button', { name: '修改密码' }).click()
    await user.getByRole('alert').waitFor()
    expect(await user.getByRole('alert').innerText()).toContain('密码至少需要 10 个字符')
    await screenshot(user, '40-password-change-refused')
    await user.getByLabel('新密码', { exact: true }).fill('Zhang-San-2024')
    await user.getByLabel('再次输入新密码').fill('Zhang-San-2024')
    await user.getByRole('button', { name: '修改密码' }).click()
    await user.getByRole('heading', { name: '请设置新密码' }).waitFor({ state: 'detached' })
    await user.getByRole('button', { name: '退出' }).waitFor()
    expect(await user.evaluate(async () => (await fetch('/api/tasks')).status)).toBe(200)
    await screenshot(user, '41-after-password-change')
  })
})
