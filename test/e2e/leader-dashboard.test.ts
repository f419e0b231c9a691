/**
 * The leaders' dashboard in Chromium, on the Pingnan demo (5 September 2018): at 1366×768 the
 * three questions — what is behind, whose it is, what to do — stand side by side on the first
 * screen; its counts are the ones the task badges and lists show; a yes/no indicator reads 是/否
 * with no line chart; at 390×844 the same page is one column with nothing running off the side.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENSHOTS, loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

interface Row {
  id: string
  planId: string
  title: string
  light: 'green' | 'blue' | 'yellow' | 'red'
  escalation: number
  assignee: { id: string; name: string }
}

/** A JSON request from inside the signed-in page, with the session's CSRF token. */
async function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json()
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: response.status, json: await response.json() }
    },
    { method, path, body },
  )
}

/** The first screen only (the helper's screenshots are of the whole page). */
async function firstScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

describe('the leaders’ dashboard, in Chromium', () => {
  let e2e: E2E
  let leader: Page
  let planId: string
  let rows: Row[]

  beforeAll(async () => {
    e2e = await startE2E(undefined, process.env.PORT ? { PORT: process.env.PORT } : {})
    leader = await loginPage(e2e, 'pingnan.leadership-group', '#/dashboard')
    await leader.setViewportSize({ width: 1366, height: 768 })
    planId = await leader.evaluate(async () => {
      const { plans } = await (await fetch('/api/plans')).json()
      return plans.find((plan: { policy_id: string }) => plan.policy_id.startsWith('pingnan'))
        .id as string
    })
    // The scheduler raises the overdue tasks' levels once the server is up: read when it has.
    const standing = () =>
      leader.evaluate(async (plan) => {
        const lists = await (await fetch(`/api/plans/${plan}/escalations`)).json()
        return lists.supervise.length + lists.circulate.length
      }, planId)
    for (let waited = 0; (await standing()) === 0; waited += 250) {
      if (waited > 30_000) throw new Error('no task reached 督办 or 通报 within 30 s of the start')
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    rows = (
      await leader.evaluate(
        async (plan) =>
          (await fetch(`/api/tasks?scope=all&plan=${plan}&limit=5000`)).json() as Promise<{
            tasks: Row[]
          }>,
        planId,
      )
    ).tasks
    // A new hash alone keeps the page (and the dashboard read before the levels were raised).
    await leader.goto(`${e2e.server.baseUrl}/#/plans/${planId}`)
    await leader.reload()
    await leader.locator('ls-dashboard ls-supervision-list').waitFor({ timeout: 30_000 })
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows the three questions side by side on the first screen at 1366×768', async () => {
    const dashboard = leader.locator('ls-dashboard')
    const headings = ['一、落后多少', '二、落在谁家', '三、该做什么']
    const boxes = []
    for (const name of headings) {
      const box = await dashboard.getByRole('heading', { name }).boundingBox()
      expect(box, name).not.toBeNull()
      boxes.push(box!)
    }
    // In this order, left to right, each fully above the fold.
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x)
    expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x)
    for (const box of boxes) expect(box.y + box.height).toBeLessThanOrEqual(768)
    // What each answers is on screen too: the colour counts, the first ranked unit, the first 督办 task.
    const visible = async (selector: string) => {
      const box = await dashboard.locator(selector).first().boundingBox()
      return box !== null && box.y >= 0 && box.y + box.height <= 768
    }
    expect(await visible('.behind .chip[data-light="red"]')).toBe(true)
    expect(await visible('.behind .chip[data-level="4"]')).toBe(true)
    expect(await visible('.ranking tbody tr')).toBe(true)
    expect(await visible('ls-supervision-list li.task')).toBe(true)
    expect(await leader.evaluate(() => window.scrollY)).toBe(0)
    await firstScreen(leader, '90-leader-dashboard-first-screen')
    await screenshot(leader, '91-leader-dashboard')
  })

  it('counts by colour and by 督办 level as the task lists and badges show them', async () => {
    const dashboard = leader.locator('ls-dashboard')
    for (const light of ['red', 'yellow', 'blue', 'green'] as const) {
      const shown = await dashboard.locator(`.behind .chip[data-light="${light}"] b`).innerText()
      expect(Number(shown), light).toBe(rows.filter((row) => row.light === light).length)
    }
    const supervised = rows.filter((row) => row.escalation >= 3)
    expect(supervised.length).toBeGreaterThan(0)
    expect(Number(await dashboard.locator('.supervised b').innerText())).toBe(supervised.length)
    for (const level of [3, 4]) {
      const shown = await dashboard.locator(`.behind .chip[data-level="${level}"] b`).innerText()
      expect(Number(shown)).toBe(rows.filter((row) => row.escalation === level).length)
    }
    // The 督办 list holds the same tasks, grouped by unit, each with its days overdue.
    const list = dashboard.locator('ls-supervision-list')
    const listed = await list
      .locator('li.task')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.task))
    expect(new Set(listed)).toEqual(new Set(supervised.map((row) => row.id)))
    const units = await list
      .locator('section.unit')
      .evaluateAll((sections) => sections.map((section) => (section as HTMLElement).dataset.unit))
    expect(new Set(units)).toEqual(new Set(supervised.map((row) => row.assignee.id)))
    const first = list.locator('li.task').first()
    expect(await first.locator('.days').innerText()).toMatch(/^逾期 \d+ 天$|^未逾期$/)
    const href = await first.locator('a.notice').first().getAttribute('href')
    expect(href).toMatch(new RegExp(`^#/plans/${planId}/tasks/[^/]+/supervision-notice$`))
    // The task's own page badges the level the dashboard counted it at.
    const id = listed[0]!
    const level = supervised.find((row) => row.id === id)!.escalation
    const name = level === 4 ? '通报' : '督办'
    await first.locator('a.title').click()
    const badge = leader.locator('ls-task-page .badge.escalated').first()
    await badge.waitFor()
    expect(await badge.innerText()).toBe(`${name}（督办第 ${level} 级）`)
    await leader.goBack()
    await leader.locator('ls-dashboard ls-supervision-list').waitFor()
  })

  it('offers the leadership group no 催办, and the office one it sends, saying so on the row', async () => {
    // The leadership group is not the office: it reads the 督办 list but is not offered to urge.
    const list = leader.locator('ls-dashboard ls-supervision-list')
    await list.locator('li.task').first().waitFor()
    expect(await list.getByRole('button', { name: '催办' }).count()).toBe(0)
    const office = await loginPage(e2e, 'pingnan.leadership-group-office', '#/dashboard')
    await office.setViewportSize({ width: 1366, height: 768 })
    await office.goto(`${e2e.server.baseUrl}/#/plans/${planId}`)
    const task = office
      .locator('ls-dashboard ls-supervision-list li.task')
      .filter({ has: office.getByRole('button', { name: '催办' }) })
      .first()
    await task.getByRole('button', { name: '催办' }).click()
    await task.getByRole('button', { name: '发送催办' }).click()
    await task.getByRole('status').waitFor()
    expect(await task.getByRole('status').innerText()).toBe('已催办')
    await office.context().close()
  })

  it('gives the plan one share done, which the phases add up to', async () => {
    const progress = await leader.evaluate(
      async (plan) => (await fetch(`/api/plans/${plan}/progress`)).json(),
      planId,
    )
    const phases = progress.phases as Array<{ tasks: { total: number; approved: number } }>
    const total = phases.reduce((n, p) => n + p.tasks.total, 0) + progress.summary.unphased.total
    const approved =
      phases.reduce((n, p) => n + p.tasks.approved, 0) + progress.summary.unphased.approved
    expect(progress.summary.total).toBe(total)
    expect(progress.summary.approved).toBe(approved)
    const kpi = await leader.locator('ls-dashboard [data-figure="plan-percent"] strong').innerText()
    expect(kpi).toBe(`${total ? Math.floor((approved / total) * 100) : 0}%`)
  })

  it('shows a yes/no indicator as 是/否 badges, not a line chart', async () => {
    const admin = await loginPage(e2e, 'admin', '#/dashboard')
    const put = await call(admin, 'PUT', `/api/plans/${planId}/indicator-values`, {
      values: [
        { element: 'telemedicine-township-extension', unit: 'region', period: '2018', value: '否' },
      ],
    })
    expect(put.status).toBe(200)
    await admin.context().close()
    await leader.reload()
    const card = leader.locator(
      'ls-dashboard ls-indicator-trends [data-indicator="telemedicine-township-extension"]',
    )
    await card.waitFor({ state: 'attached', timeout: 30_000 })
    await card.scrollIntoViewIfNeeded()
    expect(await card.locator('.chart').count()).toBe(0)
    const answer = card.locator('.yes-no .answer').first()
    expect(await answer.innerText()).toBe('否')
    expect(await answer.getAttribute('data-answer')).toBe('no')
    await screenshot(leader, '92-leader-dashboard-indicators')
  })

  it('stays one column at 390×844 with nothing running off the side', async () => {
    await leader.setViewportSize({ width: 390, height: 844 })
    await leader.evaluate(() => window.scrollTo(0, 0))
    const dashboard = leader.locator('ls-dashboard')
    const behind = (await dashboard.getByRole('heading', { name: '一、落后多少' }).boundingBox())!
    const whose = (await dashboard.getByRole('heading', { name: '二、落在谁家' }).boundingBox())!
    const todo = (await dashboard.getByRole('heading', { name: '三、该做什么' }).boundingBox())!
    expect(whose.y).toBeGreaterThan(behind.y)
    expect(todo.y).toBeGreaterThan(whose.y)
    expect(Math.abs(whose.x - behind.x)).toBeLessThan(2)
    // The dashboard itself is no wider than the screen, nor is anything in it.
    const widths = await dashboard.evaluate((element) => ({
      right: element.getBoundingClientRect().right,
      scroll: element.scrollWidth,
      client: element.clientWidth,
      viewport: window.innerWidth,
    }))
    expect(widths.right).toBeLessThanOrEqual(widths.viewport)
    expect(widths.scroll).toBeLessThanOrEqual(widths.client)
    await firstScreen(leader, '93-leader-dashboard-phone-first-screen')
    await screenshot(leader, '94-leader-dashboard-phone')
  })
})
