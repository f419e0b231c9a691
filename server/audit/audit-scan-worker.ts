/**
 * @module A worker thread of the fast verification pass: its own read-only connection (a SQLite
 * file, or a PostgreSQL client), the rows of its stretch of the log read in log order (from SQLite
 * as plain tuples, from PostgreSQL as bytes), each checked by a {@link ChainScan}. The main thread joins the
 * stretches (joinStretches), so each chain is still checked alone, row by row.
 */
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'
import type { DatabaseLocation } from '../db/create-db.ts'
import type { ScanRow } from './audit-hash.ts'
import { AUDIT_COPY_COLUMNS, AuditCopyReader } from './audit-copy-rows.ts'
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
 * snapshot): one binary COPY of the stretch in log order, each row hashed from its bytes as they
 * stream in (audit-copy-rows.ts) — no string per field, no JSON.stringify, no page boundaries.
 */
async function scanPostgres(url: string, { after, upTo }: LogStretch, scan: ChainScan) {
  // COPY takes no parameters: the bounds go in as integers, checked to be nothing else.
  if (!Number.isSafeInteger(after) || !Number.isSafeInteger(upTo))
    throw new Error(`a stretch of the log is bounded by integers, not ${after} and ${upTo}`)
  const pg = (await import('pg')).default
  const { to: copyTo } = await import('pg-copy-streams')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('begin transaction isolation level repeatable read read only')
    const reader = new AuditCopyReader((row) => scan.addCopied(row))
    const rows = client.query(
      copyTo(`copy (select ${AUDIT_COPY_COLUMNS.join(', ')}
          from audit_log
          where seq > ${after} and seq <= ${upTo}
          order by seq)
        to stdout (format binary)`),
    )
    for await (const chunk of rows) reader.push(chunk as Buffer)
    reader.end()
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
