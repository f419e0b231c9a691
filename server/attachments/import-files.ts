/**
 * @module Moves attachments a data folder kept on disk (`<data>/attachments/<id>`, before the bytes
 * lived in the database) into the attachment store, once, at start. A file whose row committed is
 * moved in (a `<id>.part` file too: its row committed, only the rename was lost) and removed from
 * the folder; a file without a row is removed; names that are not attachment ids are left alone.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isAttachmentId } from '../../schemas/api/attachment.schema.ts'
import type { Store } from '../db/group-commit.ts'
import type { AttachmentStore } from '../http/env.ts'
import { storeHolding } from './attachment-stores.ts'

/** The suffix of a file written before its row committed. */
export const PART_SUFFIX = '.part'

/** @returns how many files were moved in and how many removed, for the start-up log. */
export async function importAttachmentFiles(
  store: Store,
  attachments: AttachmentStore,
  folder: string,
): Promise<{ imported: number; removed: number }> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { imported: 0, removed: 0 }
    throw error
  }
  let imported = 0
  let removed = 0
  // Final names first, so a `.part` file beside its final copy is the one removed.
  const sorted = [...names].sort(
    (a, b) => Number(a.endsWith(PART_SUFFIX)) - Number(b.endsWith(PART_SUFFIX)),
  )
  for (const name of sorted) {
    const id = name.endsWith(PART_SUFFIX) ? name.slice(0, -PART_SUFFIX.length) : name
    if (!isAttachmentId(id)) continue
    const path = join(folder, name)
    const row = await store.db
      .selectFrom('attachment')
      .select(['id', 'store'])
      .where('id', '=', id)
      .executeTakeFirst()
    // Under the start-up lock: nothing else moves this file in meanwhile.
    const moved =
      row !== undefined && !(await storeHolding(attachments, row.store).exists(store.db, id))
    if (moved) {
      const body = await readFile(path)
      const keepBytes = await storeHolding(attachments, row.store).put({
        id,
        body,
        sha256: createHash('sha256').update(body).digest('hex'),
      })
      await store.writes.run(keepBytes)
    }
    // Removed only once its bytes have committed in the store.
    await rm(path, { force: true })
    if (moved) imported++
    else removed++
  }
  return { imported, removed }
}
