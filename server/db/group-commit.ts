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
 * On PostgreSQL a transaction holds one write, and a few run at once (see the constructor).
 *
 * Every write of the server goes through one committer: HTTP requests (http/write.ts), the timer
 * scheduler and the demo seeding at start. A write offered from inside another write's work would
 * wait for a batch that waits for it; it is refused with {@link NestedWriteError} instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { PostgresAdapter } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database.ts'
import { isStaleStatement } from './postgres-pool.ts'

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

/**
 * Work a write leaves to the end of its transaction, done once for the whole batch with every
 * write's items together, just before the commit (see {@link deferToCommit}).
 */
export interface CommitHook<T> {
  flush(trx: Transaction<Database>, items: T[]): Promise<void>
}

/** What one write in progress has left to its commit, by hook. */
type Deferred = Map<CommitHook<unknown>, unknown[]>

/** The write whose work is running (in this async context), and the committer running it. */
const currentWrite = new AsyncLocalStorage<{ committer: GroupCommitter; deferred: Deferred }>()

/**
 * Leaves `items` to `hook`, to be flushed at the end of the current write's transaction with the
 * items of the other writes of its batch; dropped if this write is refused. Answers false outside
 * a committer's write: the caller then does the work itself, now.
 *
 * Why: the audit chain's head is locked from the append to the commit, and every writer of a plan
 * queues on it. Appended last, it is held only for the append and the commit — not for the rest of
 * the batch — and after the batch's own rows, so two processes' transactions can no longer each
 * hold a row the other wants and the head the other waits for.
 */
export function deferToCommit<T>(hook: CommitHook<T>, items: T[]): boolean {
  const write = currentWrite.getStore()
  if (!write) return false
  const list = write.deferred.get(hook)
  if (list) list.push(...items)
  else write.deferred.set(hook, [...items])
  return true
}

/** Runs every hook once over the items the batch's committed writes left it, in the order first left. */
async function flushDeferred(trx: Transaction<Database>, writes: Deferred[]): Promise<void> {
  const merged: Deferred = new Map()
  for (const deferred of writes)
    for (const [hook, items] of deferred) {
      const list = merged.get(hook)
      if (list) list.push(...items)
      else merged.set(hook, [...items])
    }
  for (const [hook, items] of merged) await hook.flush(trx, items)
}

export class GroupCommitter {
  readonly #db: Kysely<Database>
  readonly #options: { maxBatch?: number; lanes?: number }
  #shapeOf: { maxBatch: number; lanes: number } | undefined
  #queue: Pending[] = []
  /** The lanes committing now (at most `lanes`), and their loops, for close() to wait on. */
  readonly #busyLanes = new Set<object>()
  readonly #loops = new Set<Promise<void>>()
  #closed = false
  readonly stats: GroupCommitStats = { batches: 0, writes: 0, largestBatch: 0 }

  /**
   * @param options.maxBatch the most writes one transaction takes: 512 on SQLite, 1 on PostgreSQL.
   * @param options.lanes how many transactions may be committing at once, each on its own
   *   connection: 1 on SQLite, which has one writer; {@link POSTGRES_LANES} on PostgreSQL.
   *
   * Why PostgreSQL differs: it runs transactions side by side and already shares one WAL flush
   * among the commits that wait together, so a batch buys no fewer disk syncs — while one batch at
   * a time makes each write wait for every round trip of the writes before it, and a batch holds
   * its plan's audit chain head (and its tasks' rows) for all of them, so batches of two processes
   * wait on, or deadlock with, one another. One write a transaction, several at once, holds a head
   * only from its append to its commit.
   */
  constructor(db: Kysely<Database>, options: { maxBatch?: number; lanes?: number } = {}) {
    this.#db = db
    this.#options = options
  }

  /** The batch size and lanes for this database, worked out when the first write comes. */
  #shape(): { maxBatch: number; lanes: number } {
    if (!this.#shapeOf) {
      const postgres = this.#db.getExecutor().adapter instanceof PostgresAdapter
      this.#shapeOf = {
        maxBatch: this.#options.maxBatch ?? (postgres ? 1 : 512),
        lanes: this.#options.lanes ?? (postgres ? POSTGRES_LANES : 1),
      }
    }
    return this.#shapeOf
  }

  /** Runs `work` in a transaction shared with concurrent writes; resolves after the commit. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    // Set while a write's work runs, so a write started from inside it is refused, not deadlocked.
    if (currentWrite.getStore()?.committer === this) return Promise.reject(new NestedWriteError())
    if (this.#closed) return Promise.reject(new WritesClosedError())
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      // Start on the next turn of the event loop, so writes arriving together share a commit.
      if (this.#queue.length === 1 && this.#busyLanes.size < this.#shape().lanes)
        setImmediate(() => void this.#drain())
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

  /** Starts loops (up to `lanes`) that commit batches until the queue is empty; resolves when all have ended. */
  #drain(): Promise<void> {
    while (this.#busyLanes.size < this.#shape().lanes && this.#queue.length > 0) {
      const lane = {}
      this.#busyLanes.add(lane)
      const loop = this.#lane(lane, this.#queue.splice(0, this.#shape().maxBatch))
      this.#loops.add(loop)
      void loop.finally(() => this.#loops.delete(loop))
    }
    return Promise.all(this.#loops).then(() => undefined)
  }

  /** Commits `first`, then further batches while the queue has writes. */
  async #lane(lane: object, first: Pending[]): Promise<void> {
    try {
      for (let batch = first; ; batch = this.#queue.splice(0, this.#shape().maxBatch)) {
        await this.#commit(batch)
        if (this.#queue.length === 0) break
      }
    } finally {
      // Freed in the same turn as the last look at the queue, so a write queued after it starts
      // a new loop (run() checks the count).
      this.#busyLanes.delete(lane)
    }
  }

  async #commit(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[]
    for (let attempt = 1; ; attempt++) {
      try {
        outcomes = await this.#attempt(batch)
        break
      } catch (error) {
        // A lock cycle with another transaction, or a race lost to one (PostgreSQL): the whole
        // batch is rolled back, its locks released so the other goes on, and runs again.
        if (runsAgain(error) && attempt < RUN_ATTEMPTS) continue
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
    if (batch.length === 1) return [await this.#alone(batch[0]!)]
    const outcomes: Outcome[] = []
    const committed: Deferred[] = []
    let trx
    try {
      trx = await this.#db.startTransaction().execute()
      for (const [index, item] of batch.entries()) {
        const name = `w${index}`
        const savepoint = await trx.savepoint(name).execute()
        const write = { committer: this, deferred: new Map() as Deferred }
        try {
          const value = await currentWrite.run(write, () => item.work(savepoint))
          await savepoint.releaseSavepoint(name).execute()
          outcomes.push({ ok: true, value })
          committed.push(write.deferred)
        } catch (error) {
          // Rolling back this write alone would keep the locks the earlier writes hold, which
          // the other transaction of the cycle waits for: the batch is retried whole.
          if (runsAgain(error)) throw error
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
      await flushDeferred(trx, committed)
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

  /**
   * A batch of one write (every batch on PostgreSQL; a quiet moment on SQLite): the transaction is
   * the write's own, so no savepoint is needed to roll it back alone.
   */
  async #alone(item: Pending): Promise<Outcome> {
    const trx = await this.#db.startTransaction().execute()
    const write = { committer: this, deferred: new Map() as Deferred }
    let outcome: Outcome
    try {
      outcome = { ok: true, value: await currentWrite.run(write, () => item.work(trx)) }
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined)
      // A lock cycle or a lost race runs again (see #commit); any other refusal is this write's
      // answer.
      if (runsAgain(error)) throw error
      return { ok: false, error }
    }
    try {
      await flushDeferred(trx, [write.deferred])
      await trx.commit().execute()
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined)
      throw error
    }
    return outcome
  }
}

/**
 * Transactions one process commits at once on PostgreSQL: with the default pool of 10 connections,
 * six stay for reads (the pool queues a lane when every connection is taken).
 */
const POSTGRES_LANES = 4

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/** How many times a batch runs before a lock cycle or a lost race fails its writes. */
const RUN_ATTEMPTS = 5

/**
 * PostgreSQL's deadlock (40P01) or serialization failure (40001): two processes' batches each
 * hold a row the other waits for (a task one batch wrote, a plan's audit chain head the other
 * holds until it commits). PostgreSQL ends one of them; nothing of it is kept, so it can run again.
 */
function isLockCycle(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}

/**
 * An error that says its write lost a race: a row it read was changed by a transaction that
 * committed before its update (on PostgreSQL, where several run at once), so its update found no
 * row at the version it read. Marked `lostRace: true` (errors.ts, TaskChangedError). Run again,
 * the write reads the row as it now is — and a write sent with If-Match then fails on its own check.
 */
function runsAgain(error: unknown): boolean {
  return (
    isLockCycle(error) ||
    (error as { lostRace?: unknown } | null)?.lostRace === true ||
    // A named statement prepared before a migration changed its table (postgres-pool.ts): run
    // again on a connection prepared afresh.
    isStaleStatement(error)
  )
}
