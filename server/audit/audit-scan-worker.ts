/**
 * @module A worker thread of the fast verification pass: its own read-only connection (a SQLite
 * file, or a PostgreSQL client), the rows of its stretch of the log read in log order as plain
 * tuples (no object per row), each checked by a {@link ChainScan}. The main thread joins the
 * stretches (joinStretches), so each chain is still checked alone, row by row.
 */
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'
import type { DatabaseLocation } from '../db/create-db.ts'
import { CANONICAL_AUDIT_FIELDS, canonicalAuditTextOf } from './audit-hash.ts'
import type { ScanRow } from './audit-hash.ts'
import { ChainScan } from './audit-chain-scan.ts'
import type { ChainExpectation, LogStretch, StretchOutcome } from './audit-chain-scan.ts'

const PAGE = 10_000

/** What the main thread gives a worker. */
export interface ScanJob {
  where: DatabaseLocation
  key: Uint8Array
  expected: ChainExpectation[]
  stretch: LogStretch
}

/** What a worker answers: what its stretch held, or why it has nothing to say. */
export type ScanReply = { outcome: StretchOutcome } | { error: string }

/**
 * The stretch from a SQLite file: the table in rowid (= seq) order, read straight through, a page
 * at a time from the last row read (`all()` of a page costs less than a step per row). SQLite's
 * json_array quotes text as JSON.stringify does (canonicalAuditText): one string per row instead
 * of seven, and none to stringify again.
 */
function scanSqlite(file: string, { after, upTo }: LogStretch, scan: ChainScan): void {
  const connection = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const page = connection
      .prepare(
        `select chain, chain_seq, prev_hash, hash,
           case when chain = ''
             then json_array(chain_seq, at, actor, action, entity, entity_id, payload)
             else json_array(chain, chain_seq, at, actor, action, entity, entity_id, payload)
           end,
           seq
         from audit_log
         where seq > ? and seq <= ?
         order by seq
         limit ${PAGE}`,
      )
      .raw(true)
    for (let from = after; ;) {
      const rows = page.all(from, upTo) as Array<[...ScanRow, number]>
      for (const row of rows) scan.add(row as unknown as ScanRow)
      if (rows.length < PAGE) break
      from = rows.at(-1)![5]
    }
  } finally {
    connection.close()
  }
}

/**
 * The stretch from PostgreSQL, through a client of its own, in one read-only transaction (one
 * snapshot for every page). The canonical text is built here, from the row as a tuple: PostgreSQL's
 * to_json would build the same text, but at several times the cost of reading the row, on the
 * cores this thread needs. While a page is hashed the server reads the next.
 */
async function scanPostgres(url: string, { after, upTo }: LogStretch, scan: ChainScan) {
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('begin transaction isolation level repeatable read read only')
    const text = `select ${CANONICAL_AUDIT_FIELDS.join(', ')}, prev_hash, hash, seq
      from audit_log
      where seq > $1::bigint and seq <= $2::bigint
      order by seq
      limit ${PAGE}`
    // The canonical fields (chain, chain_seq, then six texts), prev_hash, hash, seq.
    type Stored = [string, number, ...string[]]
    // In pg's callback form, as the server's queries (db/postgres-pool.ts): less garbage kept.
    const page = (from: number) =>
      new Promise<Stored[]>((resolve, reject) =>
        client.query<Stored>({ text, values: [from, upTo], rowMode: 'array' }, (error, result) =>
          error ? reject(error) : resolve(result.rows),
        ),
      )
    for (let next: Promise<Stored[]> | null = page(after); next;) {
      const rows: Stored[] = await next
      next = rows.length === PAGE ? page(rows.at(-1)![10] as unknown as number) : null
      for (const row of rows)
        scan.add([row[0], row[1], row[8]!, row[9]!, canonicalAuditTextOf(row)])
    }
    await client.query('commit')
  } finally {
    await client.end()
  }
}

/** Runs one worker's job: reads its stretch in `seq` order and checks it. */
export async function scanStretch(job: ScanJob): Promise<StretchOutcome> {
  const scan = new ChainScan(Buffer.from(job.key), job.expected)
  if (job.where.kind === 'sqlite') scanSqlite(job.where.file, job.stretch, scan)
  else await scanPostgres(job.where.url, job.stretch, scan)
  return scan.finish()
}

if (parentPort && (workerData as { auditScan?: ScanJob } | undefined)?.auditScan) {
  const job = (workerData as { auditScan: ScanJob }).auditScan
  const port = parentPort
  scanStretch(job).then(
    (outcome) => port.postMessage({ outcome } satisfies ScanReply),
    (error: unknown) =>
      port.postMessage({
        error: error instanceof Error ? error.message : String(error),
      } satisfies ScanReply),
  )
}
