/**
 * @module /api/auth — log in (session cookie + CSRF token; throttled, see login-throttle.ts), who
 * am I, log out (revokes).
 */
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { loginBody } from '../../schemas/api/requests.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { AppError } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { authenticate } from '../http/middleware/authenticate.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { clientAddress } from '../http/client-address.ts'
import { securityOf } from '../http/security-options.ts'
import { checkCredentials } from './check-credentials.ts'
import { clearAccountFailures } from './login-throttle.ts'
import { createSession, revokeSession, SESSION_HOURS, sessionCookie } from './sessions.ts'
import { loadCurrentUser } from './users.ts'

export const authRoutes = new Hono<AppEnv>()
  // Exactly JSON: a cross-site form can send text/plain or urlencoded bodies, never this type.
  .post('/login', validJson(loginBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const body = c.req.valid('json')
    const now = clock.now()
    const checked = await checkCredentials(c.get('deps'), { username: body.username, password: body.password, address: clientAddress(c), now, limits: securityOf(c.get('deps')).loginThrottle })
    if (!checked.ok && checked.reason === 'throttled') {
      c.header('Retry-After', String(checked.retryAfter))
      const minutes = Math.ceil(checked.retryAfter / 60)
      throw new AppError(429, 'too-many-attempts', { zh: `登录失败次数过多，请 ${minutes} 分钟后再试`, en: `Too many failed logins; try again in ${minutes} min` }, { retryAfter: checked.retryAfter })
    }
    if (!checked.ok) throw new AppError(401, 'unauthenticated', { zh: '用户名或密码错误', en: 'Wrong username or password' })
    const { user } = checked
    const current = await loadCurrentUser(reads, user.id)
    return write(c, async (trx) => {
      const session = await createSession(trx, user.id, now)
      await clearAccountFailures(trx, body.username)
      await appendAudit(trx, [{ at: now.toISOString(), actor: user.id, action: 'auth.login', entity: 'user', entityId: user.id, payload: {} }])
      const cookie = sessionCookie(c)
      setCookie(c, cookie.name, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: cookie.secure, maxAge: SESSION_HOURS * 3600 })
      return c.json({ user: current, csrfToken: session.csrfToken })
    })
  })
  .get('/me', authenticate, (c) => c.json({ user: c.get('user'), csrfToken: c.get('csrfToken') }))
  .post('/logout', authenticate, async (c) => {
    const { clock } = c.get('deps')
    return write(c, async (trx) => {
      await revokeSession(trx, c.get('sessionId'), clock.now())
      const cookie = sessionCookie(c)
      deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
      return c.json({ ok: true })
    })
  })
