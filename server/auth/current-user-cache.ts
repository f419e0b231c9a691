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
import { EpochCache } from '../db/epoch-cache.ts'
import type { CurrentUser } from '../http/env.ts'
import { loadCurrentUser } from './users.ts'

/** Enough for every account active at once in a province; past it, the least recently used goes. */
const accounts = new EpochCache<CurrentUser | undefined>(20_000)

/** The account `userId` as of access epoch `epoch`, loaded through `db` unless already kept. */
export function currentUserAt(
  db: Kysely<Database>,
  userId: string,
  epoch: number,
): Promise<CurrentUser | undefined> {
  return accounts.get(db, userId, epoch, async () => {
    const user = await loadCurrentUser(db, userId)
    return user && Object.freeze(user)
  })
}
