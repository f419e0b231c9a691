/**
 * @module Objects without a row, and rows without their object, in an S3 attachment store. The
 * upload goes up before its row's transaction (s3-store.ts), so a request refused after it — a
 * full or read-only database, a lost connection, a stopped process — leaves an object no row
 * names: harmless (nobody can read it) but kept and paid for until removed. The reverse, a row
 * whose object is gone, cannot come from luoshi; it means the bucket and the database were
 * restored to different points, and it is reported so the operator can act.
 *
 * An object younger than the grace period is left alone: its row may be about to commit.
 */
import type { Kysely } from 'kysely'
import { isAttachmentId } from '../../schemas/api/attachment.schema.ts'
import type { Database } from '../db/database.ts'
import type { S3AttachmentStore } from './s3-store.ts'

/** How old an object without a row must be before it counts as an orphan (an hour). */
export const DEFAULT_GRACE_MS = 60 * 60 * 1000

/** Ids are looked up this many at a time (well under every dialect's parameter limit). */
const BATCH = 500

export interface OrphanObject {
  key: string
  size: number
  lastModified: Date
}

export interface AttachmentCheck {
  /** Objects no row names, older than the grace period (removed, with `remove`). */
  orphans: OrphanObject[]
  /** Objects no row names yet, younger than the grace period: left alone. */
  young: number
  /** Ids of rows that say `s3` whose object is not in the bucket. */
  missing: string[]
}

/** Of these ids, those with a row. */
async function withRows(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('attachment').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((row) => row.id))
}

/**
 * Compares the bucket's attachment objects with the attachment rows.
 * @param options.remove delete the orphans found (each checked against the rows again first)
 */
export async function checkAttachmentObjects(
  db: Kysely<Database>,
  store: S3AttachmentStore,
  options: { now: Date; graceMs?: number; remove?: boolean },
): Promise<AttachmentCheck> {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS
  const result: AttachmentCheck = { orphans: [], young: 0, missing: [] }
  const stored = new Set<string>()
  let batch: Array<OrphanObject & { id: string }> = []
  const settle = async () => {
    const named = await withRows(
      db,
      batch.map((object) => object.id),
    )
    for (const object of batch) {
      if (named.has(object.id)) continue
      if (options.now.getTime() - object.lastModified.getTime() < graceMs) result.young++
      else
        result.orphans.push({
          key: object.key,
          size: object.size,
          lastModified: object.lastModified,
        })
    }
    batch = []
  }
  for await (const object of store.objects()) {
    // Keys under the prefix that are not attachment ids were not written by luoshi: left alone.
    if (!isAttachmentId(object.id)) continue
    stored.add(object.id)
    batch.push(object)
    if (batch.length === BATCH) await settle()
  }
  await settle()
  const rows = await db.selectFrom('attachment').select('id').where('store', '=', 's3').execute()
  result.missing = rows.map((row) => row.id).filter((id) => !stored.has(id))
  if (options.remove) {
    const ids = result.orphans.map((orphan) => orphan.key.slice(orphan.key.lastIndexOf('/') + 1))
    for (let start = 0; start < ids.length; start += BATCH) {
      const chunk = ids.slice(start, start + BATCH)
      const named = await withRows(db, chunk)
      for (const id of chunk) if (!named.has(id)) await store.delete(db, id)
    }
  }
  return result
}
