/**
 * axe-core on every main page, as the people who use it see it (the demo, Pingnan on 5 September
 * 2018): no serious or critical finding — text contrast, names of controls, keyboard reach of
 * scrolling regions — on the inbox, the review queue, a task, the notifications, the dashboard,
 * the editor, the assessments, and the administration pages.
 */
import type { Page } from 'playwright-core'
import { loginPage, notLoading, openPath, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'
import { seriousFindings } from './helpers/axe.ts'

interface PlanRow {
  id: string
}
interface AssessmentRow {
  id: string
  runs: { year: number }[]
}

/**
 * Opens `path` and checks it as the reader reads it: once `ready` shows, the network is quiet and
 * nothing shows as loading — with `answer`, once that API answer is in (a list reloaded in place is
 * dimmed until then, which is not what is checked).
 */
async function check(page: Page, path: string, ready: string, answer?: RegExp): Promise<void> {
  await openPath(page, path, ready, answer)
  await page.waitForLoadState('networkidle')
  await notLoading(page)
  expect({ path, findings: await seriousFindings(page) }).toEqual({ path, findings: [] })
}

describe('accessibility of the main pages', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E(undefined, process.env.PORT ? { PORT: process.env.PORT } : {})
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('has no serious finding on the login form', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${e2e.server.baseUrl}/#/inbox`)
    await page.getByLabel('用户名').waitFor()
    expect(await seriousFindings(page)).toEqual([])
    await context.close()
  })

  it('has no serious finding on a leader’s inbox, review queue, task, notifications and dashboard', async () => {
    const page = await loginPage(e2e, 'pingnan.leadership-group')
    await check(page, '#/inbox', 'ls-inbox ls-task-table tbody tr')
    // A task of the leader's own list: its review queue may be empty.
    const task = await page
      .locator('ls-inbox ls-task-table tbody tr th a')
      .first()
      .getAttribute('href')
    await check(page, '#/inbox/review', 'ls-inbox ls-task-table', /\/api\/tasks\?.*role=review/)
    await check(page, task!, 'ls-task-page h2')
    await check(page, '#/notifications', 'ls-notification-list li')
    await check(page, '#/dashboard', 'ls-dashboard h2')
    await page.context().close()
  })

  it('has no serious finding in the policy editor', async () => {
    const page = await loginPage(e2e, 'author')
    await check(page, '#/author', 'ls-policy-editor ls-yaml-editor .cm-content')
    await page.context().close()
  })

  it('has no serious finding on the assessments, a year’s run and a unit’s report', async () => {
    const page = await loginPage(e2e, 'admin')
    const plans = (await page.evaluate(async () => (await fetch('/api/plans')).json())) as {
      plans: PlanRow[]
    }
    let checked = 0
    for (const plan of plans.plans) {
      const { assessments } = (await page.evaluate(
        async (id) => (await fetch(`/api/plans/${id}/assessments`)).json(),
        plan.id,
      )) as { assessments: AssessmentRow[] }
      const assessment = assessments.find((a) => a.runs.length > 0)
      const run = assessment?.runs[0]
      if (!assessment || !run) continue
      const base = `#/plans/${plan.id}/assessments`
      await check(page, base, 'ls-assessment-list h2')
      await check(page, `${base}/${assessment.id}/${run.year}`, 'ls-assessment-run table')
      const unit = await page
        .locator('ls-assessment-run table tbody a')
        .first()
        .getAttribute('href')
      await check(page, unit!, 'ls-assessment-report h2')
      checked++
    }
    expect(checked).toBeGreaterThan(0)
    await page.context().close()
  })

  it('has no serious finding on the accounts, regions and notification channels', async () => {
    const page = await loginPage(e2e, 'admin')
    await check(page, '#/users', 'ls-user-admin table')
    await check(page, '#/regions', 'ls-region-admin h2')
    await check(page, '#/channels', 'ls-notify-channels h2')
    await page.context().close()
  })
})
