/**
 * A policy text with 200,000 keys: validating it used to overflow the stack (a 500) and hold up
 * every other request for seconds. Now the issues are capped, the size is checked before
 * parsing, and the HTTP routes validate in a worker while the server answers other requests.
 */
import {
  MAX_LISTED_ISSUES,
  MAX_POLICY_BYTES,
  validatePolicyText,
} from '../../domain/compiler/validate-policy.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import { latenciesWhile } from '../helpers/latencies.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

const KEYS = 200_000

/** The minimal policy with `count` unknown top-level keys: one `unknown-field` issue each. */
function withExtraKeys(count: number): string {
  const keys: string[] = []
  for (let i = 0; i < count; i++) keys.push(`k${i.toString(36)}: 1`)
  return `${MINIMAL_POLICY}\n${keys.join('\n')}\n`
}

interface Issue {
  code: string
  severity: string
  pointer: string
  message: LocalizedText
  line?: number
}

function expectCapped(issues: Issue[]): void {
  expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1)
  expect(
    issues
      .slice(0, MAX_LISTED_ISSUES)
      .every((issue) => issue.code === 'unknown-field' && issue.line !== undefined),
  ).toBe(true)
  const summary = issues[MAX_LISTED_ISSUES]!
  expect(summary).toMatchObject({ code: 'too-many-issues', severity: 'error' })
  expect(summary.message.zh).toContain(
    `另有 ${(KEYS - MAX_LISTED_ISSUES).toLocaleString('en-US')} 处问题未列出`,
  )
  expect(summary.message.en).toContain(
    `${(KEYS - MAX_LISTED_ISSUES).toLocaleString('en-US')} more issue(s)`,
  )
}

describe('a policy text with 200,000 keys', () => {
  let t: TestApp
  let author: Client
  let reader: Client
  const yaml = withExtraKeys(KEYS)

  beforeAll(async () => {
    t = await makeTestApp()
    author = await loginAs(t, 'author', { roles: ['author'] })
    reader = await loginAs(t, 'reader', { roles: ['leader'] })
  })

  it('is within the size limit, so it is really checked', () => {
    expect(Buffer.byteLength(yaml)).toBeLessThan(MAX_POLICY_BYTES)
  })

  it('validates as a draft to the first 200 issues and a count of the rest, while other requests are answered', async () => {
    const validation = author.post('/api/policies/validate', { yaml, sourceText: MINIMAL_SOURCE })
    const latencies = await latenciesWhile(reader, '/api/policies', validation)
    const response = await validation
    expect(response.status).toBe(200)
    const body = (await response.json()) as { ok: boolean; issues: Issue[] }
    expect(body.ok).toBe(false)
    expectCapped(body.issues)
    // The validation takes seconds in its worker; meanwhile the server keeps answering.
    expect(latencies.length).toBeGreaterThan(1)
    expect(Math.max(...latencies)).toBeLessThan(1000)
  }, 60_000)

  it('is refused for publishing with 422 and the same capped issues, and nothing is stored', async () => {
    const publishing = author.post('/api/policies', { yaml, sourceText: MINIMAL_SOURCE })
    const latencies = await latenciesWhile(reader, '/api/policies', publishing)
    const response = await publishing
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as { error: { code: string; issues: Issue[] } }
    expect(error.code).toBe('invalid-config')
    expectCapped(error.issues)
    expect(Math.max(...latencies)).toBeLessThan(1000)
    expect(await t.db.selectFrom('policy_version').selectAll().execute()).toEqual([])
  }, 60_000)

  it('is capped the same way on the synchronous path the CLI uses', () => {
    const result = validatePolicyText(yaml, { readSource: () => MINIMAL_SOURCE })
    expect(result.ok).toBe(false)
    expectCapped(result.issues)
  }, 60_000)
})

describe('a policy text over the size limit', () => {
  const padding = '#'.repeat(1000)
  const oversized = `${MINIMAL_POLICY}\n${Array.from({ length: Math.ceil(MAX_POLICY_BYTES / 1000) + 1 }, () => padding).join('\n')}\n`

  it('is refused with 413 before it is parsed, on validating and on publishing', async () => {
    const t = await makeTestApp()
    const author = await loginAs(t, 'author', { roles: ['author'] })
    for (const path of ['/api/policies/validate', '/api/policies']) {
      const response = await author.post(path, { yaml: oversized, sourceText: MINIMAL_SOURCE })
      expect(response.status).toBe(413)
      const { error } = (await response.json()) as {
        error: { code: string; message: LocalizedText; issues: Issue[] }
      }
      expect(error.code).toBe('payload-too-large')
      expect(error.message.zh).toContain('超过上限 2.0 MB')
      expect(error.issues).toEqual([
        expect.objectContaining({ pointer: '/yaml', code: 'config-too-large' }),
      ])
    }
  })

  it('gives one config-too-large issue on the synchronous path', () => {
    const result = validatePolicyText(oversized)
    expect(result.ok).toBe(false)
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'config-too-large', pointer: '' }),
    ])
  })
})
