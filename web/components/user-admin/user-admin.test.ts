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

/** The account the page is opened by. */
let signedIn: { roles: string[]; regionId: string | null } = { roles: ['admin'], regionId: null }

/** The published policies the unit checkboxes are built from; none unless a test sets them. */
let published: Array<{
  policyId: string
  title: string
  units: Array<{ id: string; name: string }>
}> = []

/** The answer to the unit catalogue's requests (`/api/policies…`), from {@link published}. */
function policiesAnswer(path: string): Response {
  const version = /^\/api\/policies\/([^/]+)\/versions\//.exec(path)
  if (!version)
    return json({
      policies: published.map((policy) => ({
        policyId: policy.policyId,
        title: policy.title,
        version: '1.0.0',
      })),
    })
  const policy = published.find((each) => each.policyId === decodeURIComponent(version[1]!))!
  return json({ config: { organizations: { units: policy.units } } })
}

/**
 * Answers the account requests in order, recording each method, path and body; the unit
 * catalogue's requests are answered apart and not recorded.
 */
function server(...answers: Response[]) {
  const sent: { method: string; path: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string | URL, init: RequestInit = {}) => {
      if (String(path).startsWith('/api/policies')) return policiesAnswer(String(path))
      // Who is signed in (a system administrator unless a test says otherwise) and the regions
      // it reads: asked on every load.
      if (String(path) === '/api/auth/me') return json({ user: signedIn, csrfToken: 't' })
      if (String(path) === '/api/regions') return json({ regions: [] })
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

/** The one-time password dialog's element, inside its own shadow root. */
const secretOf = (root: ShadowRoot) => root.querySelector('ls-one-time-secret')!.shadowRoot!

const $ = <T extends Element>(root: ShadowRoot, selector: string) =>
  root.querySelector<T>(selector)!

afterEach(() => {
  published = []
  signedIn = { roles: ['admin'], regionId: null }
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
    signedIn = { roles: ['region-admin'], regionId: 'east' }
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
        regionId: null,
        units: [{ policyId: 'demo', unitId: 'office' }],
      },
    })
    expect($(root, 'tbody tr').textContent).toContain('林某某')
  })

  it('re-activates a deactivated account without a confirm, and offers its actions again', async () => {
    const sent = server(
      json({ users: [account({ active: false })] }),
      json({ user: account({ active: true }) }),
    )
    const root = await mount()
    expect(root.querySelector('[data-action=reset]')).toBeNull()
    $<HTMLButtonElement>(root, '[data-action=reactivate]').click()
    await vi.waitFor(() => expect(root.querySelector('[data-action=reset]')).not.toBeNull())
    expect(sent[1]).toEqual({ method: 'PATCH', path: '/api/users/u1', body: { active: true } })
    expect($(root, 'tbody tr').textContent).toContain('启用')
    expect(root.querySelector('[data-action=reactivate]')).toBeNull()
  })

  it('filters the list by name or username, unit, role and status', async () => {
    server(
      json({
        users: [
          account(),
          account({
            id: 'u2',
            username: 'wang.wu',
            displayName: '王五',
            roles: ['leader'],
            units: [{ policyId: 'demo', unitId: 'finance' }],
          }),
          account({ id: 'u3', username: 'zhao', displayName: '赵六', active: false, units: [] }),
        ],
      }),
    )
    const root = await mount()
    const shown = () =>
      [...root.querySelectorAll('tbody tr[data-user]')].map((row) => row.getAttribute('data-user'))
    const set = (selector: string, value: string) => {
      const field = $<HTMLInputElement | HTMLSelectElement>(root, `form.filter ${selector}`)
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }
    expect(shown()).toEqual(['lin', 'wang.wu', 'zhao'])
    set('input[name=text]', '王')
    await vi.waitFor(() => expect(shown()).toEqual(['wang.wu']))
    set('input[name=text]', 'ZHA')
    await vi.waitFor(() => expect(shown()).toEqual(['zhao']))
    set('input[name=text]', '')
    set('select[name=unit]', 'demo/office')
    await vi.waitFor(() => expect(shown()).toEqual(['lin']))
    set('select[name=unit]', '')
    set('select[name=role]', 'leader')
    await vi.waitFor(() => expect(shown()).toEqual(['wang.wu']))
    set('select[name=role]', '')
    set('select[name=status]', 'inactive')
    await vi.waitFor(() => expect(shown()).toEqual(['zhao']))
    expect($(root, 'form.filter [role=status]').textContent).toBe('显示 1 / 3 个用户')
    set('input[name=text]', 'nobody')
    await vi.waitFor(() => expect($(root, 'tbody').textContent).toContain('没有符合筛选条件的用户'))
  })

  it('picks units per published policy, keeps units it does not list in the text field, and names them in the list', async () => {
    published = [
      {
        policyId: 'demo',
        title: '示例政策',
        units: [
          { id: 'office', name: '办公室' },
          { id: 'finance', name: '财政局' },
        ],
      },
    ]
    const sent = server(
      json({
        users: [
          account({
            units: [
              { policyId: 'demo', unitId: 'office' },
              { policyId: 'demo', unitId: 'member-town' },
            ],
          }),
        ],
      }),
      json({
        user: account({
          units: [
            { policyId: 'demo', unitId: 'finance' },
            { policyId: 'demo', unitId: 'member-town' },
          ],
        }),
      }),
    )
    const root = await mount()
    await vi.waitFor(() => expect($(root, 'tbody tr').textContent).toContain('办公室'))
    expect($(root, 'tbody tr').textContent).toContain('demo/member-town')
    $<HTMLButtonElement>(root, '[data-action=edit]').click()
    await vi.waitFor(() => expect(root.querySelector('form.edit')).not.toBeNull())
    const box = (unit: string) =>
      $<HTMLInputElement>(root, `form.edit input[name=unit][value="demo/${unit}"]`)
    expect(box('office').checked).toBe(true)
    expect(box('finance').checked).toBe(false)
    expect($<HTMLTextAreaElement>(root, 'form.edit textarea[name=units]').value).toBe(
      'demo/member-town',
    )
    box('office').checked = false
    box('finance').checked = true
    $(root, 'form.edit').dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(root.querySelector('form.edit')).toBeNull())
    expect((sent[1]!.body as { units: unknown }).units).toEqual([
      { policyId: 'demo', unitId: 'finance' },
      { policyId: 'demo', unitId: 'member-town' },
    ])
    expect($(root, 'tbody tr').textContent).toContain('财政局')
  })

  it('adds the accounts an import created to the list, and keeps the import panel while a row is edited', async () => {
    server(json({ users: [account()] }))
    const root = await mount()
    $(root, 'ls-user-import').dispatchEvent(
      new CustomEvent('ls-users-imported', {
        detail: { users: [account({ id: 'u9', username: 'a.first', displayName: '甲' })] },
        bubbles: true,
        composed: true,
      }),
    )
    await vi.waitFor(() => expect(root.querySelectorAll('tbody tr[data-user]')).toHaveLength(2))
    expect($(root, 'tbody tr').getAttribute('data-user')).toBe('a.first')
    // Editing a row keeps the import panel (and any passwords it shows) on the page.
    const panel = $(root, 'ls-user-import')
    $<HTMLButtonElement>(root, 'tr[data-user=lin] [data-action=edit]').click()
    await vi.waitFor(() => expect(root.querySelector('form.edit')).not.toBeNull())
    expect(root.querySelector('ls-user-import')).toBe(panel)
  })
})
