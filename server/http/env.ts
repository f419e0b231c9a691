/** @module The Hono environment: what every request carries once authenticated. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { Transaction } from 'kysely'
import type { GroupCommitter } from '../db/group-commit.ts'
import type { SecurityOptions } from './security-options.ts'
import type { OidcOptions } from '../auth/oidc-options.ts'

/** Where attachments' bytes are kept (the database by default: attachments/database-store.ts). */
export interface AttachmentStore {
  /** Writes `body` as attachment `id` in `trx`, the transaction that inserts its row. */
  put(trx: Transaction<Database>, id: string, body: Uint8Array): Promise<void>
  /** The bytes of attachment `id`, chunk after chunk, read through `db`. */
  read(db: Kysely<Database>, id: string): ReadableStream<Uint8Array>
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
  /** Where attachments' bytes are kept; the database (attachment_chunk) when not given. */
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
