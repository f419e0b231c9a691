/**
 * 三色预警 and 周期反馈 in Chromium, on the demo (Pingnan on 5 September 2018): the inbox shows
 * each task's colour as a dot with its name and counts by colour; ticking a colour filters the
 * list to it; a unit reports progress on its task's page (a bad percent is refused in the page
 * first) and the report is listed there.
 */
import type { Page } from 'playwright-core'
import { afterAnswer, loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

interface Row {
  id: string
  title: string
  light: string
  state: string
}

describe('task colours and progress reports, in Chromium', () => {
  let e2e: E2E
  let leader: Page
  let unit: Page
  let rows: Row[]

  beforeAll(async () => {
    e2e = await startE2E(undefined, process.env.PORT ? { PORT: process.env.PORT } : {})
    leader = await loginPage(e2e, 'pingnan.leadership-group')
    rows = (await leader.evaluate(async () => (await fetch('/api/tasks')).json())).tasks as Row[]
    unit = await loginPage(e2e, 'pingnan.county-price-bureau')
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows each task’s colour in the inbox with its name, and counts by colour', async () => {
    const table = leader.locator('ls-inbox ls-task-table')
    await table.locator('tbody tr').first().waitFor()
    const shown = await table.locator('tbody tr .light').allInnerTexts()
    expect(shown).toHaveLength(rows.length)
    const names: Record<string, string> = {
      green: '绿灯',
      blue: '蓝灯',
      yellow: '黄灯',
      red: '红灯',
    }
    expect(shown).toEqual(rows.map((row) => names[row.light]))
    // The quarter's supervision, due 10 September, is three working days away: blue.
    expect(rows.some((row) => row.light === 'blue')).toBe(true)
    const counts = leader.locator('ls-inbox .counts .by-light')
    expect(await counts.count()).toBe(4)
    await screenshot(leader, '70-inbox-lights')
  })

  it('filters the inbox by the colours ticked', async () => {
    const filters = leader.locator('ls-inbox').getByRole('group', { name: '三色预警' })
    const blue = rows.filter((row) => row.light === 'blue')
    const table = leader.locator('ls-inbox ls-task-table')
    // Each list as asked for, not the rows before it still on screen.
    await afterAnswer(leader, /\/api\/tasks\?.*light=blue/, () =>
      filters.getByRole('checkbox', { name: '蓝灯' }).check(),
    )
    expect(await table.locator('tbody tr .light').count()).toBe(blue.length)
    expect(new Set(await table.locator('tbody tr .light').allInnerTexts())).toEqual(
      new Set(['蓝灯']),
    )
    await screenshot(leader, '71-inbox-filtered-blue')
    await afterAnswer(
      leader,
      (url) => /\/api\/tasks(\?|$)/.test(url) && !/light=/.test(url),
      () => filters.getByRole('checkbox', { name: '蓝灯' }).uncheck(),
    )
    expect(await table.locator('tbody tr .light').count()).toBe(rows.length)
  })

  it('takes a unit’s progress report on its task page and lists it', async () => {
    const tasks = (await unit.evaluate(async () => (await fetch('/api/tasks')).json()))
      .tasks as Row[]
    const task = tasks.find((row) => ['assigned', 'in_progress', 'returned'].includes(row.state))!
    await unit.goto(`${e2e.server.baseUrl}/#/tasks/${task.id}`)
    const section = unit.locator('ls-task-page ls-progress-report')
    await section.getByRole('heading', { name: /周期反馈/ }).waitFor()
    await section.getByText('尚未报送进度').waitFor()
    await section.getByLabel('完成百分比').fill('130')
    await section.getByLabel('进展情况').fill('已完成调研，正在起草价格调整方案')
    await section.getByRole('button', { name: '报送进度' }).click()
    await section.getByRole('alert').filter({ hasText: '0–100' }).waitFor()
    await section.getByLabel('完成百分比').fill('40')
    await section.getByRole('button', { name: '报送进度' }).click()
    await section.getByRole('status').filter({ hasText: '进度已报送' }).waitFor()
    await section.getByText('已完成调研，正在起草价格调整方案').waitFor()
    expect(await section.locator('li .percent').allInnerTexts()).toEqual(['40%'])
    await screenshot(unit, '72-task-progress-report')
  })
})
