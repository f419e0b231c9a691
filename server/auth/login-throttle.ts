/**
 * @module Login throttling. Failed logins are rows of `login_attempt` (never the audit chain);
 * once an account or a client address has too many in the sliding window, further attempts are
 * refused with 429 and `Retry-After` until the oldest counted failure leaves the window. Refused
 * attempts are not recorded, so the lock ends on its own; rows past the window are pruned.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import { newId } from '../ids.ts'

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
 * Logins under way in this process, per account and per address. Each counts as a failure until
 * it ends, so a burst of parallel guesses cannot all pass the check before any failure is written.
 */
const pending = new Map<string, number>()
const pendingKeys = (username: string, address: string) =>
  [`account:${username}`, `address:${address}`] as const

/** Marks a login as under way; call the returned function once its failure (if any) is written. */
export function beginLoginAttempt(username: string, address: string): () => void {
  const keys = pendingKeys(username, address)
  for (const key of keys) pending.set(key, (pending.get(key) ?? 0) + 1)
  let ended = false
  return () => {
    if (ended) return
    ended = true
    for (const key of keys) {
      const left = (pending.get(key) ?? 1) - 1
      if (left > 0) pending.set(key, left)
      else pending.delete(key)
    }
  }
}

/**
 * Seconds until a login for this account from this address may be tried again; 0 when it may
 * be tried now. Called after {@link beginLoginAttempt}: the other logins under way count too.
 */
export async function loginRetryAfter(
  db: Kysely<Database>,
  username: string,
  address: string,
  now: Date,
  limits: LoginThrottleLimits = LOGIN_THROTTLE,
): Promise<number> {
  const windowMs = limits.windowMinutes * 60_000
  const since = new Date(now.getTime() - windowMs).toISOString()
  const [accountKey, addressKey] = pendingKeys(username, address)
  let until = 0
  for (const [column, value, limit, key] of [
    ['username', username, limits.perAccount, accountKey],
    ['address', address, limits.perAddress, addressKey],
  ] as const) {
    const room = limit - Math.max(0, (pending.get(key) ?? 1) - 1)
    if (room <= 0) {
      // Enough guesses are being checked right now; their outcome decides. Ask again shortly.
      until = Math.max(until, now.getTime() + 1000)
      continue
    }
    // The room-th most recent failure: once it leaves the window, the rest fit under the limit.
    const row = await db
      .selectFrom('login_attempt')
      .select('at')
      .where(column, '=', value)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(1)
      .offset(room - 1)
      .executeTakeFirst()
    if (row) until = Math.max(until, new Date(row.at).getTime() + windowMs)
  }
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0
}

/** Records a failed login and prunes failures that no longer count. */
export async function recordLoginFailure(
  trx: Transaction<Database> | Kysely<Database>,
  username: string,
  address: string,
  now: Date,
  limits: LoginThrottleLimits = LOGIN_THROTTLE,
): Promise<void> {
  await trx
    .deleteFrom('login_attempt')
    .where('at', '<=', new Date(now.getTime() - limits.windowMinutes * 60_000).toISOString())
    .execute()
  await trx
    .insertInto('login_attempt')
    .values({ id: newId(), username, address, at: now.toISOString() })
    .execute()
}

/** A successful login clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(
  trx: Transaction<Database> | Kysely<Database>,
  username: string,
): Promise<void> {
  await trx.deleteFrom('login_attempt').where('username', '=', username).execute()
}
