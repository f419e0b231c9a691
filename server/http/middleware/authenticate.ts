/**
 * @module Authentication and CSRF. Every /api route except login needs a live session cookie
 * (within its lifetime and its idle time; see auth/sessions.ts);
 * every write also needs the session's CSRF token in `X-CSRF-Token`, which a page from another
 * origin cannot read, so it cannot forge the write. A deactivated user's session is no session
 * (401); a user with a one-time password may only change it, see who they are and log out (403
 * `password-change-required` for everything else) — unless the session came from single sign-on.
 */
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Context } from 'hono'
import { timingSafeEqual } from 'node:crypto'
import { findSession, sessionCookie, touchSession } from '../../auth/sessions.ts'
import { currentUserAt } from '../../auth/current-user-cache.ts'
import { AppError } from '../../errors.ts'
import type { AppEnv } from '../env.ts'
import { securityOf } from '../security-options.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** What a session may do while its user holds a one-time password: see who it is, change it, leave. */
const WHILE_PASSWORD_MUST_CHANGE = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
])

/**
 * The live session the request's cookie names and its user, or undefined when there is none (no
 * cookie, expired, idle too long, revoked, or its user deactivated).
 */
export async function resolveSession(c: Context<AppEnv>) {
  const { reads, clock } = c.get('deps')
  const now = clock.now()
  // Over HTTPS only the __Host- cookie counts: a plain one could have been planted over HTTP.
  const token = getCookie(c, sessionCookie(c).name)
  const session = token
    ? await findSession(reads, token, now, securityOf(c.get('deps')).sessionIdleMinutes)
    : undefined
  const account = session
    ? await currentUserAt(reads, session.userId, session.accessEpoch)
    : undefined
  // A one-time password binds password logins: a single sign-on never used it.
  const user =
    account && session?.method === 'oidc' ? { ...account, mustChangePassword: false } : account
  return session && user ? { session, user } : undefined
}

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { clock, writes } = c.get('deps')
  const now = clock.now()
  const found = await resolveSession(c)
  if (!found) {
    throw new AppError(401, 'unauthenticated', { zh: '请先登录', en: 'Please log in' })
  }
  const { session, user } = found
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? ''
    const ok =
      sent.length === session.csrfToken.length &&
      timingSafeEqual(Buffer.from(sent), Buffer.from(session.csrfToken))
    if (!ok)
      throw new AppError(403, 'csrf-failed', {
        zh: '缺少或错误的 CSRF 令牌（X-CSRF-Token）',
        en: 'Missing or wrong CSRF token (X-CSRF-Token)',
      })
  }
  if (user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${c.req.method} ${c.req.path}`)) {
    throw new AppError(403, 'password-change-required', {
      zh: '请先修改一次性密码（POST /api/auth/password）',
      en: 'Change your one-time password first (POST /api/auth/password)',
    })
  }
  if (session.touch) await writes.run((trx) => touchSession(trx, session.id, now))
  c.set('user', user)
  c.set('sessionId', session.id)
  c.set('csrfToken', session.csrfToken)
  await next()
})

/** Requires one of the roles; 403 otherwise. */
export function requireRole(...roles: string[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user')
    if (!roles.some((role) => user.roles.includes(role))) {
      throw new AppError(403, 'forbidden', {
        zh: `需要以下角色之一：${roles.join('、')}`,
        en: `Needs one of the roles: ${roles.join(', ')}`,
      })
    }
    await next()
  })
}
