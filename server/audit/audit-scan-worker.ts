/**
 * @module A worker thread of the fast verification pass on SQLite: its own read-only connection,
 * the rows of its share of the chains read in log order as plain tuples (no object per row), each
 * checked by a {@link ChainScan}. Chains are shared out whole, so each is still checked alone and
 * in order; the worker that takes the rest also sees the rows of chains no one expected.
 */
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'
import type { ScanRow } from './audit-hash.ts'
import { ChainScan } from './audit-chain-scan.ts'
import type { ChainExpectation, ScanOutcome } from './audit-chain-scan.ts'

const PAGE = 10_000

/** What the main thread gives a worker. */
export interface ScanJob {
  file: string
  key: Uint8Array
  expected: ChainExpectation[]
  /** Take the rows of these chains; or, with `rest`, every row not of these chains. */
  chains: string[]
  rest: boolean
}

/** What a worker answers: its outcome, or why it has none. */
export type ScanReply = { outcome: ScanOutcome } | { error: string }

/** Runs one worker's share: reads its rows in `seq` order and checks them. */
export function scanShare(job: ScanJob): ScanOutcome {
  const connection = new SQLite(job.file, { readonly: true, fileMustExist: true })
  try {
    const scan = new ChainScan(Buffer.from(job.key), job.expected)
    // In `seq` order, a page at a time from the last row read: the table in rowid (= seq) order,
    // read straight through (`all()` of a page costs less than a step per row). NOT INDEXED: the
    // chain index would jump about the table for every row. SQLite's json_array quotes text as
    // JSON.stringify does (canonicalAuditText): one string per row instead of seven, and none to
    // stringify again.
    const page = connection
      .prepare(
        `select chain, chain_seq, prev_hash, hash,
           case when chain = ''
             then json_array(chain_seq, at, actor, action, entity, entity_id, payload)
             else json_array(chain, chain_seq, at, actor, action, entity, entity_id, payload)
           end,
           seq
         from audit_log not indexed
         where seq > ? and chain ${job.rest ? 'not in' : 'in'} (select value from json_each(?))
         order by seq
         limit ${PAGE}`,
      )
      .raw(true)
    const chains = JSON.stringify(job.chains)
    for (let after = 0; ;) {
      const rows = page.all(after, chains) as Array<[...ScanRow, number]>
      for (const row of rows) scan.add(row as unknown as ScanRow)
      if (rows.length < PAGE) break
      after = rows.at(-1)![5]
    }
    return scan.finish()
  } finally {
    connection.close()
  }
}

if (parentPort && (workerData as { auditScan?: ScanJob } | undefined)?.auditScan) {
  const job = (workerData as { auditScan: ScanJob }).auditScan
  let reply: ScanReply
  try {
    reply = { outcome: scanShare(job) }
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) }
  }
  parentPort.postMessage(reply)
}
