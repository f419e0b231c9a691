/**
 * The source document through the API: validating without it says the quotes went unchecked (a
 * warning, never a silent ok), and publishing without one says which request field to send.
 */
import { MINIMAL_POLICY, MINIMAL_SOURCE, lineOf } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface Issue {
  code: string
  severity: string
  pointer: string
  line?: number
  message: { zh: string; en: string }
}

describe('the source text through the API', () => {
  let t: TestApp
  let author: Client

  beforeAll(async () => {
    t = await makeTestApp()
    author = await loginAs(t, 'author', { roles: ['author'] })
  })

  it('validates without a source text with a warning at the first quote that the quotes were not checked', async () => {
    const body = (await (
      await author.post('/api/policies/validate', { yaml: MINIMAL_POLICY })
    ).json()) as { ok: boolean; issues: Issue[] }
    expect(body.ok).toBe(true)
    expect(body.issues).toHaveLength(1)
    const [issue] = body.issues
    expect(issue).toMatchObject({
      code: 'quotes-not-checked',
      severity: 'warning',
      pointer: '/organizations/units/0/source/quote',
    })
    expect(issue!.line).toBe(lineOf(MINIMAL_POLICY, 'source: { clause: 二、1'))
    expect(issue!.message.zh).toMatch(/^未提供政策原文/)
  })

  it('points at the root when the config quotes nothing', async () => {
    const unquoted = MINIMAL_POLICY.split('\n')
      .filter((line) => !/^\s+source: \{/.test(line) && !/, source: \{/.test(line))
      .join('\n')
    const body = (await (
      await author.post('/api/policies/validate', { yaml: unquoted })
    ).json()) as { issues: Issue[] }
    expect(
      body.issues
        .filter((issue) => issue.code === 'quotes-not-checked')
        .map((issue) => issue.pointer),
    ).toEqual([''])
  })

  it('validates with the source text without that warning', async () => {
    const body = (await (
      await author.post('/api/policies/validate', {
        yaml: MINIMAL_POLICY,
        sourceText: MINIMAL_SOURCE,
      })
    ).json()) as { ok: boolean; issues: Issue[] }
    expect(body).toEqual({ ok: true, issues: [] })
  })

  it('refuses to publish a config that quotes without a source text, naming the request field', async () => {
    const response = await author.post('/api/policies', { yaml: MINIMAL_POLICY })
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as { error: { code: string; issues: Issue[] } }
    expect(error.code).toBe('invalid-config')
    const missing = error.issues.find((issue) => issue.code === 'source-file-missing')!
    expect(missing.pointer).toBe('/sourceText')
    expect(missing.message.zh).toMatch(/^未提供政策原文/)
    expect(missing.message.zh).toContain('sourceText')
    expect(missing.message.en).toContain('sourceText')
    expect(missing.message.zh).not.toContain('source.txt')
    expect(missing.message.zh).not.toContain('配置文件旁')
    expect(await t.db.selectFrom('policy_version').selectAll().execute()).toEqual([])
  })
})
