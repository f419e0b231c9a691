/**
 * @module The append-only audit log, in chains: one per plan (`chain` = the plan id) and chain ''
 * for everything that belongs to no one plan (accounts, regions, policies, logins). Each row
 * carries the hash of the one before it in its chain, keyed with HMAC-SHA256 under the audit key
 * (audit-key.ts), so editing, deleting or re-hashing any row breaks its chain from there on unless
 * one holds the key; audit-verify.ts walks each chain alone. Writers of different plans lock
 * different chain heads, so they do not wait on one another.
 */
import type { Insertable, Kysely, Transaction } from 'kysely'
import type { AuditLogTable, Database } from '../db/database.ts'
import { auditHash, GENESIS_HASH } from './audit-hash.ts'
import { auditKey } from './audit-key.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import { deferToCommit } from '../db/group-commit.ts'
import type { CommitHook } from '../db/group-commit.ts'

export { auditHash, GENESIS_HASH, unkeyedAuditHash } from './audit-hash.ts'

export interface AuditEntry {
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  payload: unknown
  /** The plan the entry is about: it joins that plan's chain; without one, chain ''. */
  planId?: string
}

/**
 * The head of a chain, locked for the rest of the transaction: concurrent appenders to it queue
 * here. One statement each (an update or an upsert that returns the row): on PostgreSQL every
 * statement is a round trip, made while the batch holds its locks.
 */
async function lockHead(
  trx: Transaction<Database> | Kysely<Database>,
  chain: string,
): Promise<{ seq: number; hash: string }> {
  if (chain === '') {
    const head = await trx
      .updateTable('audit_head')
      .set({ id: 1 })
      .where('id', '=', 1)
      .returning(['seq', 'hash', 'keyed'])
      .executeTakeFirstOrThrow()
    if (head.keyed !== 1)
      throw new Error(
        'the audit chain predates keying: start the server once (server/main.ts keys it) before writing',
      )
    return head
  }
  const [head] = (await lockChainHead(trx, chain)).rows
  return head!
}

/**
 * A plan's chain head, made at the genesis hash when the plan has none yet, and locked: the upsert
 * writes the row (a no-op update), which holds it until the transaction ends — one statement where
 * an insert, an update and a select were, on the path of every audited write.
 */
const lockChainHead = preparedQuery((db, chain: string) =>
  db
    .insertInto('audit_chain')
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain').doUpdateSet({ chain: (eb) => eb.ref('excluded.chain') }))
    .returning(['seq', 'hash']),
)

/** The common case, one entry: a prepared statement (a batch is built as it comes). */
const insertOneRow = preparedQuery((db, row: Insertable<AuditLogTable>) =>
  db.insertInto('audit_log').values(row),
)

const moveChainHead = preparedQuery((db, seq: number, hash: string, chain: string) =>
  db.updateTable('audit_chain').set({ seq, hash }).where('chain', '=', chain),
)

/**
 * Appends entries in one go, inside the caller's transaction, so an audited change and its audit
 * rows commit or roll back together. Entries of several chains lock their heads in one order
 * (chain '' first, then by plan id), so two such transactions cannot deadlock.
 * @throws Error when the chain has not been keyed yet (see {@link keyAuditChain}) or no key is loaded.
 */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return
  // In a write of the group committer: appended with the batch's other entries just before its
  // commit, so the chain heads are locked for as short a time as can be (db/group-commit.ts).
  if (deferToCommit(atCommit, entries)) return
  await writeAudit(trx, entries)
}

const atCommit: CommitHook<AuditEntry> = { flush: (trx, entries) => writeAudit(trx, entries) }

/** Appends now: locks each chain's head (in chain order), hashes and inserts the rows. */
async function writeAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entries: AuditEntry[],
): Promise<void> {
  const key = auditKey()
  const byChain = new Map<string, AuditEntry[]>()
  for (const entry of entries) {
    const chain = entry.planId ?? ''
    const list = byChain.get(chain)
    if (list) list.push(entry)
    else byChain.set(chain, [entry])
  }
  for (const chain of [...byChain.keys()].sort()) {
    const head = await lockHead(trx, chain)
    let seq = head.seq
    let prev = head.hash
    const rows = byChain.get(chain)!.map((entry) => {
      seq += 1
      // The row is hashed as it will read back. A lone surrogate (half of a UTF-16 pair, which a
      // JSON \ud800 escape can make) is stored as U+FFFD by either database; hashed as it came,
      // the intact row would later fail verification. (The payload is JSON text and keeps its
      // escapes.)
      const base = {
        chain,
        chain_seq: seq,
        at: entry.at.toWellFormed(),
        actor: entry.actor.toWellFormed(),
        action: entry.action.toWellFormed(),
        entity: entry.entity.toWellFormed(),
        entity_id: entry.entityId.toWellFormed(),
        payload: JSON.stringify(entry.payload ?? null),
      }
      const hash = auditHash(key, prev, base)
      const row = { ...base, prev_hash: prev, hash }
      prev = hash
      return row
    })
    if (rows.length === 1) {
      await insertOneRow(trx, rows[0]!)
    } else
      for (let index = 0; index < rows.length; index += 500) {
        await trx
          .insertInto('audit_log')
          .values(rows.slice(index, index + 500))
          .execute()
      }
    if (chain === '')
      await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute()
    else await moveChainHead(trx, seq, prev, chain)
  }
}
