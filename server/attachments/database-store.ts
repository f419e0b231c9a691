/**
 * @module Attachments' bytes in the database (`attachment_chunk`), the default store: every
 * process serving one database reads every file, and a file is written in the same transaction as
 * its row, so there is never a row without its bytes nor bytes without their row. Read back one
 * chunk at a time, so a download holds at most one chunk in memory per request.
 */
import type { AttachmentStore } from '../http/env.ts'

/** The largest piece of a file one row holds. */
export const CHUNK_BYTES = 256 * 1024

export const databaseAttachmentStore: AttachmentStore = {
  kind: 'database',
  // Nothing happens before the transaction: the chunks are written with the row.
  async put({ id, body }) {
    return async (trx) => {
      for (let seq = 0, start = 0; start < body.length; seq++, start += CHUNK_BYTES) {
        // A view of the upload, not a copy.
        const bytes = Buffer.from(
          body.buffer,
          body.byteOffset + start,
          Math.min(CHUNK_BYTES, body.length - start),
        )
        await trx.insertInto('attachment_chunk').values({ attachment_id: id, seq, bytes }).execute()
      }
    }
  },
  async get(db, id) {
    let seq = 0
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = await db
          .selectFrom('attachment_chunk')
          .select('bytes')
          .where('attachment_id', '=', id)
          .where('seq', '=', seq++)
          .executeTakeFirst()
        if (chunk) controller.enqueue(new Uint8Array(chunk.bytes))
        else controller.close()
      },
    })
  },
  async exists(db, id) {
    const chunk = await db
      .selectFrom('attachment_chunk')
      .select('seq')
      .where('attachment_id', '=', id)
      .executeTakeFirst()
    return chunk !== undefined
  },
  async delete(db, id) {
    await db.deleteFrom('attachment_chunk').where('attachment_id', '=', id).execute()
  },
}
