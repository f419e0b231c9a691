// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import './user-admin.ts'
import { $, account, clearPage, json, mount, publish, server } from './user-admin.fixtures.ts'

afterEach(clearPage)

describe('ls-user-admin: editing, filtering and imported accounts', () => {
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
    publish([
      {
        policyId: 'demo',
        title: '示例政策',
        units: [
          { id: 'office', name: '办公室' },
          { id: 'finance', name: '财政局' },
        ],
      },
    ])
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
