/**
 * @module The append-only audit log. Each row carries the hash of the one before it, keyed with
 * HMAC-SHA256 under the audit key (audit-key.ts), so editing, deleting or re-hashing any row
 * breaks the chain from there on unless one holds the key; audit-verify.ts walks it.
 */
import { createHash, createHmac } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { AuditRow, Database } from '../db/database.ts'
import { auditKey } from './audit-key.ts'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  payload: unknown
}

type HashedFields = Omit<AuditRow, 'hash' | 'prev_hash'>

const canonical = (row: HashedFields) =>
  JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity, row.entity_id, row.payload])

/** The hash of a row: HMAC-SHA256 under the audit key over the previous hash and the row's fields. */
export function auditHash(key: Buffer, prevHash: string, row: HashedFields): string {
  return createHmac('sha256', key).update(prevHash).update(canonical(row)).digest('hex')
}

/** The hash rows had before the chain was keyed (plain sha256); only to check them before re-keying. */
export function unkeyedAuditHash(prevHash: string, row: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonical(row)).digest('hex')
}

/**
 * Appends entries in one go, inside the caller's transaction, so an audited change and its audit
 * rows commit or roll back together.
 * @throws Error when the chain has not been keyed yet (see {@link keyAuditChain}) or no key is loaded.
 */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return
  const key = auditKey()
  // Touching the head row first takes its lock: concurrent appenders queue here, in order.
  await trx.updateTable('audit_head').set({ id: 1 }).where('id', '=', 1).execute()
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'keyed'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  if (head.keyed !== 1)
    throw new Error(
      'the audit chain predates keying: start the server once (server/main.ts keys it) before writing',
    )
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
    const hash = auditHash(key, prev, base)
    const row = { ...base, prev_hash: prev, hash }
    prev = hash
    return row
  })
  for (let index = 0; index < rows.length; index += 500) {
    await trx
      .insertInto('audit_log')
      .values(rows.slice(index, index + 500))
      .execute()
  }
  await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute()
}
