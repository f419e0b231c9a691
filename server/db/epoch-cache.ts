/**
 * @module Values a process keeps while a counter in the database (an epoch) stands still. Triggers
 * move the counter in the transaction of every change the value depends on, and a reader reads the
 * counter before the value, so a value served from here is the one the database holds at that
 * read — on every process of a PostgreSQL deployment too. Used for the accounts
 * (auth/current-user-cache.ts, the access epoch), the ledgers' order (documents/ledger-layout.ts,
 * each plan's ledger epoch) and the plans' counted progress (plans/progress-groups.ts, each plan's
 * progress epoch).
 */
import type { Kysely } from 'kysely'
import type { Database } from './database.ts'

interface Kept<V> {
  epoch: number
  value: V
}

export class EpochCache<V> {
  /** One map per database: tests (and tools) open several databases in one process. */
  readonly #byDatabase = new WeakMap<Kysely<Database>, Map<string, Kept<V>>>()
  readonly #most: number

  /** @param most the values kept at most; past it, the least recently used goes. */
  constructor(most: number) {
    this.#most = most
  }

  /**
   * The value of `key` as of `epoch` (read from the database before this call): kept, or made by
   * `load` and kept. Loaded after the epoch was read, a value may be newer than `epoch` says, and
   * the next reader (reading the newer epoch) loads it again: never older.
   */
  async get(db: Kysely<Database>, key: string, epoch: number, load: () => Promise<V>): Promise<V> {
    let kept = this.#byDatabase.get(db)
    if (!kept) this.#byDatabase.set(db, (kept = new Map()))
    const found = kept.get(key)
    // Most recently used last (a Map keeps insertion order), so the oldest is the first to go.
    kept.delete(key)
    if (found && found.epoch === epoch) {
      kept.set(key, found)
      return found.value
    }
    const value = await load()
    if (kept.size >= this.#most) kept.delete(kept.keys().next().value!)
    kept.set(key, { epoch, value })
    return value
  }
}
