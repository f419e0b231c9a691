/**
 * @module Operator settings for sign-in and sessions, read once at start from the environment
 * (`LUOSHI_TRUST_PROXY`, `LUOSHI_SESSION_IDLE_MINUTES`) and injected into the app, so tests set
 * them per app instead of through the process environment.
 */
import { LOGIN_THROTTLE } from '../auth/login-throttle.ts'
import type { LoginThrottleLimits } from '../auth/login-throttle.ts'

export interface SecurityOptions {
  /**
   * How many reverse proxies in front of the server are trusted: 0 (the default) believes only
   * the socket; with 1, the last `X-Forwarded-For` entry and `X-Forwarded-Proto` are believed.
   */
  trustProxy: number
  /** A session unused this long ends, whatever its 12-hour lifetime says. */
  sessionIdleMinutes: number
  /** Failed logins allowed per account and per client address in a sliding window. */
  loginThrottle: LoginThrottleLimits
}

export const DEFAULT_SECURITY: SecurityOptions = {
  trustProxy: 0,
  sessionIdleMinutes: 30,
  loginThrottle: LOGIN_THROTTLE,
}

/**
 * The settings from the environment. `LUOSHI_TRUST_PROXY` is a hop count, or `true`/`yes` for 1;
 * unset, empty, `0` or `false` trusts no proxy header.
 * @throws Error when a value is not understood (the server refuses to start).
 */
export function securityFromEnv(env: NodeJS.ProcessEnv = process.env): SecurityOptions {
  const trust = (env.LUOSHI_TRUST_PROXY ?? '').trim().toLowerCase()
  let trustProxy = 0
  if (trust === 'true' || trust === 'yes') trustProxy = 1
  else if (trust !== '' && trust !== 'false' && trust !== 'no') {
    trustProxy = Number(trust)
    if (!Number.isInteger(trustProxy) || trustProxy < 0)
      throw new Error(
        `LUOSHI_TRUST_PROXY must be a number of proxies or true/false, not ${env.LUOSHI_TRUST_PROXY}`,
      )
  }
  const idle = env.LUOSHI_SESSION_IDLE_MINUTES?.trim()
  const sessionIdleMinutes = idle ? Number(idle) : DEFAULT_SECURITY.sessionIdleMinutes
  if (!Number.isFinite(sessionIdleMinutes) || sessionIdleMinutes <= 0)
    throw new Error(`LUOSHI_SESSION_IDLE_MINUTES must be a positive number of minutes, not ${idle}`)
  return { trustProxy, sessionIdleMinutes, loginThrottle: LOGIN_THROTTLE }
}

/** The settings an app was built with (`c.get('deps')`), the defaults filled in. */
export function securityOf(deps: { security?: Partial<SecurityOptions> }): SecurityOptions {
  return { ...DEFAULT_SECURITY, ...deps.security }
}
