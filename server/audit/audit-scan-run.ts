/**
 * @module Runs the fast verification pass (audit-chain-scan.ts) where it is quickest: on a large
 * SQLite log, on worker threads — one core reads and hashes about half a million rows a second, and
 * chains share out whole, so each core takes a share of the chains and checks it alone; otherwise
 * (PostgreSQL, a small log, a database in memory) in this thread, the log read in keyset pages in
 * `seq` order, which on PostgreSQL leaves the server's own core to produce the next page.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { sql, SqliteAdapter } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { canonicalAuditText } from './audit-hash.ts'
import { ChainScan } from './audit-chain-scan.ts'
import type { ChainExpectation, ScanOutcome } from './audit-chain-scan.ts'
import type { ScanJob, ScanReply } from './audit-scan-worker.ts'

/** Below this many rows the threads' start-up costs more than they save. */
const WORKER_ROWS = 100_000
const PAGE = 10_000

/** The file of a SQLite database on disk; null for PostgreSQL or a database in memory. */
async function sqliteFile(db: Kysely<Database>): Promise<string | null> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return null
  const { rows } = await sql<{
    file: string
  }>`select file from pragma_database_list where name = 'main'`.execute(db)
  return rows[0]?.file || null
}

/** The pass in this thread, through the connection given. */
export async function scanInProcess(
  db: Kysely<Database>,
  key: Buffer,
  expected: ChainExpectation[],
): Promise<ScanOutcome> {
  const scan = new ChainScan(key, expected)
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('audit_log')
      .select([
        'seq',
        'chain',
        'chain_seq',
        'at',
        'actor',
        'action',
        'entity',
        'entity_id',
        'payload',
        'prev_hash',
        'hash',
      ])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute()
    for (const r of page)
      scan.add([r.chain, r.chain_seq, r.prev_hash, r.hash, canonicalAuditText(r)])
    if (page.length < PAGE) break
    after = page.at(-1)!.seq
  }
  return scan.finish()
}

/** Shares the chains out by rows, largest first, each to the least loaded share. */
function share(expected: ChainExpectation[], count: number): ChainExpectation[][] {
  const shares = Array.from({ length: count }, () => ({
    rows: 0,
    chains: [] as ChainExpectation[],
  }))
  for (const chain of [...expected].sort((a, b) => b.head.seq - a.head.seq)) {
    const least = shares.reduce((min, next) => (next.rows < min.rows ? next : min))
    least.rows += chain.head.seq
    least.chains.push(chain)
  }
  return shares.map((s) => s.chains)
}

function runWorker(job: ScanJob): Promise<ScanOutcome> {
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

/** The pass on `workers` threads, each over its share of the chains. */
export async function scanWithWorkers(
  file: string,
  key: Buffer,
  expected: ChainExpectation[],
  workers: number,
): Promise<ScanOutcome> {
  const shares = share(expected, workers).filter((s, index) => index === 0 || s.length > 0)
  const names = shares.map((s) => s.map((chain) => chain.chain))
  const outcomes = await Promise.all(
    shares.map((chains, index) =>
      runWorker({
        file,
        key: new Uint8Array(key),
        expected: chains,
        // The first share takes every row not of another share: its own, and those of chains
        // no one expected (they have no head yet, or lost it), which it hands back to be walked.
        chains: index === 0 ? names.slice(1).flat() : names[index]!,
        rest: index === 0,
      }),
    ),
  )
  return {
    whole: outcomes.flatMap((o) => o.whole),
    walk: outcomes.flatMap((o) => o.walk),
  }
}

/**
 * The fast pass over every expected chain: on threads for a large SQLite log (`workers` threads
 * when given, whatever the size; else the cores, up to 4, from {@link WORKER_ROWS} rows on), else
 * here. A failed thread (the file unreadable to it, say) falls back to here.
 */
export async function scanAuditLog(
  db: Kysely<Database>,
  key: Buffer,
  expected: ChainExpectation[],
  workers?: number,
): Promise<ScanOutcome> {
  const rows = expected.reduce((sum, chain) => sum + chain.head.seq, 0)
  const threads = workers ?? (rows >= WORKER_ROWS ? Math.min(availableParallelism(), 4) : 1)
  const file = threads > 1 ? await sqliteFile(db) : null
  if (file) {
    try {
      return await scanWithWorkers(file, key, expected, threads)
    } catch (error) {
      // Verified here instead: slower, never wrong.
      console.error(
        `审计校验线程失败，改在本线程校验 / the audit verification threads failed, verifying in this thread instead: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  return scanInProcess(db, key, expected)
}
