// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../i18n.ts'
import type { LsUserAdmin } from './user-admin.component.ts'
import './user-admin.ts'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const account = (over: Record<string, unknown> = {}) => ({
  id: 'u1',
  username: 'lin',
  displayName: '林某',
  phone: null,
  email: null,
  roles: ['department'],
  units: [{ policyId: 'demo', unitId: 'office' }],
  active: true,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: null,
  ...over,
})

/** Answers requests in order, recording each method, path and body. */
function server(...answers: Response[]) {
  const sent: { method: string; path: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string | URL, init: RequestInit = {}) => {
      sent.push({
        method: init.method ?? 'GET',
        path: String(path),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      })
      return answers.shift() ?? json({})
    }),
  )
  return sent
}

async function mount(): Promise<ShadowRoot> {
  const page: LsUserAdmin = document.createElement('ls-user-admin')
  document.body.append(page)
  await vi.waitFor(() => expect(page.shadowRoot?.querySelector('tbody tr')).not.toBeNull())
  return page.shadowRoot!
}

const $ = <T extends Element>(root: ShadowRoot, selector: string) =>
  root.querySelector<T>(selector)!

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  localStorage.clear()
})

describe('ls-user-admin', () => {
  it('creates an account and shows its one-time password once, never storing it', async () => {
    const sent = server(
      json({ users: [account()] }),
      json(
        {
          user: account({ id: 'u2', username: 'wang', displayName: '王某' }),
          initialPassword: 'Kx7-one-time-Pw',
        },
        201,
      ),
    )
    const root = await mount()
    expect($(root, 'tbody').textContent).toContain('demo/office')
    $<HTMLInputElement>(root, 'form.create input[name=username]').value = 'wang'
    $<HTMLInputElement>(root, 'form.create input[name=displayName]').value = '王某'
    $<HTMLInputElement>(root, 'form.create input[value=department]').checked = true
    $<HTMLTextAreaElement>(root, 'form.create textarea[name=units]').value =
      'demo/office\ndemo/finance'
    $(root, 'form.create').dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() =>
      expect(root.querySelector('[data-secret]')?.textContent).toBe('Kx7-one-time-Pw'),
    )
    expect(sent[1]).toEqual({
      method: 'POST',
      path: '/api/users',
      body: {
        username: 'wang',
        displayName: '王某',
        roles: ['department'],
        units: [
          { policyId: 'demo', unitId: 'office' },
          { policyId: 'demo', unitId: 'finance' },
        ],
      },
    })
    expect($(root, 'dialog').textContent).toContain('只显示这一次')
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2)
    expect(JSON.stringify({ ...localStorage })).not.toContain('Kx7-one-time-Pw')
    $<HTMLButtonElement>(root, 'dialog [data-action=close]').click()
    await vi.waitFor(() => expect(root.querySelector('dialog')).toBeNull())
    expect(root.textContent).not.toContain('Kx7-one-time-Pw')
  })

  it('shows each server issue at the field its pointer names', async () => {
    server(
      json({ users: [account()] }),
      json(
        {
          error: {
            code: 'invalid-user',
            message: { zh: '用户信息有误，请按提示修改', en: 'x' },
            issues: [
              {
                pointer: '/units/0/unitId',
                code: 'unknown-unit',
                message: { zh: '没有单位 nowhere', en: 'x' },
              },
            ],
          },
        },
        422,
      ),
    )
    const root = await mount()
    $<HTMLInputElement>(root, 'form.create input[name=username]').value = 'zhao'
    $<HTMLInputElement>(root, 'form.create input[name=displayName]').value = '赵某'
    $<HTMLInputElement>(root, 'form.create input[value=leader]').checked = true
    $<HTMLTextAreaElement>(root, 'form.create textarea[name=units]').value = 'demo/nowhere'
    $(root, 'form.create').dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() =>
      expect(root.querySelector('#error-units')?.textContent).toBe('没有单位 nowhere'),
    )
    expect(root.querySelector('#error-username')).toBeNull()
  })

  it('refuses a units line that is not policy/unit without asking the server', async () => {
    const sent = server(json({ users: [account()] }))
    const root = await mount()
    $<HTMLInputElement>(root, 'form.create input[name=username]').value = 'zhao'
    $<HTMLTextAreaElement>(root, 'form.create textarea[name=units]').value = 'demo/office\noffice'
    $(root, 'form.create').dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() =>
      expect(root.querySelector('#error-units')?.textContent).toBe('第 2 行应写作 政策ID/单位ID'),
    )
    expect(sent).toHaveLength(1)
  })

  it('deactivates only after the confirm, and offers no more actions on the account', async () => {
    const sent = server(json({ users: [account()] }), json({ user: account({ active: false }) }))
    const root = await mount()
    $<HTMLButtonElement>(root, '[data-action=deactivate]').click()
    await vi.waitFor(() => expect(root.querySelector('[data-action=confirm]')).not.toBeNull())
    expect(sent).toHaveLength(1)
    $<HTMLButtonElement>(root, '[data-action=confirm]').click()
    await vi.waitFor(() => expect($(root, 'tbody tr').textContent).toContain('已停用'))
    expect(sent[1]).toEqual({ method: 'PATCH', path: '/api/users/u1', body: { active: false } })
    expect(root.querySelector('[data-action=reset]')).toBeNull()
  })

  it('shows a refused deactivation of oneself above the page, not at the create form', async () => {
    server(
      json({ users: [account({ roles: ['admin'] })] }),
      json({ error: { code: 'conflict', message: { zh: '不能停用自己的账号', en: 'x' } } }, 409),
    )
    const root = await mount()
    $<HTMLButtonElement>(root, '[data-action=deactivate]').click()
    await vi.waitFor(() => expect(root.querySelector('[data-action=confirm]')).not.toBeNull())
    $<HTMLButtonElement>(root, '[data-action=confirm]').click()
    await vi.waitFor(() =>
      expect(root.querySelector('#error-form')?.textContent).toBe('不能停用自己的账号'),
    )
    expect(root.querySelector('#error-username')).toBeNull()
    expect($(root, 'tbody tr').textContent).toContain('启用')
  })

  it('resets a password and shows the new one-time password', async () => {
    const sent = server(
      json({ users: [account()] }),
      json({ user: account({ mustChangePassword: true }), oneTimePassword: 'Reset-Pw-9x' }),
    )
    const root = await mount()
    $<HTMLButtonElement>(root, '[data-action=reset]').click()
    await vi.waitFor(() =>
      expect(root.querySelector('[data-secret]')?.textContent).toBe('Reset-Pw-9x'),
    )
    expect(sent[1]).toMatchObject({ method: 'POST', path: '/api/users/u1/password-reset' })
    expect($(root, 'tbody tr').textContent).toContain('是')
  })

  it('switches to English with the header switch', async () => {
    server(json({ users: [account()] }))
    const root = await mount()
    expect($(root, 'h2').textContent).toBe('用户管理')
    setLocale('en')
    try {
      await vi.waitFor(() => expect($(root, 'h2').textContent).toBe('Accounts'))
      expect($(root, 'tbody tr').textContent).toContain('Department')
    } finally {
      setLocale('zh')
    }
  })

  it('edits name, roles and units of an account', async () => {
    const sent = server(
      json({ users: [account()] }),
      json({ user: account({ displayName: '林某某', roles: ['leader'] }) }),
    )
    const root = await mount()
    $<HTMLButtonElement>(root, '[data-action=edit]').click()
    await vi.waitFor(() => expect(root.querySelector('form.edit')).not.toBeNull())
    $<HTMLInputElement>(root, 'form.edit input[name=displayName]').value = '林某某'
    $<HTMLInputElement>(root, 'form.edit input[value=department]').checked = false
    $<HTMLInputElement>(root, 'form.edit input[value=leader]').checked = true
    $(root, 'form.edit').dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(root.querySelector('form.edit')).toBeNull())
    expect(sent[1]).toEqual({
      method: 'PATCH',
      path: '/api/users/u1',
      body: {
        displayName: '林某某',
        phone: null,
        email: null,
        roles: ['leader'],
        units: [{ policyId: 'demo', unitId: 'office' }],
      },
    })
    expect($(root, 'tbody tr').textContent).toContain('林某某')
  })
})
