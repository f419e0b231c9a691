/**
 * @module A version's source document through the API: `POST /api/policies/source-text` reads an
 * uploaded .txt, .md or .docx as the text to publish with (nothing is stored), and
 * `GET /api/policies/:policyId/versions/:version/source` downloads the text a version was
 * published with. Mounted from routes.ts.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { AppError, notFound } from '../errors.ts'
import { attachmentDisposition } from '../http/content-disposition.ts'
import type { AppEnv } from '../http/env.ts'
import { decodeFileName } from '../http/file-name.ts'
import { requireRole } from '../http/middleware/authenticate.ts'
import { writesNothing } from '../http/write.ts'
import { findVersion } from './repository.ts'
import { visiblePolicy } from './visible-policy.ts'
import { MAX_SOURCE_UPLOAD_BYTES, readSourceUpload } from './source-upload/read-source-upload.ts'

export const policySourceRoutes = new Hono<AppEnv>()
  .post(
    '/source-text',
    requireRole('author', 'admin', 'region-admin'),
    // Counted as the body arrives, so an oversized upload is refused before it is all read.
    bodyLimit({
      maxSize: MAX_SOURCE_UPLOAD_BYTES,
      onError: () => {
        const message = {
          zh: `文件超过 ${MAX_SOURCE_UPLOAD_BYTES / 2 ** 20} MB；请去掉文档中的图片后另存，或另存为纯文本（.txt）后上传`,
          en: `The file is over ${MAX_SOURCE_UPLOAD_BYTES / 2 ** 20} MB; remove the document's images, or save it as plain text (.txt), and upload that`,
        }
        throw new AppError(413, 'payload-too-large', message, {
          issues: [{ pointer: '/file', code: 'too-large', message }],
        })
      },
    }),
    async (c) => {
      const fileName = decodeFileName(c.req.header('x-filename'))
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      const upload = await readSourceUpload(bytes, {
        fileName,
        contentType: c.req.header('content-type'),
      })
      writesNothing(c)
      return c.json(upload)
    },
  )
  .get('/:policyId/versions/:version/source', async (c) => {
    const row = await findVersion(c.get('deps').db, visiblePolicy(c), c.req.param('version'))
    if (!row) throw notFound({ zh: '找不到该版本', en: 'No such version' })
    if (row.source_text === null) {
      throw notFound({
        zh: '该版本发布时未附政策原文（配置中没有引文）',
        en: 'This version was published without a source document (its config quotes nothing)',
      })
    }
    // The name comes from the stored row, never from the path as the client spelled it.
    const base = `${row.policy_id}-${row.version}`
    return c.body(row.source_text, 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': attachmentDisposition(`${base}-原文.txt`, `${base}-source.txt`),
      ...(row.source_hash ? { 'x-source-sha256': row.source_hash } : {}),
    })
  })
