// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LsPolicyEditor } from './policy-editor.component.js'

// CodeMirror and the previews are not what this test is about: a plain element holds the text.
vi.mock('../yaml-editor/yaml-editor.js', () => {
  class FakeYamlEditor extends HTMLElement {
    value = ''
    issues: unknown[] = []
    revealLine() {}
  }
  customElements.define('ls-yaml-editor', FakeYamlEditor)
  return {}
})
vi.mock('../policy-preview/policy-preview.js', () => ({}))

const POLICIES = {
  'chongqing-urban-medical-group': { version: '1.0.0', yaml: readFileSync(resolve('policies/chongqing/urban-medical-group-2024.yaml'), 'utf8') },
  'meishan-medical-community-insurance': { version: '1.1.0', yaml: readFileSync(resolve('policies/meishan/medical-community-insurance-2020.yaml'), 'utf8') },
} as const
type PolicyId = keyof typeof POLICIES

/**
 * The API, with the first policy's version answering only when the test releases it — as on a
 * slow machine, where the policy the editor opens by itself arrives after the one the user chose.
 */
function serve() {
  let release!: () => void
  const firstHeld = new Promise<void>((resolve) => (release = resolve))
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    const url = new URL(path, 'http://luoshi.test')
    const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    if (url.pathname === '/api/policies') {
      return json({ policies: Object.entries(POLICIES).map(([policyId, { version }]) => ({ policyId, version, title: policyId, region: policyId })) })
    }
    const version = /^\/api\/policies\/([^/]+)\/versions\/([^/]+)$/.exec(url.pathname)
    if (version) {
      const policyId = decodeURIComponent(version[1]!) as PolicyId
      if (policyId === 'chongqing-urban-medical-group') await firstHeld
      return json({ policyId, version: POLICIES[policyId].version, yaml: POLICIES[policyId].yaml })
    }
    if (url.pathname.endsWith('/versions')) return json({ versions: [] })
    return new Response('{}', { status: 404 })
  }))
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
    await import('./policy-editor.js')
    const editor = document.createElement('ls-policy-editor') as LsPolicyEditor
    document.body.append(editor)
    const select = () => editor.shadowRoot!.querySelector<HTMLSelectElement>('#policy')!
    await vi.waitFor(() => expect(select().options.length).toBeGreaterThan(1))

    select().value = 'meishan-medical-community-insurance'
    select().dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(editor.yaml).toBe(POLICIES['meishan-medical-community-insurance'].yaml))
    release()
    // Let the late answer arrive and be handled before looking.
    await new Promise((resolve) => setTimeout(resolve, 50))

    const header = () => editor.shadowRoot!.querySelector('#tests-title')!.textContent!.replace(/\s+/g, ' ')
    await vi.waitFor(() => expect(header()).toContain('7/7 通过'), { timeout: 15_000 })
    expect(editor.policyId).toBe('meishan-medical-community-insurance')
    expect(editor.yaml).toBe(POLICIES['meishan-medical-community-insurance'].yaml)
    expect(select().value).toBe('meishan-medical-community-insurance')
  }, 30_000)
})
