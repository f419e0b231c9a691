/**
 * @module Runs the fast verification pass (audit-chain-scan.ts) where it is quickest: on a large
 * log, on worker threads — one core reads and hashes about half a million rows a second, so the
 * log is cut by `seq` into one stretch a thread, each read through the thread's own connection
 * (the SQLite file read-only, or a PostgreSQL client) and the stretches joined here; otherwise (a
 * small log, a database in memory) in this thread, the log read in keyset pages in `seq` order.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { databaseLocation } from '../db/create-db.ts'
import type { DatabaseLocation } from '../db/create-db.ts'
import type { Database } from '../db/database.ts'
import { CANONICAL_AUDIT_FIELDS, canonicalAuditText } from './audit-hash.ts'
import { ChainScan, joinStretches, WHOLE_LOG } from './audit-chain-scan.ts'
import type {
  ChainExpectation,
  LogStretch,
  ScanOutcome,
  StretchOutcome,
} from './audit-chain-scan.ts'
import type { ScanJob, ScanReply } from './audit-scan-worker.ts'

/** Below this many rows the threads' start-up costs more than they save. */
const WORKER_ROWS = 100_000
const PAGE = 10_000

/** The pass in this thread, through the connection given. */
export async function scanInProcess(
  db: Kysely<Database>,
  key: Buffer,
  expected: ChainExpectation[],
): Promise<ScanOutcome> {
  const scan = new ChainScan(key, expected)
  for (let after = WHOLE_LOG.after; ;) {
    const page = await db
      .selectFrom('audit_log')
      .select([...CANONICAL_AUDIT_FIELDS, 'prev_hash', 'hash', 'seq'])
      .where('seq', '>', sql<number>`cast(${after} as bigint)`)
      .orderBy('seq')
      .limit(PAGE)
      .execute()
    for (const r of page)
      scan.add([r.chain, r.chain_seq, r.prev_hash, r.hash, canonicalAuditText(r)])
    if (page.length < PAGE) break
    after = page.at(-1)!.seq
  }
  return joinStretches(expected, [scan.finish()])
}

/**
 * `count` stretches of `seq` values over 1 … `lastSeq`, in order; the first and last open-ended,
 * so a row outside them (or a `lastSeq` guessed low) is still read.
 */
export function stretchesOf(lastSeq: number, count: number): LogStretch[] {
  const size = Math.ceil(lastSeq / count)
  return Array.from({ length: count }, (_, index) => ({
    after: index === 0 ? WHOLE_LOG.after : index * size,
    upTo: index === count - 1 ? WHOLE_LOG.upTo : (index + 1) * size,
  }))
}

function runWorker(job: ScanJob): Promise<StretchOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./audit-scan-worker.ts', import.meta.url), {
      workerData: { auditScan: job },
    })
    worker.once('message', (reply: ScanReply) => {
      void worker.terminate()
      if ('error' in reply) reject(new Error(reply.error))
      else resolve(reply.outcome)
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the verification worker stopped (${code})`)))
  })
}

/** The pass on `workers` threads, each over its stretch of the log up to about `lastSeq`. */
export async function scanWithWorkers(
  where: DatabaseLocation,
  key: Buffer,
  expected: ChainExpectation[],
  workers: number,
  lastSeq: number,
): Promise<ScanOutcome> {
  const parts = await Promise.all(
    stretchesOf(lastSeq, workers).map((stretch) =>
      runWorker({ where, key: new Uint8Array(key), expected, stretch }),
    ),
  )
  return joinStretches(expected, parts)
}

/**
 * The fast pass over every expected chain: on threads for a large log in a file or on PostgreSQL
 * (`workers` threads when given, whatever the size; else the cores, up to 4, from
 * {@link WORKER_ROWS} rows on), else here. A failed thread (the file unreadable to it, the server
 * refusing another connection) falls back to here.
 */
export async function scanAuditLog(
  db: Kysely<Database>,
  key: Buffer,
  expected: ChainExpectation[],
  workers?: number,
): Promise<ScanOutcome> {
  const rows = expected.reduce((sum, chain) => sum + chain.head.seq, 0)
  const threads = workers ?? (rows >= WORKER_ROWS ? Math.min(availableParallelism(), 4) : 1)
  const where = threads > 1 ? await databaseLocation(db) : undefined
  if (where) {
    try {
      const { last } = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('seq').as('last'))
        .executeTakeFirstOrThrow()
      return await scanWithWorkers(where, key, expected, threads, Number(last ?? 0))
    } catch (error) {
      // Verified here instead: slower, never wrong.
      console.error(
        `审计校验线程失败，改在本线程校验 / the audit verification threads failed, verifying in this thread instead: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  return scanInProcess(db, key, expected)
}
