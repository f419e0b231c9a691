/** @module The Hono environment: what every request carries once authenticated. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.ts'
import type { AttachmentStoreKind, Database } from '../db/database.ts'
import type { Transaction } from 'kysely'
import type { GroupCommitter } from '../db/group-commit.ts'
import type { SecurityOptions } from './security-options.ts'
import type { OidcOptions } from '../auth/oidc-options.ts'

/** A checked upload, ready to be kept: its id, its bytes and their SHA-256 (hex). */
export interface AttachmentFile {
  id: string
  body: Uint8Array
  sha256: string
}

/**
 * Where attachments' bytes are kept: the database (attachments/database-store.ts, the default)
 * or an S3-compatible bucket (attachments/s3-store.ts). Both keep the rule that no attachment row
 * commits without its bytes.
 */
export interface AttachmentStore {
  /** What the attachment row records as its store. */
  readonly kind: AttachmentStoreKind
  /**
   * Keeps a file's bytes, in two steps around the row's transaction: whatever is slow or remote
   * happens now, before the transaction opens (an object store uploads here, so a refused
   * request leaves at most an object without a row, never a row without its object); the
   * returned step runs inside the transaction that inserts the row (the database store writes
   * its chunks there).
   */
  put(file: AttachmentFile): Promise<(trx: Transaction<Database>) => Promise<void>>
  /**
   * The bytes of attachment `id`, streamed piece by piece, read through `db`.
   * @throws AppError 503 `storage-unavailable` when the store cannot be read (before any byte)
   */
  get(db: Kysely<Database>, id: string): Promise<ReadableStream<Uint8Array>>
  /** Whether the bytes of attachment `id` are stored. */
  exists(db: Kysely<Database>, id: string): Promise<boolean>
  /** Removes the bytes of attachment `id` (nothing when there are none). */
  delete(db: Kysely<Database>, id: string): Promise<void>
}

/** How far an account's roles reach by region (computed in access/region-reach.ts). */
export interface RegionReach {
  /** The policies of the account's own region; `all` for an account above every region. */
  home: ReadonlySet<string> | 'all'
  /** The policies of the regions below its own, which its leaders and administrators read. */
  below: ReadonlySet<string>
}

export interface CurrentUser {
  id: string
  username: string
  displayName: string
  roles: string[]
  /** The account's region; null for an account above every region. */
  regionId: string | null
  /** The policies the account's roles hold for (access/region-reach.ts). */
  reach: RegionReach
  /** Units (and bodies) per policy id. */
  units: Record<string, string[]>
  /** A one-time password is in use: only `GET /api/auth/me`, the password change and logout answer. */
  mustChangePassword: boolean
}

export interface AppDeps {
  /** The connection every write goes through (SQLite allows one writer; see group-commit.ts). */
  db: Kysely<Database>
  /**
   * A second connection for reads that need not wait for the writer: with SQLite in WAL mode,
   * readers see the last commit while a batch is being written. The same instance as `db` on
   * PostgreSQL.
   */
  reads: Kysely<Database>
  clock: Clock
  writes: GroupCommitter
  /** The folder attachments were kept in before they moved into the database (moved in at start). */
  files: string
  /**
   * Where new attachments' bytes are kept (`LUOSHI_ATTACHMENTS`); the database (attachment_chunk)
   * when not given. Files stay readable from the store their row names.
   */
  attachments?: AttachmentStore
  /** The signed checkpoints of the audit chain's head, which `GET /api/audit/verify` checks. */
  auditCheckpointFile?: string
  /** Proxy trust and session idle time; defaults in security-options.ts. */
  security?: Partial<SecurityOptions>
  /** Single sign-on through an OpenID Connect provider; without it, passwords only. */
  oidc?: OidcOptions
}

/** How a mutating request met the write seam (http/write.ts). */
export interface WriteSeamState {
  /** The request's one transaction has been opened (`write()` was called). */
  written: boolean
  /** Answered without writing on purpose: a check, a dry run, a replayed response. */
  writesNothing: boolean
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    user: CurrentUser
    sessionId: string
    csrfToken: string
    /** Ours, made per request (middleware/request-id.ts). */
    requestId: string
    /** The client's own `X-Request-Id`, if it sent one: logged beside ours, never used as it. */
    clientRequestId?: string
    /** Set when the request carries a new Idempotency-Key (see middleware/idempotency.ts). */
    idempotency?: { key: string; requestHash: string; recorded: boolean }
    /** Set on every mutating request: whether it wrote through the one write seam (write.ts). */
    seam?: WriteSeamState
  }
}
