/**
 * Chromium for the browser tests: Debian's `/usr/bin/chromium` (installed by .ci/run with
 * fonts-noto-cjk) driven by playwright-core, against the real server on loopback. Screenshots go
 * to `test-results/screenshots/` and are kept as CI artifacts.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { ROOT, killHard, startServer } from '../../helpers/durability-server.ts'
import type { ServerProcess } from '../../helpers/durability-server.ts'
import { demoDataFolder } from '../../helpers/demo-data.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots')

/** Flags for a headless Chromium on a machine with no network but loopback. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export interface E2E {
  server: ServerProcess
  browser: Browser
  close(): Promise<void>
}

/**
 * Starts a server on its own data (demo loaded, clock at `now`: see helpers/demo-data.ts) and a
 * browser; `env` adds settings for the server (such as `LUOSHI_OIDC_*`, or `PORT`, else the OS picks one).
 */
export async function startE2E(
  now = '2018-09-05T09:00:00+08:00',
  env: Record<string, string> = {},
): Promise<E2E> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    )
  const server = await startServer({
    dataDir: await demoDataFolder(now, 'luoshi-e2e-'),
    now,
    env,
    timeoutMs: 90_000,
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
  return {
    server,
    browser,
    async close() {
      await browser.close()
      await killHard(server)
    },
  }
}

/** A new page (its own cookies) signed in as `username` through the login form. */
export async function loginPage(
  e2e: E2E,
  username: string,
  path = '#/inbox',
  password = 'luoshi-demo',
): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  await page.goto(`${e2e.server.baseUrl}/${path}`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '退出' }).waitFor()
  return page
}

/**
 * Does `action` (a click, a navigation), then waits for the API's answer whose address `answer`
 * matches and until nothing shows as loading. A list reloaded in place keeps its rows from before
 * on screen, dimmed (`aria-busy`), until its answer is in: read then, a test sees the old rows.
 */
export async function afterAnswer(
  page: Page,
  answer: RegExp | ((url: string) => boolean),
  action: () => Promise<unknown>,
): Promise<void> {
  const matches = typeof answer === 'function' ? answer : (url: string) => answer.test(url)
  const answered = page.waitForResponse((response) => matches(response.url()))
  await action()
  await answered
  await notLoading(page)
}

/**
 * Opens `path` on the page's site, then waits until `ready` shows and nothing shows as loading;
 * with `answer`, also for the API's answer whose address it matches ({@link afterAnswer}).
 */
export async function openPath(
  page: Page,
  path: string,
  ready: string,
  answer?: RegExp,
): Promise<void> {
  const go = () => page.goto(`${new URL(page.url()).origin}/${path}`)
  await (answer ? afterAnswer(page, answer, go) : go())
  await page.locator(ready).first().waitFor()
  await notLoading(page)
}

/** Waits until no element of the page is marked as loading (`aria-busy="true"`). */
export async function notLoading(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' })
}

/** Saves a full-page screenshot under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * True when Chinese text is drawn with a real CJK font. A missing font draws every character as
 * the same "tofu" box, so distinct characters must come out as distinct, non-empty pixels.
 */
export async function rendersChinese(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const pixels = (char: string) => {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 40
      const context = canvas.getContext('2d')!
      context.font = '32px "Noto Sans CJK SC", sans-serif'
      context.fillText(char, 2, 34)
      return Array.from(context.getImageData(0, 0, 40, 40).data).join(',')
    }
    const drawn = ['落', '实', '医', '改'].map(pixels)
    const blank = pixels(' ')
    return (
      document.fonts.check('16px "Noto Sans CJK SC"') &&
      new Set(drawn).size === drawn.length &&
      drawn.every((p) => p !== blank)
    )
  })
}
