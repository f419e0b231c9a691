/**
 * @module The append-only audit log. Each row carries the hash of the one before it, so editing
 * or deleting any row breaks the chain from there on; {@link verifyAuditChain} finds the first
 * broken link.
 */
import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { AuditRow, Database } from '../db/database.js'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  payload: unknown
}

/** The hash of a row: sha256 over the previous hash and the row's fields, in a fixed order. */
export function auditHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity, row.entity_id, row.payload])
  return createHash('sha256').update(prevHash).update(canonical).digest('hex')
}

/**
 * Appends entries in one go, inside the caller's transaction, so an audited change and its audit
 * rows commit or roll back together.
 */
export async function appendAudit(trx: Transaction<Database> | Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  // Touching the head row first takes its lock: concurrent appenders queue here, in order.
  await trx.updateTable('audit_head').set({ id: 1 }).where('id', '=', 1).execute()
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow()
  let seq = head.seq
  let prev = head.hash
  const rows: AuditRow[] = entries.map((entry) => {
    seq += 1
    const base = {
      seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      payload: JSON.stringify(entry.payload ?? null),
    }
    const hash = auditHash(prev, base)
    const row = { ...base, prev_hash: prev, hash }
    prev = hash
    return row
  })
  for (let index = 0; index < rows.length; index += 500) {
    await trx.insertInto('audit_log').values(rows.slice(index, index + 500)).execute()
  }
  await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute()
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string }

/** Walks the whole chain in order and reports the first row whose link or hash is wrong. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  let rows = 0
  const pageSize = 5000
  for (let after = 0; ; ) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute()
    for (const row of page) {
      rows++
      if (row.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, reason: `row ${expectedSeq} is missing` }
      if (row.prev_hash !== prev) return { ok: false, rows, brokenAt: row.seq, reason: 'prev_hash does not match the previous row' }
      if (auditHash(prev, row) !== row.hash) return { ok: false, rows, brokenAt: row.seq, reason: 'the row was changed after it was written' }
      prev = row.hash
      expectedSeq++
    }
    if (page.length < pageSize) return { ok: true, rows }
    after = page.at(-1)!.seq
  }
}
