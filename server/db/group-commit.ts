/**
 * @module Group commit: writes that arrive while a commit is in progress are gathered and
 * committed together. With `synchronous=FULL` every commit waits for the disk; sharing one
 * commit among a batch of requests is how acknowledged writes stay durable at thousands per
 * second. Each write runs in its own savepoint, so one failing write rolls back alone; nobody
 * is answered until the batch's commit is on disk.
 *
 * `close()` (at shutdown) commits what is queued and refuses what comes after with
 * {@link WritesClosedError}, so the database is never closed under a write.
 *
 * Every write of the server goes through one committer: HTTP requests (http/write.ts), the timer
 * scheduler and the demo seeding at start. A write offered from inside another write's work would
 * wait for a batch that waits for it; it is refused with {@link NestedWriteError} instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database.ts'

interface Pending {
  work: (trx: Transaction<Database>) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

export interface GroupCommitStats {
  batches: number
  writes: number
  largestBatch: number
}

/** A write offered after {@link GroupCommitter.close}: the server is stopping (a 503). */
export class WritesClosedError extends Error {
  constructor() {
    super('The group committer is closed: the server is shutting down')
    this.name = 'WritesClosedError'
  }
}

/**
 * A write offered from inside another write's work: it would wait for the batch its caller is part
 * of, forever. The inner code should take the caller's transaction instead.
 */
export class NestedWriteError extends Error {
  constructor() {
    super(
      'A write was started inside another write: pass the transaction down instead of starting a new write',
    )
    this.name = 'NestedWriteError'
  }
}

/** What code outside a request writes through: the writer connection (for reads) and its committer. */
export interface Store {
  /** The connection the committer writes on; outside a write's work it may be read from. */
  db: Kysely<Database>
  writes: GroupCommitter
}

export class GroupCommitter {
  readonly #db: Kysely<Database>
  readonly #maxBatch: number
  /** Set while a write's work runs, so a write started from inside it is refused, not deadlocked. */
  readonly #inWork = new AsyncLocalStorage<true>()
  #queue: Pending[] = []
  #draining: Promise<void> | undefined
  #closed = false
  readonly stats: GroupCommitStats = { batches: 0, writes: 0, largestBatch: 0 }

  constructor(db: Kysely<Database>, options: { maxBatch?: number } = {}) {
    this.#db = db
    this.#maxBatch = options.maxBatch ?? 512
  }

  /** Runs `work` in a transaction shared with concurrent writes; resolves after the commit. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    if (this.#inWork.getStore()) return Promise.reject(new NestedWriteError())
    if (this.#closed) return Promise.reject(new WritesClosedError())
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      // Start on the next turn of the event loop, so writes arriving together share a commit.
      if (this.#queue.length === 1 && !this.#draining) setImmediate(() => void this.#drain())
    })
  }

  /**
   * Commits every write already queued (and waits for the batch in progress), then refuses new
   * ones with {@link WritesClosedError}. Resolves when nothing is left to write.
   */
  async close(): Promise<void> {
    this.#closed = true
    await this.#drain()
  }

  /** Commits batches until the queue is empty; a second caller waits for the running loop. */
  #drain(): Promise<void> {
    if (this.#draining) return this.#draining
    if (this.#queue.length === 0) return Promise.resolve()
    const loop = async (): Promise<void> => {
      try {
        while (this.#queue.length > 0) {
          const batch = this.#queue.splice(0, this.#maxBatch)
          await this.#commit(batch)
        }
      } finally {
        // Cleared in the same turn as the last look at the queue, so a write queued after it
        // starts a new loop (run() checks this field).
        this.#draining = undefined
      }
    }
    // The queue is not empty, so the loop awaits a commit before its `finally` can run.
    this.#draining = loop()
    return this.#draining
  }

  async #commit(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[]
    for (let attempt = 1; ; attempt++) {
      try {
        outcomes = await this.#attempt(batch)
        break
      } catch (error) {
        // A lock cycle with another process's transaction (PostgreSQL): the whole batch is rolled
        // back, its locks released so the other goes on, and runs again.
        if (isLockCycle(error) && attempt < LOCK_CYCLE_ATTEMPTS) continue
        for (const item of batch) item.reject(error)
        return
      }
    }
    this.stats.batches++
    this.stats.writes += batch.length
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length)
    batch.forEach((item, index) => {
      const outcome = outcomes[index]!
      if (outcome.ok) item.resolve(outcome.value)
      else item.reject(outcome.error)
    })
  }

  /** Runs the batch's writes in one transaction, each in its own savepoint, and commits. */
  async #attempt(batch: Pending[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = []
    let trx
    try {
      trx = await this.#db.startTransaction().execute()
      for (const [index, item] of batch.entries()) {
        const name = `w${index}`
        const savepoint = await trx.savepoint(name).execute()
        try {
          const value = await this.#inWork.run(true, () => item.work(savepoint))
          await savepoint.releaseSavepoint(name).execute()
          outcomes.push({ ok: true, value })
        } catch (error) {
          // Rolling back this write alone would keep the locks the earlier writes hold, which
          // the other transaction of the cycle waits for: the batch is retried whole.
          if (isLockCycle(error)) throw error
          // A full disk or an I/O error can make SQLite roll back the whole transaction, and the
          // savepoint with it ("no such savepoint"): then the batch fails with the first error,
          // the one that says what happened.
          await savepoint
            .rollbackToSavepoint(name)
            .execute()
            .catch(() => {
              throw error
            })
          outcomes.push({ ok: false, error })
        }
      }
      await trx.commit().execute()
      return outcomes
    } catch (error) {
      if (trx)
        await trx
          .rollback()
          .execute()
          .catch(() => undefined)
      throw error
    }
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/** How many times a batch runs before a lock cycle fails its writes. */
const LOCK_CYCLE_ATTEMPTS = 5

/**
 * PostgreSQL's deadlock (40P01) or serialization failure (40001): two processes' batches each
 * hold a row the other waits for (a task one batch wrote, a plan's audit chain head the other
 * holds until it commits). PostgreSQL ends one of them; nothing of it is kept, so it can run again.
 */
function isLockCycle(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}
