/**
 * @module /api/auth — log in (session cookie + CSRF token; throttled, see login-throttle.ts), who
 * am I, log out (revokes).
 */
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { loginBody } from '../../schemas/api/requests.schema.js'
import type { LoginBody } from '../../schemas/api/requests.schema.js'
import { appendAudit } from '../audit/audit-log.js'
import { AppError } from '../errors.js'
import type { AppEnv } from '../http/env.js'
import { authenticate } from '../http/middleware/authenticate.js'
import { jsonBody } from '../http/middleware/json-body.js'
import { clientAddress } from '../http/client-address.js'
import { securityOf } from '../http/security-options.js'
import { clearAccountFailures, loginRetryAfter, recordLoginFailure } from './login-throttle.js'
import { verifyAgainstDummy, verifyPassword } from './passwords.js'
import { createSession, revokeSession, SESSION_HOURS, sessionCookie } from './sessions.js'
import { loadCurrentUser } from './users.js'

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const { db, reads, clock, writes } = c.get('deps')
    // Exactly JSON: a cross-site form can send text/plain or urlencoded bodies, never this type.
    const body = await jsonBody<LoginBody>(c, loginBody)
    const address = clientAddress(c)
    const limits = securityOf(c).loginThrottle
    const now = clock.now()
    const retryAfter = await loginRetryAfter(reads, body.username, address, now, limits)
    if (retryAfter > 0) {
      c.header('Retry-After', String(retryAfter))
      throw new AppError(429, 'too-many-attempts', {
        zh: `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`,
        en: `Too many failed logins; try again in ${Math.ceil(retryAfter / 60)} min`,
      }, { retryAfter })
    }
    const row = await db.selectFrom('app_user').selectAll().where('username', '=', body.username).executeTakeFirst()
    const valid = row ? await verifyPassword(body.password, row.password_hash) : await verifyAgainstDummy(body.password)
    if (!row || !valid) {
      // Failed logins go to login_attempt, never the audit chain: anyone can send them.
      await writes.run((trx) => recordLoginFailure(trx, body.username, address, now, limits))
      throw new AppError(401, 'unauthenticated', { zh: '用户名或密码错误', en: 'Wrong username or password' })
    }
    const session = await createSession(db, row.id, now)
    await writes.run(async (trx) => {
      await clearAccountFailures(trx, body.username)
      await appendAudit(trx, [{ at: now.toISOString(), actor: row.id, action: 'auth.login', entity: 'user', entityId: row.id, payload: {} }])
    })
    const cookie = sessionCookie(c)
    setCookie(c, cookie.name, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: cookie.secure, maxAge: SESSION_HOURS * 3600 })
    return c.json({ user: await loadCurrentUser(db, row.id), csrfToken: session.csrfToken })
  })
  .get('/me', authenticate, (c) => c.json({ user: c.get('user'), csrfToken: c.get('csrfToken') }))
  .post('/logout', authenticate, async (c) => {
    const { db, clock } = c.get('deps')
    await revokeSession(db, c.get('sessionId'), clock.now())
    const cookie = sessionCookie(c)
    deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
    return c.json({ ok: true })
  })
