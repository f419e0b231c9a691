/**
 * @module /api/auth — log in (session cookie + CSRF token; throttled, see login-throttle.ts), who
 * am I, change my password (the password policy; ends my other sessions), log out (revokes); the
 * ways to sign in (`/options`) and single sign-on (`/oidc`, see oidc-routes.ts).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { changePasswordBody, loginBody } from '../../schemas/api/requests.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { AppError } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { authenticate, resolveSession } from '../http/middleware/authenticate.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { clientAddress } from '../http/client-address.ts'
import { securityOf } from '../http/security-options.ts'
import { checkCredentials } from './check-credentials.ts'
import type { CredentialCheck } from './check-credentials.ts'
import { passwordIssues } from './password-policy.ts'
import { hashPassword } from './passwords.ts'
import { clearAccountFailures } from './login-throttle.ts'
import {
  createSession,
  endOtherSessions,
  revokeSession,
  SESSION_HOURS,
  sessionCookie,
  touchSession,
} from './sessions.ts'
import { loadCurrentUser, sessionUser } from './users.ts'
import { oidcRoutes } from './oidc-routes.ts'
import type { AuthOptions } from '../../schemas/api/sign-in.schema.ts'
import type { SessionState } from '../../schemas/api/responses.schema.ts'
import { assessingOf } from '../assessments/assessing.ts'

export const authRoutes = new Hono<AppEnv>()
  // Public: the login page asks it before anyone has signed in.
  .get('/options', (c) => {
    const oidc = c.get('deps').oidc
    const options: AuthOptions = { oidc: oidc ? { label: oidc.label } : null }
    return c.json(options)
  })
  .route('/oidc', oidcRoutes)
  // Public, and never a 401: the web app asks it first to learn whether anyone is signed in, so
  // no request of its own fails before the login form shows.
  .get('/session', async (c) => {
    const found = await resolveSession(c)
    if (!found) return c.json({ user: null, csrfToken: null, assessing: [] } as SessionState)
    const { session, user } = found
    const { clock, writes, reads } = c.get('deps')
    if (session.touch) await writes.run((trx) => touchSession(trx, session.id, clock.now()))
    const state: SessionState = {
      user: sessionUser(user),
      csrfToken: session.csrfToken,
      assessing: user.mustChangePassword ? [] : await assessingOf(reads, user),
    }
    return c.json(state)
  })
  // Exactly JSON: a cross-site form can send text/plain or urlencoded bodies, never this type.
  .post('/login', validJson(loginBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const body = c.req.valid('json')
    const now = clock.now()
    const checked = await checkCredentials(c.get('deps'), {
      username: body.username,
      password: body.password,
      address: clientAddress(c),
      now,
      limits: securityOf(c.get('deps')).loginThrottle,
    })
    refuseThrottled(c, checked)
    if (!checked.ok)
      throw new AppError(401, 'unauthenticated', {
        zh: '用户名或密码错误',
        en: 'Wrong username or password',
      })
    const { user } = checked
    const current = await loadCurrentUser(reads, user.id)
    // Deactivated between the check and now: refused as any wrong password is.
    if (!current)
      throw new AppError(401, 'unauthenticated', {
        zh: '用户名或密码错误',
        en: 'Wrong username or password',
      })
    return write(c, async (trx) => {
      const session = await createSession(trx, user.id, now)
      await clearAccountFailures(trx, body.username)
      await appendAudit(trx, [
        {
          at: now.toISOString(),
          actor: user.id,
          action: 'auth.login',
          entity: 'user',
          entityId: user.id,
          payload: {},
        },
      ])
      const cookie = sessionCookie(c)
      setCookie(c, cookie.name, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: cookie.secure,
        maxAge: SESSION_HOURS * 3600,
      })
      return c.json({ user: sessionUser(current), csrfToken: session.csrfToken })
    })
  })
  .get('/me', authenticate, (c) =>
    c.json({ user: sessionUser(c.get('user')), csrfToken: c.get('csrfToken') }),
  )
  // The current password is checked like a login (throttled, failures counted): a session left
  // open on a shared screen must not become a way to guess it.
  .post('/password', authenticate, validJson(changePasswordBody), async (c) => {
    const { clock } = c.get('deps')
    const user = c.get('user')
    const body = c.req.valid('json')
    const now = clock.now()
    const checked = await checkCredentials(c.get('deps'), {
      username: user.username,
      password: body.currentPassword,
      address: clientAddress(c),
      now,
      limits: securityOf(c.get('deps')).loginThrottle,
    })
    refuseThrottled(c, checked)
    if (!checked.ok) {
      throw new AppError(
        422,
        'invalid-user',
        { zh: '当前密码不正确', en: 'The current password is wrong' },
        {
          issues: [
            {
              pointer: '/currentPassword',
              code: 'wrong-password',
              message: { zh: '当前密码不正确', en: 'The current password is wrong' },
            },
          ],
        },
      )
    }
    const issues = passwordIssues(body.newPassword, user.username, '/newPassword')
    if (body.newPassword === body.currentPassword) {
      issues.push({
        pointer: '/newPassword',
        code: 'password-unchanged',
        message: {
          zh: '新密码不能与当前密码相同',
          en: 'The new password must differ from the current one',
        },
      })
    }
    if (issues.length > 0)
      throw new AppError(
        422,
        'invalid-user',
        { zh: '新密码不符合密码规则', en: 'The new password does not meet the password policy' },
        { issues },
      )
    const hash = await hashPassword(body.newPassword)
    return write(c, async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ password_hash: hash, must_change_password: 0, updated_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute()
      const ended = await endOtherSessions(trx, user.id, c.get('sessionId'))
      await clearAccountFailures(trx, user.username)
      await appendAudit(trx, [
        {
          at: now.toISOString(),
          actor: user.id,
          action: 'user.password-change',
          entity: 'user',
          entityId: user.id,
          payload: { sessionsEnded: ended, wasOneTime: user.mustChangePassword },
        },
      ])
      return c.json({ ok: true as const })
    })
  })
  .post('/logout', authenticate, async (c) => {
    const { clock } = c.get('deps')
    return write(c, async (trx) => {
      await revokeSession(trx, c.get('sessionId'), clock.now())
      const cookie = sessionCookie(c)
      deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
      return c.json({ ok: true })
    })
  })

/** 429 with `Retry-After` when the account or the address has failed too often. */
function refuseThrottled(c: Context<AppEnv>, checked: CredentialCheck): void {
  if (checked.ok || checked.reason !== 'throttled') return
  c.header('Retry-After', String(checked.retryAfter))
  const minutes = Math.ceil(checked.retryAfter / 60)
  throw new AppError(
    429,
    'too-many-attempts',
    {
      zh: `登录失败次数过多，请 ${minutes} 分钟后再试`,
      en: `Too many failed logins; try again in ${minutes} min`,
    },
    { retryAfter: checked.retryAfter },
  )
}
