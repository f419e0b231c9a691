// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../i18n.ts'
import type { LsLoginForm } from './login-form.component.ts'
import './login-form.ts'

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

/** Mounts the form with `GET /api/auth/options` answering `oidc`. */
async function mount(oidc: { label: string } | null): Promise<LsLoginForm> {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      if (String(path).endsWith('/api/auth/options')) return json({ oidc })
      throw new Error(`unexpected request ${path}`)
    }),
  )
  const form = document.createElement('ls-login-form')
  document.body.append(form)
  await vi.waitFor(() => expect(form.shadowRoot?.querySelector('form')).not.toBeNull())
  return form
}

const ssoButton = (form: LsLoginForm) =>
  form.shadowRoot!.querySelector<HTMLButtonElement>('button.sso')
const alert = (form: LsLoginForm) => form.shadowRoot!.querySelector('[role=alert]')?.textContent

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  setLocale('zh')
  window.history.replaceState(null, '', '/')
})

describe('ls-login-form', () => {
  it('shows the sign-on button with the configured label', async () => {
    const form = await mount({ label: '省统一身份认证' })
    await vi.waitFor(() => expect(ssoButton(form)?.textContent).toBe('省统一身份认证'))
  })

  it('shows no sign-on button when single sign-on is not configured', async () => {
    const form = await mount(null)
    await vi.waitFor(() =>
      expect(
        (vi.mocked(fetch).mock.calls as unknown[][]).some(([path]) =>
          String(path).endsWith('/api/auth/options'),
        ),
      ).toBe(true),
    )
    await form.updateComplete
    expect(ssoButton(form)).toBeNull()
  })

  it('shows a refused sign-on’s reason in Chinese, then English, and drops it from the address', async () => {
    window.history.replaceState(null, '', '/?login-error=sso-no-account#/inbox')
    const form = await mount({ label: '统一身份认证登录' })
    expect(alert(form)).toContain('本系统没有与您对应的账号')
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe(
      '/#/inbox',
    )
    setLocale('en')
    await vi.waitFor(() => expect(alert(form)).toContain('no account here matches you'))
  })
})
