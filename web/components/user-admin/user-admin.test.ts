// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../i18n.ts'
import './user-admin.ts'
import {
  $,
  account,
  clearPage,
  json,
  mount,
  secretOf,
  server,
  signInAs,
} from './user-admin.fixtures.ts'

afterEach(clearPage)

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
      expect(secretOf(root).querySelector('[data-secret]')?.textContent).toBe('Kx7-one-time-Pw'),
    )
    expect(sent[1]).toEqual({
      method: 'POST',
      path: '/api/users',
      body: {
        username: 'wang',
        displayName: '王某',
        roles: ['department'],
        regionId: null,
        units: [
          { policyId: 'demo', unitId: 'office' },
          { policyId: 'demo', unitId: 'finance' },
        ],
      },
    })
    expect(secretOf(root).querySelector('dialog')!.textContent).toContain('只显示这一次')
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2)
    expect(JSON.stringify({ ...localStorage })).not.toContain('Kx7-one-time-Pw')
    secretOf(root).querySelector<HTMLButtonElement>('dialog [data-action=close]')!.click()
    await vi.waitFor(() => expect(secretOf(root).querySelector('dialog')).toBeNull())
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

  it('offers a region administrator no change to another administrator’s account, and its everyday accounts every change', async () => {
    signInAs({ roles: ['region-admin'], regionId: 'east' })
    server(
      json({
        users: [
          account({ id: 'u1', username: 'east.admin2', roles: ['region-admin'], regionId: 'east' }),
          account({ id: 'u2', username: 'east.clerk', regionId: 'east' }),
        ],
      }),
    )
    const root = await mount()
    const peer = $(root, 'tr[data-user="east.admin2"]')
    expect(peer.querySelectorAll('button')).toHaveLength(0)
    expect(peer.textContent).toContain('管理员账号由系统管理员管理')
    const clerk = $(root, 'tr[data-user="east.clerk"]')
    expect([...clerk.querySelectorAll('button')].map((button) => button.dataset.action)).toEqual([
      'edit',
      'reset',
      'deactivate',
    ])
  })

  it('resets a password and shows the new one-time password', async () => {
    const sent = server(
      json({ users: [account()] }),
      json({ user: account({ mustChangePassword: true }), oneTimePassword: 'Reset-Pw-9x' }),
    )
    const root = await mount()
    $<HTMLButtonElement>(root, '[data-action=reset]').click()
    await vi.waitFor(() =>
      expect(secretOf(root).querySelector('[data-secret]')?.textContent).toBe('Reset-Pw-9x'),
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
})
