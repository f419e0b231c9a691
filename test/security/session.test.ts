/**
 * The session cookie is `Secure` and `__Host-`-prefixed when the client came over HTTPS (told by
 * a proxy only when the proxy is trusted); a session ends after its idle time as well as after
 * its 12-hour lifetime, and its last use is written at most once a minute; the login route takes
 * exactly `application/json`.
 */
import { ensureUser } from '../../server/auth/users.ts'
import { securityFromEnv } from '../../server/http/security-options.ts'
import type { SecurityOptions } from '../../server/http/security-options.ts'
import { makeTestApp, PASSWORD } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const MINUTE = 60_000
const body = JSON.stringify({ username: 'alice', password: PASSWORD })

async function withAlice(security: Partial<SecurityOptions> = {}): Promise<TestApp> {
  const t = await makeTestApp(undefined, { security })
  await ensureUser(
    t,
    { username: 'alice', displayName: 'alice', password: PASSWORD, roles: ['department'] },
    t.clock.now().toISOString(),
  )
  return t
}

const login = (
  t: TestApp,
  url = 'http://localhost/api/auth/login',
  headers: Record<string, string> = {},
) =>
  t.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

/** The `name=value` pair of the session cookie a login set. */
function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!
}

describe('the session cookie', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await withAlice()
  })
  afterAll(() => t.db.destroy())

  it('is __Host-luoshi_session with Secure, HttpOnly, SameSite=Strict, Path=/ and no Domain over HTTPS', async () => {
    const response = await login(t, 'https://luoshi.example/api/auth/login')
    expect(response.status).toBe(200)
    const header = response.headers.get('set-cookie')!
    expect(header).toMatch(/^__Host-luoshi_session=[\w-]+;/)
    expect(header).toContain('Secure')
    expect(header).toContain('HttpOnly')
    expect(header).toContain('SameSite=Strict')
    expect(header).toContain('Path=/')
    expect(header).not.toMatch(/Domain=/i)
  })

  it('is a plain luoshi_session without Secure over HTTP', async () => {
    const header = (await login(t)).headers.get('set-cookie')!
    expect(header).toMatch(/^luoshi_session=/)
    expect(header).not.toContain('Secure')
  })

  it('over HTTPS accepts only the __Host- cookie, not a plain one planted over HTTP', async () => {
    const token = cookieOf(await login(t, 'https://luoshi.example/api/auth/login')).split('=')[1]
    expect(
      (
        await t.app.request('https://luoshi.example/api/auth/me', {
          headers: { cookie: `__Host-luoshi_session=${token}` },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await t.app.request('https://luoshi.example/api/auth/me', {
          headers: { cookie: `luoshi_session=${token}` },
        })
      ).status,
    ).toBe(401)
  })

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' }
    expect((await login(t, undefined, forwarded)).headers.get('set-cookie')).toMatch(
      /^luoshi_session=/,
    )
    const behindProxy = await withAlice({ trustProxy: 1 })
    const header = (await login(behindProxy, undefined, forwarded)).headers.get('set-cookie')!
    expect(header).toMatch(/^__Host-luoshi_session=/)
    expect(header).toContain('Secure')
    await behindProxy.db.destroy()
  })
})

describe('session idle timeout', () => {
  const me = (t: TestApp, cookie: string) => t.app.request('/api/auth/me', { headers: { cookie } })
  const lastSeen = async (t: TestApp) =>
    (await t.db.selectFrom('session').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at

  it('ends a session unused for 30 minutes, however young it is', async () => {
    const t = await withAlice()
    const cookie = cookieOf(await login(t))
    t.clock.advance(29 * MINUTE)
    expect((await me(t, cookie)).status).toBe(200)
    // 58 minutes after login, but used 29 minutes ago: still alive.
    t.clock.advance(29 * MINUTE)
    expect((await me(t, cookie)).status).toBe(200)
    t.clock.advance(30 * MINUTE + 1000)
    const idle = await me(t, cookie)
    expect(idle.status).toBe(401)
    expect((await idle.json()).error.code).toBe('unauthenticated')
    await t.db.destroy()
  })

  it('takes the idle time from LUOSHI_SESSION_IDLE_MINUTES and still ends an active session after 12 hours', async () => {
    expect(securityFromEnv({})).toMatchObject({ sessionIdleMinutes: 30, trustProxy: 0 })
    expect(() => securityFromEnv({ LUOSHI_SESSION_IDLE_MINUTES: 'soon' })).toThrow(
      /LUOSHI_SESSION_IDLE_MINUTES/,
    )
    const t = await withAlice({
      sessionIdleMinutes: securityFromEnv({ LUOSHI_SESSION_IDLE_MINUTES: '5' }).sessionIdleMinutes,
    })
    const cookie = cookieOf(await login(t))
    t.clock.advance(6 * MINUTE)
    expect((await me(t, cookie)).status).toBe(401)
    const active = cookieOf(await login(t))
    for (let minutes = 4; minutes < 12 * 60; minutes += 4) {
      t.clock.advance(4 * MINUTE)
      expect((await me(t, active)).status).toBe(200)
    }
    t.clock.advance(4 * MINUTE)
    expect((await me(t, active)).status).toBe(401)
    await t.db.destroy()
  })

  it('writes the last use at most once a minute, not on every request', async () => {
    const t = await withAlice()
    const cookie = cookieOf(await login(t))
    const start = t.clock.now().toISOString()
    expect(await lastSeen(t)).toBe(start)
    t.clock.advance(30_000)
    for (let i = 0; i < 5; i++) expect((await me(t, cookie)).status).toBe(200)
    expect(await lastSeen(t)).toBe(start)
    t.clock.advance(31_000)
    expect((await me(t, cookie)).status).toBe(200)
    const touched = t.clock.now().toISOString()
    expect(await lastSeen(t)).toBe(touched)
    t.clock.advance(59_000)
    for (let i = 0; i < 5; i++) expect((await me(t, cookie)).status).toBe(200)
    expect(await lastSeen(t)).toBe(touched)
    await t.db.destroy()
  })
})

describe('POST /api/auth/login media type', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await withAlice()
  })
  afterAll(() => t.db.destroy())

  it.each([
    ['text/plain'],
    ['text/plain; application/json'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
    ['application/json-patch+json'],
    ['application/jsonx'],
    ['application/json; charset=latin1'],
  ])('refuses %s with 415 and records no login attempt', async (type) => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    })
    expect(response.status).toBe(415)
    expect((await response.json()).error.code).toBe('bad-request')
    expect(await t.db.selectFrom('login_attempt').selectAll().execute()).toEqual([])
  })

  it('refuses a body without a content type with 415', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      body: new Blob([body]),
    })
    expect(response.status).toBe(415)
  })

  it.each([
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['Application/JSON;charset=UTF-8'],
  ])('accepts %s', async (type) => {
    expect((await login(t, undefined, { 'content-type': type })).status).toBe(200)
  })
})
