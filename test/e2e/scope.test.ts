/** In the browser, a user of one unit cannot open another unit's task by its URL. */
import { loginPage, rendersChinese, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

describe('scope in the browser', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E()
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows the login page in Chinese, with a real CJK font', async () => {
    const page = await e2e.browser.newPage({ locale: 'zh-CN' })
    await page.goto(e2e.server.baseUrl)
    await page.getByRole('heading', { name: '登录' }).waitFor()
    expect(await rendersChinese(page)).toBe(true)
    await screenshot(page, '00-login')
    await page.close()
  })

  it('answers another unit’s task URL with "not found", exactly as for a missing task', async () => {
    // Find one of 县财政局's tasks through the API as that unit.
    const finance = await loginPage(e2e, 'pingnan.county-finance-bureau')
    const list = await finance.evaluate(async () => (await fetch('/api/tasks')).json())
    const id: string = list.tasks[0].id
    await finance.context().close()

    const price = await loginPage(e2e, 'pingnan.county-price-bureau')
    const response = await price.evaluate(
      async (taskId) => (await fetch(`/api/tasks/${taskId}`)).status,
      id,
    )
    expect(response).toBe(404)
    await price.goto(`${e2e.server.baseUrl}/#/tasks/${id}`)
    await price.getByRole('alert').waitFor()
    expect(await price.getByRole('alert').innerText()).toContain('找不到该任务')
    await screenshot(price, '05-other-units-task')
  })
})
