/**
 * Single sign-on in the browser (real Chromium, the real server, a real OpenID Connect provider on
 * another site): the login page shows the 统一身份认证登录 button, which goes through the
 * provider's sign-in page and back into luoshi, signed in as the demo account the provider's
 * `preferred_username` names; a person with no account comes back to the login page with the
 * reason.
 */
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, startTestProvider } from '../helpers/oidc-provider.ts'
import type { TestProvider } from '../helpers/oidc-provider.ts'
import { screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

describe('统一身份认证 in the browser', () => {
  let provider: TestProvider
  let e2e: E2E

  beforeAll(async () => {
    // `localhost` is another site than the server's 127.0.0.1, as a real provider would be.
    provider = await startTestProvider('localhost')
    e2e = await startE2E(undefined, {
      LUOSHI_OIDC_ISSUER: provider.issuer,
      LUOSHI_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      LUOSHI_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
    })
    provider.register([`${e2e.server.baseUrl}/api/auth/oidc/callback`])
    provider.accounts.set('gov-00042', { preferred_username: 'pingnan.county-finance-bureau' })
    provider.accounts.set('gov-00043', { preferred_username: 'not.in.luoshi' })
  })

  afterAll(async () => {
    await e2e?.close()
    await provider?.close()
  })

  async function openLoginPage() {
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${e2e.server.baseUrl}/#/inbox`)
    return page
  }

  it('signs in through the provider’s page and returns to the inbox as the mapped account', async () => {
    const page = await openLoginPage()
    const button = page.getByRole('button', { name: '统一身份认证登录' })
    await button.waitFor()
    await screenshot(page, '60-login-single-sign-on')
    await button.click()

    await page.getByRole('heading', { name: '统一身份认证平台' }).waitFor()
    await page.getByLabel('账号').fill('gov-00042')
    await page.getByRole('button', { name: '登录' }).click()

    await page.getByRole('button', { name: '退出' }).waitFor()
    expect(new URL(page.url()).origin).toBe(e2e.server.baseUrl)
    expect(new URL(page.url()).hash).toBe('#/inbox')
    const me = await page.evaluate(
      async () =>
        (await (await fetch('/api/auth/me')).json()) as {
          user: { username: string }
        },
    )
    expect(me.user.username).toBe('pingnan.county-finance-bureau')
    await screenshot(page, '61-after-single-sign-on')
  })

  it('brings a person with no account back to the login form with the reason', async () => {
    const page = await openLoginPage()
    await page.getByRole('button', { name: '统一身份认证登录' }).click()
    await page.getByLabel('账号').fill('gov-00043')
    await page.getByRole('button', { name: '登录' }).click()

    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('本系统没有与您对应的账号')
    expect(new URL(page.url()).search).toBe('')
    await screenshot(page, '62-single-sign-on-no-account')
  })
})
