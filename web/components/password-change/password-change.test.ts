// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LsPasswordChange } from './password-change.component.ts'
import './password-change.ts'

async function mount(): Promise<LsPasswordChange> {
  const form = document.createElement('ls-password-change')
  document.body.append(form)
  await vi.waitFor(() => expect(form.shadowRoot?.querySelector('form')).not.toBeNull())
  return form
}

function submit(form: LsPasswordChange, current: string, next: string, again = next): void {
  const root = form.shadowRoot!
  for (const [name, value] of [
    ['current', current],
    ['next', next],
    ['again', again],
  ] as const)
    root.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value = value
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
}

const alerts = (form: LsPasswordChange) =>
  [...form.shadowRoot!.querySelectorAll('[role=alert] li')].map((item) => item.textContent)

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('ls-password-change', () => {
  it('refuses two different new passwords without asking the server', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const form = await mount()
    submit(form, 'one-time-password', 'New-Pass-2024', 'New-Pass-2025')
    await vi.waitFor(() => expect(alerts(form)).toEqual(['两次输入的新密码不一致']))
    expect(fetch).not.toHaveBeenCalled()
  })

  it('lists each rule the server says the new password breaks, then announces the change', async () => {
    const sent: unknown[] = []
    const answers = [
      new Response(
        JSON.stringify({
          error: {
            code: 'invalid-user',
            message: { zh: '新密码不符合密码规则', en: 'x' },
            issues: [
              {
                pointer: '/newPassword',
                code: 'password-too-short',
                message: { zh: '密码至少需要 10 个字符（现为 5 个）', en: 'x' },
              },
            ],
          },
        }),
        { status: 422, headers: { 'content-type': 'application/json' } },
      ),
      new Response(JSON.stringify({ ok: true }), {
        headers: { 'content-type': 'application/json' },
      }),
    ]
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_path: string, init: RequestInit = {}) => {
        sent.push(JSON.parse(String(init.body)))
        return answers.shift()!
      }),
    )
    const form = await mount()
    submit(form, 'one-time-password', 'short')
    await vi.waitFor(() => expect(alerts(form)).toEqual(['密码至少需要 10 个字符（现为 5 个）']))
    const changed = vi.fn()
    form.addEventListener('ls-password-changed', changed)
    submit(form, 'one-time-password', 'New-Pass-2024')
    await vi.waitFor(() => expect(changed).toHaveBeenCalledOnce())
    expect(sent).toEqual([
      { currentPassword: 'one-time-password', newPassword: 'short' },
      { currentPassword: 'one-time-password', newPassword: 'New-Pass-2024' },
    ])
    expect(alerts(form)).toEqual([])
  })
})
