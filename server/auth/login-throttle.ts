/**
 * @module Login throttling. Failed logins are rows of `login_attempt` (never the audit chain);
 * once an account or a client address has too many in the sliding window, further attempts are
 * refused with 429 and `Retry-After` until the oldest counted failure leaves the window. Refused
 * attempts are not recorded, so the lock ends on its own; rows past the window are pruned.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/database.js'
import { newId } from '../ids.js'

/** How many failures are allowed per account and per address, and over how long. */
export interface LoginThrottleLimits {
  windowMinutes: number
  perAccount: number
  perAddress: number
}

export const LOGIN_THROTTLE: LoginThrottleLimits = {
  windowMinutes: 15,
  // Guessing one account's password: a handful of typos, then a wait.
  perAccount: 5,
  // One address trying many accounts (an office behind one NAT shares it): more room.
  perAddress: 30,
}

/**
 * Seconds until a login for this account from this address may be tried again; 0 when it may
 * be tried now.
 */
export async function loginRetryAfter(db: Kysely<Database>, username: string, address: string, now: Date, limits: LoginThrottleLimits = LOGIN_THROTTLE): Promise<number> {
  const windowMs = limits.windowMinutes * 60_000
  const since = new Date(now.getTime() - windowMs).toISOString()
  let until = 0
  for (const [column, value, limit] of [['username', username, limits.perAccount], ['address', address, limits.perAddress]] as const) {
    // The limit-th most recent failure: once it leaves the window, fewer than `limit` remain.
    const row = await db
      .selectFrom('login_attempt')
      .select('at')
      .where(column, '=', value)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(1)
      .offset(limit - 1)
      .executeTakeFirst()
    if (row) until = Math.max(until, new Date(row.at).getTime() + windowMs)
  }
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0
}

/** Records a failed login and prunes failures that no longer count. */
export async function recordLoginFailure(trx: Transaction<Database> | Kysely<Database>, username: string, address: string, now: Date, limits: LoginThrottleLimits = LOGIN_THROTTLE): Promise<void> {
  await trx.deleteFrom('login_attempt').where('at', '<=', new Date(now.getTime() - limits.windowMinutes * 60_000).toISOString()).execute()
  await trx.insertInto('login_attempt').values({ id: newId(), username, address, at: now.toISOString() }).execute()
}

/** A successful login clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(trx: Transaction<Database> | Kysely<Database>, username: string): Promise<void> {
  await trx.deleteFrom('login_attempt').where('username', '=', username).execute()
}
