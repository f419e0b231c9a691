/**
 * @module Checks a username and password under the login throttle: refused outright while the
 * account or the address has too many recent failures, otherwise checked with scrypt (against a
 * dummy hash for a username that names nobody), a failure recorded in `login_attempt`. A
 * deactivated account fails as a wrong password does.
 */
import type { UserRow } from '../db/database.ts'
import type { AppDeps } from '../http/env.ts'
import { beginLoginAttempt, loginRetryAfter, recordLoginFailure } from './login-throttle.ts'
import type { LoginThrottleLimits } from './login-throttle.ts'
import { verifyAgainstDummy, verifyPassword } from './passwords.ts'

export interface LoginAttempt {
  username: string
  password: string
  /** The client address (http/client-address.ts). */
  address: string
  now: Date
  limits: LoginThrottleLimits
}

export type CredentialCheck =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'throttled'; retryAfter: number }
  | { ok: false; reason: 'wrong' }

/** The outcome of one login attempt; never throws for bad credentials. */
export async function checkCredentials(
  deps: Pick<AppDeps, 'db' | 'reads' | 'writes'>,
  attempt: LoginAttempt,
): Promise<CredentialCheck> {
  const { username, password, address, now, limits } = attempt
  const endAttempt = beginLoginAttempt(username, address)
  try {
    const retryAfter = await loginRetryAfter(deps.reads, username, address, now, limits)
    if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter }
    const user = await deps.db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst()
    const valid = user
      ? await verifyPassword(password, user.password_hash)
      : await verifyAgainstDummy(password)
    // A deactivated account is refused exactly like a wrong password, so nobody can probe which
    // accounts exist but are closed; its password is still checked, so the timing is the same.
    if (user && valid && user.active === 1) return { ok: true, user }
    // Failed logins go to login_attempt, never the audit chain: anyone can send them.
    await deps.writes.run((trx) => recordLoginFailure(trx, username, address, now, limits))
    return { ok: false, reason: 'wrong' }
  } finally {
    endAttempt()
  }
}
