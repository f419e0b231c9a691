/**
 * Trust in the browser (real Chromium, the real server): a phase named like an HTML attack shows
 * as text in the leader's and the admin's dashboard tooltips and runs nothing; every page and API
 * answer carries the security headers and the app works under them with no CSP violation; undo
 * never reaches back into another policy's text; publishing asks for a change note, which the
 * version list then shows.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const ATTACK = '<img src=x onerror=window.__xss=1>'

/** Records every CSP violation and uncaught error of a page, from before its first script. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = []
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __reportViolation(text: string): void }).__reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

/** A page signed in as `username`, watched for CSP violations from the start. */
async function watchedLogin(
  e2e: E2E,
  username: string,
  path: string,
): Promise<{ page: Page; problems: string[] }> {
  const context = await e2e.browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  const problems = await watch(page)
  await page.goto(`${e2e.server.baseUrl}/${path}`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('luoshi-demo')
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('button', { name: '退出' }).waitFor()
  return { page, problems }
}

/** Logs in through the API (not a page) and returns a JSON caller with the cookie and CSRF token. */
async function apiAs(e2e: E2E, username: string) {
  const login = await fetch(`${e2e.server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'luoshi-demo' }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  return async (path: string, body: unknown) => {
    const response = await fetch(`${e2e.server.baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return response.json()
  }
}

/**
 * Moves the mouse over the phase chart until its tooltip shows the hostile name, and returns the
 * tooltip's text. The hostile phase is the first: the top row, its bar near the left.
 */
async function hoverHostilePhase(page: Page): Promise<string> {
  const chart = page.locator('ls-phase-gates .chart')
  // The timeline is below the dashboard's first screen: its chart draws once scrolled to.
  await chart.scrollIntoViewIfNeeded()
  await chart.locator('canvas').first().waitFor()
  const box = (await chart.boundingBox())!
  const tooltip = () =>
    chart.evaluate((element) => {
      const shown = Array.from(element.querySelectorAll<HTMLElement>(':scope > div')).find(
        (div) => !div.querySelector('canvas') && getComputedStyle(div).visibility === 'visible',
      )
      return shown?.textContent ?? ''
    })
  for (let y = 0.04; y < 0.4; y += 0.03) {
    for (let x = 0.01; x < 0.6; x += 0.012) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y)
      const text = await chart.evaluate((element) => element.textContent ?? '')
      if (!text.includes(ATTACK)) continue
      await page.waitForTimeout(300)
      const shown = await tooltip()
      if (shown.includes(ATTACK)) return shown
    }
  }
  throw new Error('no tooltip showed the hostile phase name')
}

describe('trust in the browser', () => {
  let e2e: E2E
  let planId: string

  beforeAll(async () => {
    e2e = await startE2E()
    // An author publishes Pingnan 1.0.1 whose first phase is named like an attack, and starts it.
    const yaml = readFileSync('policies/pingnan/medical-alliance-2018.yaml', 'utf8')
      .replace(/^ {2}version: 1\.0\.0$/m, '  version: 1.0.1')
      .replace('      name: 制定方案\n', `      name: '${ATTACK}'\n`)
    const author = await apiAs(e2e, 'author')
    const sourceText = readFileSync('policies/pingnan/source.txt', 'utf8')
    await author('/api/policies', { yaml, sourceText, note: 'e2e: a hostile phase name' })
    const started = (await author('/api/plans', {
      policyId: 'pingnan-medical-alliance',
      version: '1.0.1',
      name: 'XSS 检查',
    })) as { plan: { id: string } }
    planId = started.plan.id
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it.each([
    ['the leader', 'pingnan.leadership-group'],
    ['the admin', 'admin'],
  ])(
    'shows the hostile phase name as text in %s’s dashboard tooltip and runs nothing',
    async (_who, username) => {
      const { page, problems } = await watchedLogin(e2e, username, `#/plans/${planId}`)
      // The table lists it too — as text, through Lit.
      await page.locator('ls-phase-gates').getByText(ATTACK).first().waitFor({ timeout: 30_000 })
      const tooltip = await hoverHostilePhase(page)
      expect(tooltip).toContain(ATTACK)
      expect(await page.locator('ls-phase-gates .chart img').count()).toBe(0)
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
      ).toBeUndefined()
      expect(problems).toEqual([])
      await screenshot(page, `security-tooltip-${username}`)
      await page.context().close()
    },
  )

  it('sends the security headers with the page, its scripts and the API', async () => {
    const page = await loginPage(e2e, 'admin', '#/inbox')
    const served = await page.goto(`${e2e.server.baseUrl}/`)
    const headers = served!.headers()
    const script = await page.evaluate(
      () => document.querySelector<HTMLScriptElement>('script[src]')!.src,
    )
    const answers = await page.evaluate(
      async (urls: string[]) =>
        Promise.all(
          urls.map(async (url) => {
            const response = await fetch(url)
            return Object.fromEntries(
              [
                'content-security-policy',
                'x-content-type-options',
                'x-frame-options',
                'referrer-policy',
              ].map((name) => [name, response.headers.get(name)]),
            )
          }),
        ),
      [script, '/api/policies', '/api/no-such-route'],
    )
    for (const answer of [headers, ...answers]) {
      expect(answer['content-security-policy']).toContain("script-src 'self'")
      expect(answer['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(answer['content-security-policy']).toContain("object-src 'none'")
      expect(answer['x-content-type-options']).toBe('nosniff')
      expect(answer['x-frame-options']).toBe('DENY')
      expect(answer['referrer-policy']).toBe('no-referrer')
    }
    // An inline script, as injected markup would bring, does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inline = 1'
      document.body.append(script)
      return (window as unknown as { __inline?: number }).__inline
    })
    expect(ran).toBeUndefined()
    await page.context().close()
  })

  describe('the policy editor', () => {
    let author: Page
    let problems: string[]

    /** The text in the editor, as the page holds it (CodeMirror renders only the visible lines). */
    const editorText = () =>
      author.evaluate(() => {
        const find = (root: Document | ShadowRoot): Element | null => {
          for (const element of Array.from(root.querySelectorAll('*'))) {
            if (element.tagName === 'LS-POLICY-EDITOR') return element
            const inner = element.shadowRoot && find(element.shadowRoot)
            if (inner) return inner
          }
          return null
        }
        return (find(document) as unknown as { yaml: string }).yaml
      })
    const published = (policyId: string, version: string) =>
      author.evaluate(
        async ([id, v]) =>
          (await (await fetch(`/api/policies/${id}/versions/${v}`)).json()).yaml as string,
        [policyId, version],
      )

    beforeAll(async () => {
      ;({ page: author, problems } = await watchedLogin(e2e, 'author', '#/author'))
    })

    afterAll(async () => {
      await author?.context().close()
    })

    it('does not undo into the policy shown before a switch', async () => {
      const meishan = await published('meishan-medical-community-insurance', '1.1.0')
      await author.getByLabel('政策', { exact: true }).selectOption('chongqing-urban-medical-group')
      await author
        .locator('.cm-line', { hasText: 'id: chongqing-urban-medical-group' })
        .first()
        .click()
      await author.keyboard.press('End')
      await author.keyboard.type(' # 重庆的修改')
      await author.locator('.cm-line', { hasText: '# 重庆的修改' }).first().waitFor()
      await author
        .getByLabel('政策', { exact: true })
        .selectOption('meishan-medical-community-insurance')
      await author
        .locator('.cm-line', { hasText: 'id: meishan-medical-community-insurance' })
        .first()
        .click()
      for (let i = 0; i < 5; i++) await author.keyboard.press('Control+z')
      // Longer than the draft autosave waits: an undo that crossed the switch would be saved now.
      await author.waitForTimeout(2_500)
      expect(await editorText()).toBe(meishan)
      const draft = await author.evaluate(() =>
        localStorage.getItem('luoshi.policyDraft.meishan-medical-community-insurance'),
      )
      expect(draft ?? '').not.toContain('重庆')
      expect(await author.locator('.cm-line', { hasText: '重庆的修改' }).count()).toBe(0)
    })

    it('asks for a change note before publishing, and lists the version with it', async () => {
      await author.locator('.cm-line', { hasText: 'version: 1.1.0' }).first().click()
      await author.keyboard.press('End')
      await author.keyboard.press('Backspace')
      await author.keyboard.type('1')
      await author.locator('.cm-line', { hasText: 'version: 1.1.1' }).first().waitFor()
      await author.getByRole('button', { name: '发布', exact: true }).click()
      const dialog = author.getByRole('dialog', {
        name: '发布 meishan-medical-community-insurance v1.1.1？',
      })
      await dialog.waitFor()
      await dialog.getByRole('button', { name: '确认发布' }).click()
      await dialog.getByText('请填写变更说明').waitFor()
      expect(await dialog.isVisible()).toBe(true)
      await dialog.getByLabel('变更说明').fill('版本号提高到 1.1.1，内容不变')
      await dialog.getByRole('button', { name: '确认发布' }).click()
      await author
        .getByText('已发布 meishan-medical-community-insurance v1.1.1')
        .first()
        .waitFor({ timeout: 30_000 })
      const row = author.locator('ls-policy-versions tr', { hasText: '1.1.1' })
      await row.getByText('版本号提高到 1.1.1，内容不变').waitFor()
      await screenshot(author, 'security-publish-note')
      expect(problems).toEqual([])
    })
  })
})
