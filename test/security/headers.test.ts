/**
 * Every response carries the security headers: API answers, the web app's files (and its
 * client-side routes), errors of every kind and 404s. The app runs over a real database with a
 * real web root on disk.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../server/app.ts'
import { SESSION_COOKIE } from '../../server/auth/sessions.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

/** The CSP the issue asks for, directive by directive. */
const REQUIRED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  // Ajv compiles the browser's validators with Function (security-headers.ts says why).
  'script-src': ["'self'", "'unsafe-eval'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
}

function csp(response: Response): Map<string, string[]> {
  const value = response.headers.get('content-security-policy') ?? ''
  return new Map(
    value
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((part) => part[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

function expectSecurityHeaders(response: Response): void {
  const policy = csp(response)
  for (const [directive, sources] of Object.entries(REQUIRED_CSP))
    expect(policy.get(directive), directive).toEqual(sources)
  // Scripts only from this origin: nothing inline, no hashes or nonces that would let one in.
  expect(policy.get('script-src')!.filter((source) => source !== "'unsafe-eval'")).toEqual([
    "'self'",
  ])
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  expect(response.headers.get('referrer-policy')).toBe('no-referrer')
}

describe('security headers on every response', () => {
  let t: TestApp
  let app: ReturnType<typeof createApp>
  let author: Client

  beforeAll(async () => {
    t = await makeTestApp()
    const webRoot = mkdtempSync(join(tmpdir(), 'luoshi-web-'))
    mkdirSync(join(webRoot, 'assets'))
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><title>luoshi</title><script type="module" src="/assets/app.js"></script>',
    )
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {}')
    app = createApp(
      { db: t.db, reads: t.db, clock: t.clock, writes: t.writes, files: join(webRoot, 'files') },
      { webRoot },
    )
    author = await loginAs(t, 'author', { roles: ['author'] })
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  it.each([
    ['the web app’s page', '/', 200, 'text/html'],
    ['a script of the web app', '/assets/app.js', 200, 'javascript'],
    ['a client-side route (served as the page)', '/inbox', 200, 'text/html'],
    ['a missing file under /assets (the page)', '/assets/missing.js', 200, 'text/html'],
    ['the OpenAPI description', '/api/openapi.json', 200, 'application/json'],
    ['an API call without a session (401)', '/api/tasks', 401, 'application/json'],
  ])('%s', async (_what, path, status, type) => {
    const response = await app.request(path)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toContain(type)
    expectSecurityHeaders(response)
  })

  it('on API answers to a signed-in user, unknown routes, refusals and bad requests', async () => {
    const ok = await author.get('/api/policies')
    expect(ok.status).toBe(200)
    expectSecurityHeaders(ok)
    const unknown = await author.get('/api/no-such-route')
    expect(unknown.status).toBe(404)
    expectSecurityHeaders(unknown)
    const refused = await author.post(
      '/api/plans',
      { policyId: 'nope', version: '1.0.0' },
      { 'x-csrf-token': 'wrong' },
    )
    expect(refused.status).toBe(403)
    expectSecurityHeaders(refused)
    const bad = await author.raw('/api/policies/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"yaml":',
    })
    expect(bad.status).toBe(400)
    expectSecurityHeaders(bad)
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'author', password: 'wrong' }),
    })
    expect(login.status).toBeGreaterThanOrEqual(400)
    expectSecurityHeaders(login)
  })

  it('on a 404 when no web app is served, and on an internal error (500)', async () => {
    const apiOnly = createApp({
      db: t.db,
      reads: t.db,
      clock: t.clock,
      writes: t.writes,
      files: tmpdir(),
    })
    const missing = await apiOnly.request('/')
    expect(missing.status).toBe(404)
    expectSecurityHeaders(missing)
    const failing = {
      selectFrom: () => {
        throw new Error('the database is gone')
      },
    } as unknown as typeof t.db
    const broken = createApp({
      db: failing,
      reads: failing,
      clock: t.clock,
      writes: new GroupCommitter(failing),
      files: tmpdir(),
    })
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const crashed = await broken.request('/api/tasks', {
      headers: { cookie: `${SESSION_COOKIE}=anything` },
    })
    errorSpy.mockRestore()
    expect(crashed.status).toBe(500)
    expectSecurityHeaders(crashed)
  })
})
