/**
 * @module /api/auth/oidc — single sign-on through an OpenID Connect provider (oidc-options.ts).
 * `GET /start?returnTo=` sends the browser to the provider; `GET /callback` takes it back, signs
 * the person in with the same session a password login opens (method `oidc`, audited as
 * `auth.login`) and returns them to `returnTo`. Every refusal — the provider's error, a state
 * that is unknown, replayed, expired or not this browser's, a failed token check, a claim that
 * names no active account — ends on the login page with `?login-error=<code>`
 * (schemas/api/sign-in.schema.ts), never an error page.
 *
 * Both routes are browser navigations (GETs), so they write through the group committer
 * directly rather than the write seam of mutating requests (http/write.ts).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { timingSafeEqual } from 'node:crypto'
import {
  LOGIN_ERROR_PARAMETER,
  oidcCallbackQuery,
  oidcStartQuery,
} from '../../schemas/api/sign-in.schema.ts'
import type { OidcLoginError } from '../../schemas/api/sign-in.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { AppError } from '../errors.ts'
import { isHttps } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { securityOf } from '../http/security-options.ts'
import { accountForClaims } from './oidc-account.ts'
import { authorizationRequest, signedInClaims } from './oidc-client.ts'
import { OIDC_LOGIN_MINUTES, savePendingLogin, takePendingLogin } from './oidc-logins.ts'
import type { OidcOptions } from './oidc-options.ts'
import { sameSitePath, withQueryParameter } from './return-path.ts'
import { createSession, SESSION_HOURS, sessionCookie } from './sessions.ts'
import { loadCurrentUser } from './users.ts'

/** The callback's path, as the provider must have it registered (after the site's origin). */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback'

export const oidcRoutes = new Hono<AppEnv>()
  .get('/start', queryOf(oidcStartQuery), async (c) => {
    const deps = c.get('deps')
    const returnTo = sameSitePath(c.req.query('returnTo') ?? '/')
    if (returnTo === undefined) {
      const message = {
        zh: 'returnTo 只能是本站的页面路径（以 / 开头且不在 /api/ 下，如 /#/inbox）',
        en: 'returnTo must be a page on this site (starting with /, not under /api/, such as /#/inbox)',
      }
      throw new AppError(400, 'bad-request', message, {
        issues: [{ pointer: '/returnTo', code: 'not-same-site', message }],
      })
    }
    if (!deps.oidc) return backToLogin(c, 'sso-unavailable', returnTo)
    let request: Awaited<ReturnType<typeof authorizationRequest>>
    try {
      request = await authorizationRequest(deps.oidc, redirectUriFor(c, deps.oidc), returnTo)
    } catch (error) {
      logFailure(c, 'start', error)
      return backToLogin(c, 'sso-failed', returnTo)
    }
    await deps.writes.run((trx) => savePendingLogin(trx, request.pending, deps.clock.now()))
    // The state also goes into a cookie of this browser: a return carrying a state this browser
    // did not start (someone else's sign-on, pressed on the victim) is refused.
    const binding = bindingCookie(c)
    setCookie(c, binding.name, request.pending.state, {
      httpOnly: true,
      // Lax: the provider's redirect back is a cross-site top-level GET, which Strict would strip.
      sameSite: 'Lax',
      path: '/',
      secure: binding.secure,
      maxAge: OIDC_LOGIN_MINUTES * 60,
    })
    return c.redirect(request.url.href, 302)
  })
  .get('/callback', queryOf(oidcCallbackQuery), async (c) => {
    const deps = c.get('deps')
    const options = deps.oidc
    if (!options) return backToLogin(c, 'sso-unavailable', '/')
    const now = deps.clock.now()
    const parameters = new URL(c.req.url).searchParams
    const state = parameters.get('state') ?? ''
    const binding = bindingCookie(c)
    const bound = getCookie(c, binding.name) ?? ''
    deleteCookie(c, binding.name, { path: '/', secure: binding.secure })
    if (!state || !sameText(state, bound)) return backToLogin(c, 'sso-expired', '/')
    const taken = await deps.writes.run((trx) => takePendingLogin(trx, state, now))
    if (!taken.found) return backToLogin(c, 'sso-expired', '/')
    const { login } = taken
    if (taken.expired) return backToLogin(c, 'sso-expired', login.returnTo)
    const providerError = parameters.get('error')
    if (providerError !== null)
      return backToLogin(
        c,
        providerError === 'access_denied' ? 'sso-denied' : 'sso-failed',
        login.returnTo,
      )
    let claims: Record<string, unknown>
    try {
      claims = await signedInClaims(options, parameters, login)
    } catch (error) {
      logFailure(c, 'callback', error)
      return backToLogin(c, 'sso-failed', login.returnTo)
    }
    const account = await accountForClaims(deps.reads, options, claims)
    if (!account.ok) return backToLogin(c, account.error, login.returnTo)
    const user = await loadCurrentUser(deps.reads, account.userId)
    if (!user) return backToLogin(c, 'sso-inactive', login.returnTo)
    const session = await deps.writes.run(async (trx) => {
      const opened = await createSession(trx, user.id, now, 'oidc')
      await appendAudit(trx, [
        {
          at: now.toISOString(),
          actor: user.id,
          action: 'auth.login',
          entity: 'user',
          entityId: user.id,
          payload: { method: 'oidc', claim: options.claim },
        },
      ])
      return opened
    })
    const cookie = sessionCookie(c)
    setCookie(c, cookie.name, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: cookie.secure,
      maxAge: SESSION_HOURS * 3600,
    })
    return c.redirect(login.returnTo, 303)
  })

/** The cookie binding a sign-on to the browser that started it (`__Host-` over HTTPS). */
function bindingCookie(c: Context<AppEnv>): { name: string; secure: boolean } {
  const secure = isHttps(c)
  return { name: secure ? '__Host-luoshi_oidc' : 'luoshi_oidc', secure }
}

/** The login page (the app at `returnTo`) with the reason a sign-on was refused. */
function backToLogin(c: Context<AppEnv>, error: OidcLoginError, returnTo: string): Response {
  return c.redirect(withQueryParameter(returnTo, LOGIN_ERROR_PARAMETER, error), 303)
}

/**
 * The callback URL: the configured one, or this request's origin — its scheme by the proxy-trust
 * rules, its host from `X-Forwarded-Host` behind a trusted proxy, else `Host`. A forged host only
 * yields a redirect URI the provider has not registered, which it refuses.
 */
function redirectUriFor(c: Context<AppEnv>, options: OidcOptions): string {
  if (options.redirectUri) return options.redirectUri.href
  const forwarded =
    securityOf(c.get('deps')).trustProxy > 0
      ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
      : undefined
  const host = forwarded || c.req.header('host') || new URL(c.req.url).host
  return `${isHttps(c) ? 'https' : 'http'}://${host}${OIDC_CALLBACK_PATH}`
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * One log line for a sign-on that failed on the provider's side or in a check: the error's name,
 * code and message — never a token, a code, the state or the client secret.
 */
function logFailure(c: Context<AppEnv>, step: 'start' | 'callback', error: unknown): void {
  const {
    name,
    message,
    code,
    error: oauthError,
  } = error as Error & {
    code?: unknown
    error?: unknown
  }
  console.warn(
    JSON.stringify({
      level: 'warn',
      event: `oidc.${step}-failed`,
      requestId: c.get('requestId'),
      error: {
        name,
        message,
        ...(typeof code === 'string' ? { code } : {}),
        ...(typeof oauthError === 'string' ? { oauthError } : {}),
      },
    }),
  )
}
