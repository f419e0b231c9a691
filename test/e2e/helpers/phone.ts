/**
 * Pages at a phone's size: a touch screen 360–430 px wide, signed in through the login form as on
 * the desktop (helpers/browser.ts).
 */
import type { Page } from 'playwright-core'
import type { E2E } from './browser.ts'

/** The phone sizes the pages must fit: a small Android, an iPhone, a large iPhone. */
export const PHONES = [
  { width: 360, height: 780 },
  { width: 390, height: 844 },
  { width: 430, height: 932 },
] as const

/** A new phone-sized page (its own cookies) signed in as `username`. */
export async function loginPhone(
  e2e: E2E,
  username: string,
  size: { width: number; height: number },
  password = 'luoshi-demo',
): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'zh-CN',
    viewport: size,
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  await page.goto(`${e2e.server.baseUrl}/#/inbox`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '退出' }).waitFor()
  return page
}

/** How far the page runs past the screen's right edge, in CSS pixels (0 when it fits). */
export async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

/**
 * The controls under `root` (buttons, selects, links styled as buttons, text fields) drawn less
 * than 44 px high: too small for a finger. Hidden ones are left out.
 */
export async function smallTargets(page: Page, root: string): Promise<string[]> {
  return page.locator(root).evaluateAll((hosts) => {
    const small: string[] = []
    const visit = (node: Element | ShadowRoot) => {
      for (const el of Array.from(node.querySelectorAll('*'))) {
        if (el.shadowRoot) visit(el.shadowRoot)
        if (
          !el.matches(
            'button, select, input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea',
          )
        )
          continue
        const box = el.getBoundingClientRect()
        if (box.width === 0 || box.height === 0) continue
        if (box.height < 43.5)
          small.push(
            `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 20)}” ${Math.round(box.height)}px`,
          )
      }
    }
    for (const host of hosts) visit(host.shadowRoot ?? host)
    return small
  })
}
