/**
 * What each person sees first, in Chromium at 1366×768: after login at the site's address the
 * leader lands on the dashboard, the reviewer on 待审核, the author in the editor, the assessor on
 * its assessments (with 考核 in the navigation) and a unit's staff on its tasks — with no error
 * in the console before or after login (no request fails while nobody is signed in). Then the
 * reviewer approves two reports at once, and a unit searches its inbox and sees 临期 in amber.
 */
import type { Page } from 'playwright-core'
import { afterAnswer, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

interface Opened {
  page: Page
  /** Console errors, page errors and failed responses seen since the page opened. */
  errors: string[]
}

/** Opens the site's bare address, records every error, and logs in through the form. */
async function openAndLogIn(e2e: E2E, username: string): Promise<Opened> {
  const context = await e2e.browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1366, height: 768 },
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`)
  })
  await page.goto(e2e.server.baseUrl)
  await page.getByRole('heading', { name: '登录' }).waitFor()
  // Before login the page shows the form only: no navigation, no page of any role.
  expect(await page.getByRole('navigation', { name: 'main' }).getByRole('link').count()).toBe(0)
  expect(errors).toEqual([])
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('luoshi-demo')
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '退出' }).waitFor()
  return { page, errors }
}

/** Waits for the address to name a page (its hash), so the landing has happened. */
async function landedOn(page: Page, hash: RegExp): Promise<string> {
  await page.waitForURL((url) => hash.test(url.hash))
  return new URL(page.url()).hash
}

describe('each role’s first screen after login, in Chromium', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E()
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('lands the leader on the dashboard', async () => {
    const { page, errors } = await openAndLogIn(e2e, 'pingnan.leadership-group')
    expect(await landedOn(page, /^#\/dashboard/)).toBe('#/dashboard')
    await page.locator('ls-dashboard').waitFor()
    await page.getByRole('link', { name: '领导看板' }).waitFor()
    expect(await page.getByRole('link', { name: '领导看板' }).getAttribute('aria-current')).toBe(
      'page',
    )
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'landing-leader')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('lands the reviewer on 待审核 with its count', async () => {
    const { page, errors } = await openAndLogIn(e2e, 'pingnan.leadership-group-office')
    expect(await landedOn(page, /^#\/inbox\/review/)).toBe('#/inbox/review')
    await page.getByRole('heading', { name: '待审核' }).waitFor()
    await page.getByRole('link', { name: /^待审核 \d+$/ }).waitFor()
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'landing-reviewer')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('lands the author in the editor', async () => {
    const { page, errors } = await openAndLogIn(e2e, 'author')
    expect(await landedOn(page, /^#\/author/)).toBe('#/author')
    await page.locator('ls-policy-editor').waitFor()
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'landing-author')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('lands the assessor on its assessments, with 考核 in the navigation', async () => {
    const { page, errors } = await openAndLogIn(e2e, 'meishan.city-healthcare-security-bureau')
    expect(await landedOn(page, /^#\/plans\/.+\/assessments$/)).toMatch(
      /^#\/plans\/.+\/assessments$/,
    )
    const nav = page.getByRole('navigation', { name: 'main' })
    expect(await nav.getByRole('link', { name: '考核' }).getAttribute('aria-current')).toBe('page')
    await page.locator('ls-assessment-list').waitFor()
    await page.getByText('紧密型县域医共体医疗保障管理改革考核').first().waitFor()
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'landing-assessor')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('lands a unit’s staff on its tasks', async () => {
    const { page, errors } = await openAndLogIn(e2e, 'pingnan.county-finance-bureau')
    expect(await landedOn(page, /^#\/inbox$/)).toBe('#/inbox')
    await page.getByRole('heading', { name: '我的任务' }).waitFor()
    await page.locator('ls-task-table').waitFor()
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'landing-unit')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('lets the reviewer approve two reports with one confirmation', async () => {
    // The price bureau submits two of its reports through the API, as its task page would.
    const unit = await openAndLogIn(e2e, 'pingnan.county-price-bureau')
    const submitted: string[] = await unit.page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/session')).json()
      const { tasks } = await (await fetch('/api/tasks?state=assigned')).json()
      const done: string[] = []
      for (const task of tasks as Array<{ id: string; kind: string; role: string }>) {
        if (done.length === 2) break
        if (task.kind !== 'responsibility' || task.role !== 'lead') continue
        const answer = await fetch(`/api/tasks/${task.id}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ type: 'SUBMIT', data: { summary: '已按要求落实' } }),
        })
        if (answer.ok) done.push(task.id)
      }
      return done
    })
    expect(submitted).toHaveLength(2)
    await unit.page.context().close()

    const { page, errors } = await openAndLogIn(e2e, 'pingnan.leadership-group-office')
    await landedOn(page, /^#\/inbox\/review/)
    await page.getByPlaceholder('任务名称、单位或条款').fill('县物价局')
    const table = page.locator('ls-task-table')
    for (const id of submitted)
      await table.locator(`tbody input[type=checkbox][value="${id}"]`).check()
    await page.getByRole('button', { name: '批量通过（2）' }).click()
    const dialog = page.getByRole('dialog', { name: '确认通过以下 2 项报送？' })
    await dialog.waitFor()
    await screenshot(page, 'batch-approve-confirm')
    await dialog.getByRole('button', { name: '确认通过' }).click()
    await page.getByRole('status').filter({ hasText: '已通过 2 项。' }).waitFor()
    await screenshot(page, 'batch-approve-done')
    const states: string[] = await page.evaluate(
      async (ids) =>
        Promise.all(
          ids.map(async (id) => (await (await fetch(`/api/tasks/${id}`)).json()).state as string),
        ),
      submitted,
    )
    expect(states).toEqual(['approved', 'approved'])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('searches the inbox by clause', async () => {
    const { page, errors } = await openAndLogIn(e2e, 'pingnan.county-finance-bureau')
    await landedOn(page, /^#\/inbox$/)
    const table = page.locator('ls-task-table')
    await table.locator('tbody tr').first().waitFor()
    const all = await table.locator('tbody tr').count()
    await page.getByPlaceholder('任务名称、单位或条款').fill('四、(二)')
    await page.waitForFunction((before) => {
      const rows = document
        .querySelector('ls-app')
        ?.shadowRoot?.querySelector('ls-inbox')
        ?.shadowRoot?.querySelector('ls-task-table')
        ?.shadowRoot?.querySelectorAll('tbody tr')
      return rows !== undefined && rows.length > 0 && rows.length < before
    }, all)
    await table.getByRole('link', { name: '完善投入政策' }).first().waitFor()
    await screenshot(page, 'inbox-search')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('marks a unit’s tasks due soon in amber, and its 临期 count filters them', async () => {
    // A unit with a task due soon today, found as the leader sees the whole plan.
    const leader = await openAndLogIn(e2e, 'pingnan.leadership-group')
    const soon: Array<{ assignee: { id: string } }> = (
      await leader.page.evaluate(async () =>
        (await fetch('/api/tasks?scope=all&dueSoon=true')).json(),
      )
    ).tasks
    expect(soon.length).toBeGreaterThan(0)
    await leader.page.context().close()

    const { page, errors } = await openAndLogIn(e2e, `pingnan.${soon[0]!.assignee.id}`)
    await page.goto(`${e2e.server.baseUrl}/#/inbox`)
    const table = page.locator('ls-task-table')
    await table.locator('tbody tr').first().waitFor()
    // The list as filtered, not the rows before it still on screen.
    await afterAnswer(page, /dueSoon=true/, () =>
      page.getByRole('button', { name: /临期/ }).click(),
    )
    const badge = table.locator('.badge.due-soon').first()
    await badge.waitFor()
    expect(await badge.innerText()).toBe('临期')
    expect(await badge.evaluate((node) => getComputedStyle(node).borderColor)).toBe(
      'rgb(220, 104, 3)',
    )
    const rows = await table.locator('tbody tr').count()
    expect(await table.locator('tbody tr.due-soon').count()).toBe(rows)
    await screenshot(page, 'inbox-due-soon')
    expect(errors).toEqual([])
    await page.context().close()
  })
})
