/**
 * Staff answer their tasks on a phone. At 360, 390 and 430 px wide (a touch screen) the inbox,
 * a task's page, the notifications, the review queue and the dashboard fit the screen (nothing
 * runs off its right edge), the header keeps the app's name on one line, tasks are cards rather
 * than a table, and the controls a finger uses are at least 44 px high. Screenshots at 390 px.
 */
import { openPath, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'
import { PHONES, loginPhone, overflowX, smallTargets } from './helpers/phone.ts'

const UNIT = 'pingnan.county-finance-bureau'
const REVIEWER = 'pingnan.leadership-group-office'
const LEADER = 'pingnan.leadership-group'

describe('on a phone', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E(undefined, process.env.PORT ? { PORT: process.env.PORT } : {})
  })

  afterAll(async () => {
    await e2e?.close()
  })

  for (const size of PHONES) {
    describe(`${size.width}×${size.height}`, () => {
      it('shows the inbox as cards that fit the screen, under a header that keeps the name on one line', async () => {
        const page = await loginPhone(e2e, UNIT, size)
        await page.locator('ls-inbox ls-task-table tbody tr').first().waitFor()
        expect(await overflowX(page)).toBeLessThanOrEqual(0)
        const name = page.locator('ls-app header h1')
        const box = (await name.boundingBox())!
        const lineHeight = await name.evaluate(
          (el) => parseFloat(getComputedStyle(el).lineHeight) || 20,
        )
        expect(box.height).toBeLessThan(lineHeight * 1.5)
        // The column headings are for screen readers only; each card names its own fields.
        const head = (await page.locator('ls-inbox ls-task-table thead').boundingBox())!
        expect(head.width).toBeLessThanOrEqual(1)
        const card = page.locator('ls-inbox ls-task-table tbody tr').first()
        expect(await card.locator('td[data-label]').count()).toBeGreaterThan(2)
        const title = (await card.locator('th a').boundingBox())!
        expect(title.height).toBeGreaterThanOrEqual(44)
        expect(await smallTargets(page, 'ls-app')).toEqual([])
        if (size.width === 390) await screenshot(page, '80-phone-inbox')
        await page.context().close()
      })

      it('opens a task’s page that fits the screen, with its controls a finger high', async () => {
        const page = await loginPhone(e2e, UNIT, size)
        const first = page.locator('ls-inbox ls-task-table tbody tr th a').first()
        await first.click()
        await page.locator('ls-task-page h2').first().waitFor()
        expect(await overflowX(page)).toBeLessThanOrEqual(0)
        expect(await smallTargets(page, 'ls-task-page')).toEqual([])
        if (size.width === 390) await screenshot(page, '81-phone-task')
        await page.context().close()
      })

      it('lists the notifications within the screen', async () => {
        const page = await loginPhone(e2e, REVIEWER, size)
        await openPath(page, '#/notifications', 'ls-notification-list li')
        expect(await overflowX(page)).toBeLessThanOrEqual(0)
        expect(await smallTargets(page, 'ls-notification-list')).toEqual([])
        if (size.width === 390) await screenshot(page, '82-phone-notifications')
        await page.context().close()
      })

      it('shows the review queue within the screen', async () => {
        const page = await loginPhone(e2e, LEADER, size)
        await openPath(
          page,
          '#/inbox/review',
          'ls-inbox ls-task-table',
          /\/api\/tasks\?.*role=review/,
        )
        expect(await overflowX(page)).toBeLessThanOrEqual(0)
        if (size.width === 390) await screenshot(page, '83-phone-review')
        await page.context().close()
      })

      it('shows the dashboard within the screen, its phases and units as cards within it', async () => {
        const page = await loginPhone(e2e, LEADER, size)
        await openPath(page, '#/dashboard', 'ls-dashboard h2')
        await page.waitForLoadState('networkidle')
        expect(await overflowX(page)).toBeLessThanOrEqual(0)
        const phases = page.locator('ls-phase-gates tbody tr')
        await phases.first().waitFor()
        const head = (await page.locator('ls-phase-gates thead').boundingBox())!
        expect(head.width).toBeLessThanOrEqual(1)
        for (const box of await phases.evaluateAll((rows) =>
          rows.map((row) => row.getBoundingClientRect().toJSON() as DOMRect),
        ))
          expect(box.right).toBeLessThanOrEqual(size.width)
        expect(await phases.first().locator('td[data-label]').count()).toBeGreaterThan(2)
        const units = page.locator('ls-unit-progress tbody tr')
        for (const box of await units.evaluateAll((rows) =>
          rows.map((row) => row.getBoundingClientRect().toJSON() as DOMRect),
        ))
          expect(box.right).toBeLessThanOrEqual(size.width)
        if (size.width === 390) await screenshot(page, '84-phone-dashboard')
        await page.context().close()
      })
    })
  }
})
