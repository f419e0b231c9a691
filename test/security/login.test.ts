/**
 * Login guessing is throttled per account and per client address (429 `too-many-attempts` with
 * `Retry-After`), the client address is the socket's unless a proxy is trusted, an unknown
 * username costs the same scrypt as a wrong password, and failed logins never reach the audit
 * chain: they live in `login_attempt`, which is pruned.
 */
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import * as crypto from 'node:crypto'
import { LOGIN_THROTTLE } from '../../server/auth/login-throttle.ts'
import { ensureUser } from '../../server/auth/users.ts'
import { DEFAULT_SECURITY, securityFromEnv } from '../../server/http/security-options.ts'
import { makeTestApp, PASSWORD } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

// Counts scrypt runs: the unknown-user path must run one, like a wrong password.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>()
  return { ...original, scrypt: vi.fn(original.scrypt) }
})

// Small limits keep the test fast (each failure runs scrypt); the defaults are checked below.
const LIMITS = { ...LOGIN_THROTTLE, perAccount: 3, perAddress: 6 }
const WINDOW_S = LIMITS.windowMinutes * 60
const security = { loginThrottle: LIMITS }

async function chainLength(t: TestApp): Promise<number> {
  return (await t.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq
}

async function attempts(t: TestApp): Promise<number> {
  return Number(
    (
      await t.db
        .selectFrom('login_attempt')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
}

const login = async (
  t: TestApp,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  })

it('throttles by default after 5 failures per account and 30 per address in 15 minutes, and trusts no proxy unless told', () => {
  expect(LOGIN_THROTTLE).toEqual({ windowMinutes: 15, perAccount: 5, perAddress: 30 })
  expect(DEFAULT_SECURITY.loginThrottle).toBe(LOGIN_THROTTLE)
  expect(securityFromEnv({}).trustProxy).toBe(0)
  expect(securityFromEnv({ LUOSHI_TRUST_PROXY: 'true' }).trustProxy).toBe(1)
  expect(securityFromEnv({ LUOSHI_TRUST_PROXY: '2' }).trustProxy).toBe(2)
  expect(() => securityFromEnv({ LUOSHI_TRUST_PROXY: 'maybe' })).toThrow(/LUOSHI_TRUST_PROXY/)
})

describe('login throttle per account', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await makeTestApp(undefined, { security })
    await ensureUser(
      t,
      { username: 'alice', displayName: 'alice', password: PASSWORD, roles: ['department'] },
      t.clock.now().toISOString(),
    )
  })
  afterAll(() => t.db.destroy())

  it('answers 429 too-many-attempts with Retry-After after the account’s failures, even for the right password', async () => {
    for (let i = 0; i < LIMITS.perAccount; i++)
      expect((await login(t, 'alice', 'wrong')).status).toBe(401)
    const locked = await login(t, 'alice', PASSWORD)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe(String(WINDOW_S))
    const body = await locked.json()
    expect(body.error).toMatchObject({ code: 'too-many-attempts', retryAfter: WINDOW_S })
    expect(body.error.message.zh).toContain('分钟')
    // Five minutes later the wait is five minutes shorter.
    t.clock.advance(5 * 60_000)
    const later = await login(t, 'alice', PASSWORD)
    expect(later.status).toBe(429)
    expect(later.headers.get('retry-after')).toBe(String(WINDOW_S - 300))
  })

  it('lets the account in once the failures leave the window, and clears its count', async () => {
    t.clock.advance((WINDOW_S - 300) * 1000 + 1000)
    expect((await login(t, 'alice', PASSWORD)).status).toBe(200)
    expect(
      await t.db.selectFrom('login_attempt').selectAll().where('username', '=', 'alice').execute(),
    ).toEqual([])
  })

  it('runs scrypt for an unknown username as for a wrong password (the dummy hash)', async () => {
    const scrypt = vi.mocked(crypto.scrypt)
    await login(t, 'nobody-warmup', 'x') // the dummy hash is made once, on first use
    let before = scrypt.mock.calls.length
    expect((await login(t, 'alice', 'wrong')).status).toBe(401)
    const known = scrypt.mock.calls.length - before
    before = scrypt.mock.calls.length
    const unknown = await login(t, 'nobody-at-all', 'wrong')
    expect(unknown.status).toBe(401)
    expect((await unknown.json()).error.message).toEqual({
      zh: '用户名或密码错误',
      en: 'Wrong username or password',
    })
    expect(known).toBe(1)
    expect(scrypt.mock.calls.length - before).toBe(1)
  })

  it('does not let a burst of parallel guesses past the limit before their failures are written', async () => {
    t.clock.advance(WINDOW_S * 1000 + 1000)
    const burst = await Promise.all(Array.from({ length: 12 }, () => login(t, 'alice', 'wrong')))
    const failed = burst.filter((response) => response.status === 401).length
    expect(failed).toBeGreaterThan(0)
    expect(failed).toBeLessThanOrEqual(LIMITS.perAccount)
    expect(burst.filter((response) => response.status === 429)).toHaveLength(12 - failed)
    expect(
      burst.every(
        (response) => response.status === 401 || Number(response.headers.get('retry-after')) >= 1,
      ),
    ).toBe(true)
  })

  it('keeps failed logins out of the audit chain and prunes them after the window', async () => {
    expect(
      await t.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', 'like', 'auth.login-failed%')
        .execute(),
    ).toEqual([])
    expect(await attempts(t)).toBeGreaterThan(0)
    t.clock.advance(WINDOW_S * 1000 + 1000)
    expect((await login(t, 'someone', 'wrong')).status).toBe(401)
    expect(await attempts(t)).toBe(1)
  })
})

describe('2,000 anonymous failed logins', () => {
  it('add no chained audit rows: the address is throttled and the failures stay in login_attempt', async () => {
    const t = await makeTestApp(undefined, { security })
    const before = await chainLength(t)
    const statuses = new Map<number, number>()
    for (let i = 0; i < 2000; i++) {
      const response = await login(t, `guess-${i}`, 'password')
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    }
    expect(Object.fromEntries(statuses)).toEqual({
      401: LIMITS.perAddress,
      429: 2000 - LIMITS.perAddress,
    })
    expect(await chainLength(t)).toBe(before)
    expect(await attempts(t)).toBe(LIMITS.perAddress)
    await t.db.destroy()
  })
})

describe('login throttle per client address, over a real socket', () => {
  let t: TestApp
  let server: ServerType
  let base: string

  async function start(trustProxy: number): Promise<void> {
    t = await makeTestApp('2018-04-02T09:00:00+08:00', { security: { ...security, trustProxy } })
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve))
    await t.db.destroy()
  })

  const post = (username: string, forwardedFor: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ username, password: 'wrong' }),
    })

  /** Fails from one claimed address with a new username each time (no account is locked). */
  async function failFrom(forwardedFor: string): Promise<void> {
    for (let i = 0; i < LIMITS.perAddress; i++)
      expect((await post(`user-${forwardedFor}-${i}`, forwardedFor)).status).toBe(401)
  }

  it('ignores X-Forwarded-For without LUOSHI_TRUST_PROXY: every claimed address shares the socket’s budget', async () => {
    await start(0)
    for (let i = 0; i < LIMITS.perAddress; i++)
      expect((await post(`user-${i}`, `203.0.113.${i}`)).status).toBe(401)
    const next = await post('fresh-user', '198.51.100.7')
    expect(next.status).toBe(429)
    expect(Number(next.headers.get('retry-after'))).toBe(WINDOW_S)
    expect(
      new Set(
        (await t.db.selectFrom('login_attempt').select('address').execute()).map(
          (row) => row.address,
        ),
      ),
    ).toEqual(new Set(['127.0.0.1']))
  })

  it(
    'counts per forwarded address behind a trusted proxy, using the entry the proxy appended',
    { timeout: 30_000 },
    async () => {
      await start(1)
      await failFrom('203.0.113.5')
      expect((await post('fresh-user', '203.0.113.5')).status).toBe(429)
      // A client-written entry on the left does not change the address the proxy saw.
      expect((await post('fresh-user', '10.9.9.9, 203.0.113.5')).status).toBe(429)
      // Another client behind the same proxy is not locked out.
      expect((await post('fresh-user', '198.51.100.7')).status).toBe(401)
    },
  )
})
