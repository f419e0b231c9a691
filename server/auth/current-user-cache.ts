/**
 * @module The accounts a process has loaded, kept while the access epoch stands still (migration
 * 2026_12_09_0600): every change to an account, its units, a region or a policy moves the epoch in
 * its own transaction, and every request reads the epoch with its session, so an account served
 * from here is the one the database holds at that read — on every process of a PostgreSQL
 * deployment too. Loading an account costs three statements and a walk of the regions below it;
 * on the path every request takes, that was a fifth of a write's CPU.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import { loadCurrentUser } from './users.ts'

/** Enough for every account active at once in a province; past it, the cache starts again. */
const MOST_ACCOUNTS = 20_000

interface Kept {
  epoch: number
  user: CurrentUser | undefined
}

/** One cache per database: tests (and tools) open several databases in one process. */
const byDatabase = new WeakMap<Kysely<Database>, Map<string, Kept>>()

/** The account `userId` as of access epoch `epoch`, loaded through `db` unless already kept. */
export async function currentUserAt(
  db: Kysely<Database>,
  userId: string,
  epoch: number,
): Promise<CurrentUser | undefined> {
  let kept = byDatabase.get(db)
  if (!kept) byDatabase.set(db, (kept = new Map()))
  const found = kept.get(userId)
  if (found && found.epoch === epoch) return found.user
  const user = await loadCurrentUser(db, userId)
  if (kept.size >= MOST_ACCOUNTS) kept.clear()
  // Loaded after the epoch was read: if the epoch moved in between, the account may be newer than
  // `epoch` says, and the next request (reading the newer epoch) loads it again. Never older.
  kept.set(userId, { epoch, user: user && Object.freeze(user) })
  return user
}
