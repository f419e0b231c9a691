/**
 * @module Attachment files on disk, kept in step with their rows. A file is written under a
 * temporary name (`<id>.part`), synced, and renamed to `<id>` only after its row has committed;
 * a failed write or commit removes it. So a file with its final name always has a row, and a
 * crash leaves at most a `.part` file, which {@link sweepAttachmentFiles} settles at start: kept
 * (renamed into place) if its row committed, removed if not.
 */
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
// Ids as `newId()` makes them: no other name in the folder is ours to touch.
import { isAttachmentId } from '../../schemas/api/attachment.schema.ts'

/** The suffix of a file whose row has not committed yet. */
export const PART_SUFFIX = '.part'

/**
 * Writes `body` as attachment `id` in `folder`, durable before `commit` runs, and visible under
 * its final name only once `commit` has resolved; returns what `commit` returned.
 * @throws whatever the write or `commit` throws; the temporary file is gone by then.
 */
export async function storeAttachmentFile<T>(
  folder: string,
  id: string,
  body: Uint8Array,
  commit: () => Promise<T>,
): Promise<T> {
  await mkdir(folder, { recursive: true })
  const part = join(folder, `${id}${PART_SUFFIX}`)
  let committed: T
  try {
    const file = await open(part, 'wx')
    try {
      await file.writeFile(body)
      // On disk before the row says it exists: a power cut must not leave a row without its file.
      await file.sync()
    } finally {
      await file.close()
    }
    committed = await commit()
  } catch (error) {
    await rm(part, { force: true }).catch(() => undefined)
    throw error
  }
  // The row is committed: if this rename is lost (a crash), the sweep at start completes it.
  await rename(part, join(folder, id))
  return committed
}

/**
 * Settles the attachments folder at start: a `.part` file whose row committed is renamed into
 * place, any other `.part` file and any file without a row are removed.
 * @returns the counts, for the start-up log.
 */
export async function sweepAttachmentFiles(
  db: Kysely<Database>,
  folder: string,
): Promise<{ completed: number; removed: number }> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { completed: 0, removed: 0 }
    throw error
  }
  const candidates = names
    .map((name) => ({
      name,
      id: name.endsWith(PART_SUFFIX) ? name.slice(0, -PART_SUFFIX.length) : name,
    }))
    .filter(({ id }) => isAttachmentId(id))
  const known = new Set<string>()
  for (let index = 0; index < candidates.length; index += 500) {
    const ids = candidates.slice(index, index + 500).map(({ id }) => id)
    const rows = await db.selectFrom('attachment').select('id').where('id', 'in', ids).execute()
    for (const row of rows) known.add(row.id)
  }
  const present = new Set(names)
  let completed = 0
  let removed = 0
  for (const { name, id } of candidates) {
    const part = name !== id
    if (part && known.has(id) && !present.has(id)) {
      await rename(join(folder, name), join(folder, id))
      completed++
    } else if (part || !known.has(id)) {
      await rm(join(folder, name), { force: true })
      removed++
    }
  }
  return { completed, removed }
}
