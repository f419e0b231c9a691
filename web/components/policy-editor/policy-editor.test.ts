// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LsPolicyEditor } from './policy-editor.component.ts'

// CodeMirror and the previews are not what this test is about: a plain element holds the text.
vi.mock('../yaml-editor/yaml-editor.ts', () => {
  class FakeYamlEditor extends HTMLElement {
    value = ''
    issues: unknown[] = []
    revealLine() {}
  }
  customElements.define('ls-yaml-editor', FakeYamlEditor)
  return {}
})
vi.mock('../policy-preview/policy-preview.ts', () => ({}))

const POLICIES = {
  'chongqing-urban-medical-group': {
    version: '1.0.0',
    yaml: readFileSync(resolve('policies/chongqing/urban-medical-group-2024.yaml'), 'utf8'),
  },
  'meishan-medical-community-insurance': {
    version: '1.1.0',
    yaml: readFileSync(resolve('policies/meishan/medical-community-insurance-2020.yaml'), 'utf8'),
  },
} as const
type PolicyId = keyof typeof POLICIES

/**
 * The API, with the first policy's version answering only when the test releases it — as on a
 * slow machine, where the policy the editor opens by itself arrives after the one the user chose.
 */
function serve(publish: () => Response = () => new Response('{}', { status: 404 })) {
  let release!: () => void
  const firstHeld = new Promise<void>((resolve) => (release = resolve))
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const url = new URL(path, 'http://luoshi.test')
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
      if (init.method === 'POST' && url.pathname === '/api/policies') return publish()
      if (url.pathname === '/api/policies') {
        return json({
          policies: Object.entries(POLICIES).map(([policyId, { version }]) => ({
            policyId,
            version,
            title: policyId,
            region: policyId,
          })),
        })
      }
      const version = /^\/api\/policies\/([^/]+)\/versions\/([^/]+)$/.exec(url.pathname)
      if (version) {
        const policyId = decodeURIComponent(version[1]!) as PolicyId
        if (policyId === 'chongqing-urban-medical-group') await firstHeld
        return json({
          policyId,
          version: POLICIES[policyId].version,
          yaml: POLICIES[policyId].yaml,
        })
      }
      if (url.pathname.endsWith('/versions')) return json({ versions: [] })
      return new Response('{}', { status: 404 })
    }),
  )
  return { release }
}

afterEach(() => {
  document.body.replaceChildren()
  localStorage.clear()
  vi.unstubAllGlobals()
})

describe('ls-policy-editor', () => {
  it('keeps the policy the user chose while the first one was still opening, and runs its tests', async () => {
    const { release } = serve()
    const editor = await mountEditor()
    choose(editor, 'meishan-medical-community-insurance')
    await vi.waitFor(() =>
      expect(editor.yaml).toBe(POLICIES['meishan-medical-community-insurance'].yaml),
    )
    release()
    // Let the late answer arrive and be handled before looking.
    await new Promise((resolve) => setTimeout(resolve, 50))

    const header = () =>
      editor.shadowRoot!.querySelector('#tests-title')!.textContent.replace(/\s+/g, ' ')
    await vi.waitFor(() => expect(header()).toContain('8/8 通过'), { timeout: 15_000 })
    expect(editor.policyId).toBe('meishan-medical-community-insurance')
    expect(editor.yaml).toBe(POLICIES['meishan-medical-community-insurance'].yaml)
    expect(editor.shadowRoot!.querySelector<HTMLSelectElement>('#policy')!.value).toBe(
      'meishan-medical-community-insurance',
    )
  }, 30_000)
})

/** A new editor, once its list of policies has arrived. */
async function mountEditor(): Promise<LsPolicyEditor> {
  await import('./policy-editor.ts')
  const editor = document.createElement('ls-policy-editor')
  document.body.append(editor)
  await vi.waitFor(() =>
    expect(
      editor.shadowRoot!.querySelector<HTMLSelectElement>('#policy')!.options.length,
    ).toBeGreaterThan(1),
  )
  return editor
}

/** Picks a policy in the editor's list, as a user does. */
function choose(editor: LsPolicyEditor, policyId: string): void {
  const select = editor.shadowRoot!.querySelector<HTMLSelectElement>('#policy')!
  select.value = policyId
  select.dispatchEvent(new Event('change'))
}

/** Opens Meishan's config (its 7 tests pass) in a new editor. */
async function openMeishan(publish?: () => Response): Promise<LsPolicyEditor> {
  const { release } = serve(publish)
  release()
  const editor = await mountEditor()
  choose(editor, 'meishan-medical-community-insurance')
  await vi.waitFor(
    () =>
      expect(editor.shadowRoot!.querySelector('#tests-title')!.textContent).toContain('8/8 通过'),
    { timeout: 15_000 },
  )
  return editor
}

const publishButton = (editor: LsPolicyEditor) =>
  Array.from(editor.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')).find(
    (button) => button.textContent.trim() === '发布',
  )!

/** Clicks 发布, writes the change note in the dialog that opens and confirms. */
async function publishWithNote(editor: LsPolicyEditor, note: string): Promise<HTMLDialogElement> {
  publishButton(editor).click()
  const dialog = editor.shadowRoot!.querySelector<HTMLDialogElement>('#publish-dialog')!
  expect(dialog.open).toBe(true)
  dialog.querySelector<HTMLTextAreaElement>('#publish-note')!.value = note
  dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
  await editor.updateComplete
  return dialog
}

describe('publishing from the editor', () => {
  it('is refused while a policy test fails, saying why', async () => {
    const editor = await openMeishan()
    expect(publishButton(editor).disabled).toBe(false)
    expect(editor.shadowRoot!.querySelector('#publish-blocked')).toBeNull()
    const broken = POLICIES['meishan-medical-community-insurance'].yaml.replace(
      'total: 99.5',
      'total: 98.5',
    )
    editor
      .shadowRoot!.querySelector('ls-yaml-editor')!
      .dispatchEvent(new CustomEvent('ls-yaml-change', { detail: { value: broken } }))
    await vi.waitFor(
      () =>
        expect(editor.shadowRoot!.querySelector('#tests-title')!.textContent).toContain('7/8 通过'),
      { timeout: 15_000 },
    )
    await editor.updateComplete
    const button = publishButton(editor)
    expect(button.disabled).toBe(true)
    expect(button.title).toBe('考核测试未全部通过，不能发布。')
    expect(button.getAttribute('aria-describedby')).toBe('publish-blocked')
    expect(editor.shadowRoot!.querySelector('#publish-blocked')!.textContent).toBe(
      '考核测试未全部通过，不能发布。',
    )
  }, 30_000)

  it('asks for confirmation and a change note, and sends the note with the version', async () => {
    const editor = await openMeishan(
      () =>
        new Response(
          JSON.stringify({
            version: { policyId: 'meishan-medical-community-insurance', version: '1.1.0' },
            created: true,
          }),
          { status: 201, headers: { 'content-type': 'application/json' } },
        ),
    )
    const fetch = globalThis.fetch as ReturnType<typeof vi.fn>
    const posts = () =>
      fetch.mock.calls.filter(
        ([path, init]) =>
          path === '/api/policies' && (init as RequestInit | undefined)?.method === 'POST',
      )
    // A blank note is refused in the dialog: nothing is sent.
    const dialog = await publishWithNote(editor, '   ')
    expect(dialog.open).toBe(true)
    expect(dialog.querySelector('#publish-note-error')!.textContent).toBe('请填写变更说明')
    expect(dialog.querySelector('#publish-title')!.textContent).toBe(
      '发布 meishan-medical-community-insurance v1.1.0？',
    )
    expect(posts()).toHaveLength(0)
    // Cancelling sends nothing either.
    Array.from(dialog.querySelectorAll('button'))
      .find((button) => button.textContent === '取消')!
      .click()
    expect(dialog.open).toBe(false)
    expect(posts()).toHaveLength(0)
    await publishWithNote(editor, '  提高县域内就诊率的扣分步长  ')
    expect(dialog.open).toBe(false)
    await vi.waitFor(() => expect(posts()).toHaveLength(1))
    expect(JSON.parse(String((posts()[0]![1] as RequestInit).body))).toMatchObject({
      note: '提高县域内就诊率的扣分步长',
    })
    await vi.waitFor(() =>
      expect(editor.shadowRoot!.querySelector('.status.ok')?.textContent).toContain(
        '已发布 meishan-medical-community-insurance v1.1.0',
      ),
    )
  }, 30_000)

  it('lists the server’s policy-test-failed issues like any other', async () => {
    const editor = await openMeishan(
      () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'policy-tests-failed',
              message: { zh: '考核测试未通过，不能发布', en: 'Policy tests fail' },
              issues: [
                {
                  pointer: '/assessments/0/tests/0',
                  code: 'policy-test-failed',
                  message: { zh: '总分应为 98.5，实为 99.5', en: 'total should be 98.5, is 99.5' },
                },
              ],
            },
          }),
          { status: 422, headers: { 'content-type': 'application/json' } },
        ),
    )
    await publishWithNote(editor, '调整评分')
    await vi.waitFor(() =>
      expect(editor.shadowRoot!.querySelector('.status.error')?.textContent).toContain(
        '考核测试未通过，不能发布 共 1 个问题',
      ),
    )
    const issues = editor.shadowRoot!.querySelector('ls-issue-list')!
    await (issues as unknown as { updateComplete: Promise<unknown> }).updateComplete
    const item = issues.shadowRoot!.querySelector('li.error')!
    expect(item.textContent).toContain('总分应为 98.5，实为 99.5')
    expect(item.textContent).toContain('policy-test-failed')
  }, 30_000)
})
