/**
 * The office's documents in Chromium, on the demo: the ledger page opened from the dashboard
 * (its rows grouped, its Excel link carrying the filters on screen), a task's 督办单 opened from
 * its task page, and the 情况通报 opened from the ledger, all printable pages; screenshots of each.
 */
import type { Page } from 'playwright-core'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

interface Ledger {
  total: number
  groups: Array<{ name: string; rows: Array<{ taskId: string; title: string; overdue: boolean }> }>
}

describe('the ledger and the 督办单 as printable pages, in Chromium', () => {
  let e2e: E2E
  let leader: Page
  let planId: string
  let ledger: Ledger

  beforeAll(async () => {
    e2e = await startE2E(undefined, process.env.PORT ? { PORT: process.env.PORT } : {})
    leader = await loginPage(e2e, 'pingnan.leadership-group')
    const plans = (await leader.evaluate(async () => (await fetch('/api/plans')).json())) as {
      plans: Array<{ id: string }>
    }
    planId = plans.plans[0]!.id
    ledger = (await leader.evaluate(
      async (id) => (await fetch(`/api/plans/${id}/ledger`)).json(),
      planId,
    )) as Ledger
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('opens the ledger from the dashboard: every row under its group, Excel with the filters', async () => {
    await leader.goto(`${e2e.server.baseUrl}/#/plans/${planId}`)
    await leader.locator('ls-dashboard').getByRole('link', { name: '任务台账' }).click()
    const page = leader.locator('ls-ledger-page')
    await page.locator('tbody tr.group').first().waitFor()
    expect(await page.locator('tbody tr:not(.group)').count()).toBe(ledger.total)
    expect(await page.locator('tbody tr.group th').allInnerTexts()).toEqual(
      ledger.groups.map((group) => `${group.name}（${group.rows.length} 项）`),
    )
    expect(await page.locator('thead th').allInnerTexts()).toEqual([
      '序号',
      '任务',
      '条款',
      '牵头单位',
      '配合单位',
      '时限',
      '进展',
      '状态',
      '灯色',
      '督办级别',
      '办结日期',
    ])
    await screenshot(leader, '90-ledger')
    await page.getByLabel('灯色').selectOption('red')
    await expect
      .poll(async () => page.getByRole('link', { name: '下载 Excel' }).getAttribute('href'))
      .toBe(`/api/plans/${planId}/ledger.xlsx?light=red`)
    await leader.emulateMedia({ media: 'print' })
    expect(await page.locator('form.filters').isVisible()).toBe(false)
    expect(
      await page.locator('thead').evaluate((element) => getComputedStyle(element).display),
    ).toBe('table-header-group')
    await screenshot(leader, '91-ledger-print')
    await leader.emulateMedia({ media: 'screen' })
  })

  it('opens a task’s 督办单 from its page, with the task, its units and the requirement', async () => {
    const task = ledger.groups.flatMap((group) => group.rows).find((row) => row.overdue)!
    await leader.goto(`${e2e.server.baseUrl}/#/tasks/${task.taskId}`)
    await leader.locator('ls-task-page').getByRole('link', { name: '督办单' }).click()
    const notice = leader.locator('ls-supervision-notice')
    await notice.getByRole('heading', { name: '督办单' }).waitFor()
    await notice.getByText(task.title).first().waitFor()
    await notice.getByRole('heading', { name: '办理要求' }).waitFor()
    await notice
      .getByText(/逾期 \d+ 天/)
      .first()
      .waitFor()
    expect(await notice.getByRole('link', { name: '下载 Word' }).getAttribute('href')).toBe(
      `/api/plans/${planId}/tasks/${task.taskId}/supervision-notice.docx`,
    )
    await screenshot(leader, '92-supervision-notice')
  })

  it('opens the 情况通报 from the ledger, with its counts, ranking and overdue list', async () => {
    await leader.goto(`${e2e.server.baseUrl}/#/plans/${planId}/ledger`)
    await leader.locator('ls-ledger-page').getByRole('link', { name: '情况通报' }).click()
    const page = leader.locator('ls-bulletin-page')
    const bulletin = (await leader.evaluate(
      async (id) => (await fetch(`/api/plans/${id}/bulletin`)).json(),
      planId,
    )) as { title: string; overdue: unknown[] }
    await page.getByRole('heading', { name: bulletin.title }).waitFor()
    for (const name of ['一、总体情况', '二、各单位落实情况（晾晒）', '三、逾期未办结任务'])
      await page.getByRole('heading', { name }).waitFor()
    expect(await page.locator('table').nth(2).locator('tbody tr').count()).toBe(
      bulletin.overdue.length,
    )
    await screenshot(leader, '93-bulletin')
  })
})
