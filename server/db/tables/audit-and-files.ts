/**
 * @module The audit log and its chains; attachments, their bytes and their references. The
 * Database type (../database.ts) gathers every table.
 */
import type { Generated } from 'kysely'

export interface AuditLogTable {
  /** The log's order across chains, assigned by the database. */
  seq: Generated<number>
  /** The chain the row belongs to: its plan's id, or '' for what belongs to no one plan. */
  chain: string
  /** 1, 2, 3 … within its chain. */
  chain_seq: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string
  payload: string
  prev_hash: string
  hash: string
}

/** The head of chain '' (everything not of one plan): one row (id 1), locked and advanced by its appends. */
export interface AuditHeadTable {
  id: number
  seq: number
  hash: string
  /** 1 once every row is HMAC-keyed (audit-key.ts); 0 for a chain from before keying. */
  keyed: Generated<number>
}

/** The head of one plan's audit chain (`chain` = the plan id), locked and advanced by its appends. */
export interface AuditChainTable {
  chain: string
  seq: number
  hash: string
}

export interface AttachmentTable {
  id: string
  user_id: string
  name: string
  type: string
  size: number
  sha256: string
  created_at: string
  /** Where its bytes are: `database` (attachment_chunk) or `s3` (attachments/s3-store.ts). */
  store: Generated<AttachmentStoreKind>
}

/** The stores an attachment's bytes can live in. */
export type AttachmentStoreKind = 'database' | 's3'

/** A piece of an attachment's bytes, stored in the database (attachments/database-store.ts). */
export interface AttachmentChunkTable {
  attachment_id: string
  /** 0, 1, 2 … in the file's order. */
  seq: number
  bytes: Buffer
}

/**
 * An attachment referred to by a task's form data, at a field whose schema holds attachments.
 * Downloads are authorized through these rows (or by being the uploader), never by searching
 * task data. Rows are added when data is written and kept, as the task's history keeps the data.
 */
export interface AttachmentRefTable {
  attachment_id: string
  task_id: string
  plan_id: string
  /** Where in the task's data (RFC 6901), e.g. `/evidence/0`. */
  pointer: string
  created_at: string
}
