/**
 * @module /api/attachments — evidence files (佐证材料) uploaded with reports. Type- and
 * size-checked on the way in, kept in the configured store (the database by default:
 * database-store.ts; or an S3-compatible bucket: s3-store.ts) so that no row commits without its
 * bytes, and readable only by their uploader and by whoever can see a task whose form refers to
 * them in an attachment field (the `attachment_ref` table; see attachment-refs.ts).
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AttachmentUpload } from '../../schemas/api/attachment.schema.ts'
import { deniedRead } from '../audit/denials.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { AppError, notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { decodeFileName } from '../http/file-name.ts'
import { write } from '../http/write.ts'
import { newId } from '../ids.ts'
import { readableAttachments } from './attachment-refs.ts'
import { storeHolding } from './attachment-stores.ts'
import { databaseAttachmentStore } from './database-store.ts'

/** The largest accepted file (the request body limit is 8 MiB). */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024 - 1024

/** Types an office files as evidence: documents, spreadsheets, images, plain text. */
export const ATTACHMENT_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
])

/**
 * The whole upload. A body that ends before its end (the client went away, the connection broke)
 * is the client's, a 400 — nothing was stored, since the bytes go nowhere before they are all in.
 */
async function readBody(c: Context<AppEnv>): Promise<Buffer> {
  try {
    return Buffer.from(await c.req.arrayBuffer())
  } catch (error) {
    // The body limit's 413 (app.ts) is already an answer.
    if (error instanceof AppError || error instanceof HTTPException) throw error
    throw new AppError(400, 'bad-request', {
      zh: '上传中断，文件未保存：请重新上传',
      en: 'The upload was cut off before its end and nothing was saved: upload it again',
    })
  }
}

export const attachmentRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const { clock, attachments = databaseAttachmentStore } = c.get('deps')
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim()
    if (!ATTACHMENT_TYPES.has(type)) {
      throw new AppError(415, 'bad-request', {
        zh: `不接受该文件类型（${type || '未知'}）。可上传 PDF、Word、Excel、PowerPoint、PNG、JPEG、TXT、CSV。`,
        en: `File type ${type || 'unknown'} is not accepted. Upload PDF, Word, Excel, PowerPoint, PNG, JPEG, TXT or CSV.`,
      })
    }
    const name = decodeFileName(c.req.header('x-filename'))
    if (!name)
      throw new AppError(400, 'bad-request', {
        zh: '缺少文件名（X-Filename）',
        en: 'Missing file name (X-Filename)',
      })
    const body = await readBody(c)
    if (body.length === 0)
      throw new AppError(400, 'bad-request', { zh: '文件为空', en: 'The file is empty' })
    if (body.length > MAX_ATTACHMENT_BYTES)
      throw new AppError(413, 'payload-too-large', {
        zh: '文件超过 8 MB',
        en: 'The file is over 8 MB',
      })
    const row = {
      id: newId(),
      user_id: c.get('user').id,
      name,
      type,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      created_at: clock.now().toISOString(),
      store: attachments.kind,
    }
    // Before the transaction: an object store uploads now, so a refused request leaves at most
    // an object without a row (s3-store.ts), never a row without its bytes.
    const keepBytes = await attachments.put({ id: row.id, body, sha256: row.sha256 })
    return write(c, async (trx) => {
      await trx.insertInto('attachment').values(row).execute()
      await keepBytes(trx)
      await appendAudit(trx, [
        {
          at: row.created_at,
          actor: row.user_id,
          action: 'attachment.upload',
          entity: 'attachment',
          entityId: row.id,
          payload: { name, type, size: row.size, sha256: row.sha256 },
        },
      ])
      return c.json({ id: row.id, name, size: row.size, type } satisfies AttachmentUpload, 201)
    })
  })
  .get('/:id', async (c) => {
    const { reads, attachments } = c.get('deps')
    const user = c.get('user')
    const id = c.req.param('id')
    const hidden = { zh: '找不到该附件', en: 'No such attachment' }
    // Exact match: an id in another letter case names no file.
    const row = await reads
      .selectFrom('attachment')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw notFound(hidden)
    if (!(await readableAttachments(reads, user, [row.id])).has(row.id))
      throw await deniedRead(c.get('deps'), user, 'attachment', row.id, hidden)
    const bytes = await storeHolding(attachments, row.store).get(reads, row.id)
    return c.body(bytes, 200, {
      'content-length': String(row.size),
      'content-type': row.type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`,
      'x-content-type-options': 'nosniff',
    })
  })
