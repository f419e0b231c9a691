/**
 * In the browser, the notification centre: the header's badge counts my unread notifications,
 * the notifications page lists them newest first with links to their tasks, and marking one or
 * all read brings the badge down.
 */
import { login } from '../helpers/durability-server.ts'
import type { HttpSession } from '../helpers/durability-server.ts'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const TASK = 'duty-price-bureau' // Pingnan 二、(三)5: 县物价局 完善医疗服务价格政策, reviewed by the office

/** Sends a task event through the API, failing the test on a refusal. */
async function send(session: HttpSession, id: string, body: object): Promise<void> {
  const response = await session.post(`/api/tasks/${id}/events`, body)
  expect(response.status, await response.clone().text()).toBe(200)
}

/** The report form filled with text in each required field. */
async function filledForm(session: HttpSession, id: string): Promise<Record<string, string>> {
  const task = (await (await session.get(`/api/tasks/${id}`)).json()) as {
    form: { required?: string[] }
  }
  return Object.fromEntries((task.form.required ?? []).map((name) => [name, '已按要求完成']))
}

describe('the notification centre in the browser', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E()
    // Real work makes the notifications: the price bureau submits twice, the office returns once.
    const price = await login(e2e.server.baseUrl, 'pingnan.county-price-bureau', 'luoshi-demo')
    const office = await login(e2e.server.baseUrl, 'pingnan.leadership-group-office', 'luoshi-demo')
    // A fresh server first fires the demo's overdue reminders and escalations: wait until the
    // office's notifications stop growing, so the work below makes the newest ones.
    let last = -1
    for (let tries = 0; tries < 60; tries++) {
      const { unread } = (await (await office.get('/api/notifications/unread-count')).json()) as {
        unread: number
      }
      if (unread === last) break
      last = unread
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    const inbox = (await (await price.get('/api/tasks')).json()) as {
      tasks: Array<{ id: string; sourceId: string }>
    }
    const id = inbox.tasks.find((task) => task.sourceId === TASK)!.id
    const data = await filledForm(price, id)
    await send(price, id, { type: 'START' })
    await send(price, id, { type: 'SUBMIT', data })
    await send(office, id, { type: 'RETURN', reason: '请补充收费标准文件' })
    await send(price, id, { type: 'RESUBMIT', data })
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows the unread count in the header, lists the notifications, and marks them read', async () => {
    const page = await loginPage(e2e, 'pingnan.leadership-group-office')
    const unread = async () =>
      (await page.evaluate(async () => (await fetch('/api/notifications/unread-count')).json()))
        .unread as number
    const before = await unread()
    expect(before).toBeGreaterThanOrEqual(2)
    const badge = page.locator('ls-app header .badge')
    await badge.waitFor()
    expect(await badge.innerText()).toBe(before > 99 ? '99+' : String(before))
    await screenshot(page, '70-notifications-badge')

    await page.locator('ls-app header a.bell').click()
    const list = page.locator('ls-notification-list')
    await list.getByRole('heading', { name: '通知' }).waitFor()
    const items = list.locator('li')
    await items.first().waitFor()
    expect(await list.locator('li.unread').count()).toBeGreaterThanOrEqual(2)
    expect(await items.first().innerText()).toContain('有待审核的报送')
    expect(await items.first().getByRole('link', { name: '查看任务' }).count()).toBe(1)
    await screenshot(page, '71-notifications-list')

    await list.locator('li.unread').first().getByRole('button', { name: '标为已读' }).click()
    await page.waitForFunction(
      (count) =>
        document.querySelector('ls-app')?.shadowRoot?.querySelector('.badge')?.textContent ===
        String(count),
      before - 1 > 99 ? '99+' : before - 1,
    )
    expect(await unread()).toBe(before - 1)
    await screenshot(page, '72-notifications-one-read')

    await list.getByRole('button', { name: '全部标为已读' }).click()
    await badge.waitFor({ state: 'detached' })
    expect(await unread()).toBe(0)
    expect(await list.locator('li.unread').count()).toBe(0)
    await screenshot(page, '73-notifications-all-read')

    await items.first().getByRole('link', { name: '查看任务' }).click()
    await page.locator('ls-task-page h2').first().waitFor()
    expect(page.url()).toContain('#/tasks/')
    await page.context().close()
  })
})
