/** @module /api/auth — log in (session cookie + CSRF token), who am I, log out (revokes). */
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { loginBody } from '../../schemas/api/requests.schema.js'
import type { LoginBody } from '../../schemas/api/requests.schema.js'
import { appendAudit } from '../audit/audit-log.js'
import { AppError } from '../errors.js'
import type { AppEnv } from '../http/env.js'
import { authenticate } from '../http/middleware/authenticate.js'
import { jsonBody } from '../http/middleware/json-body.js'
import { verifyPassword } from './passwords.js'
import { createSession, revokeSession, SESSION_COOKIE, SESSION_HOURS } from './sessions.js'
import { loadCurrentUser } from './users.js'

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const { db, clock, writes } = c.get('deps')
    const body = await jsonBody<LoginBody>(c, loginBody)
    const row = await db.selectFrom('app_user').selectAll().where('username', '=', body.username).executeTakeFirst()
    const valid = row ? await verifyPassword(body.password, row.password_hash) : false
    const now = clock.now()
    if (!row || !valid) {
      await writes.run((trx) => appendAudit(trx, [{ at: now.toISOString(), actor: 'anonymous', action: 'auth.login-failed', entity: 'user', entityId: body.username, payload: {} }]))
      throw new AppError(401, 'unauthenticated', { zh: '用户名或密码错误', en: 'Wrong username or password' })
    }
    const session = await createSession(db, row.id, now)
    await writes.run((trx) => appendAudit(trx, [{ at: now.toISOString(), actor: row.id, action: 'auth.login', entity: 'user', entityId: row.id, payload: {} }]))
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: SESSION_HOURS * 3600,
    })
    return c.json({ user: await loadCurrentUser(db, row.id), csrfToken: session.csrfToken })
  })
  .get('/me', authenticate, (c) => c.json({ user: c.get('user'), csrfToken: c.get('csrfToken') }))
  .post('/logout', authenticate, async (c) => {
    const { db, clock } = c.get('deps')
    await revokeSession(db, c.get('sessionId'), clock.now())
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ ok: true })
  })
