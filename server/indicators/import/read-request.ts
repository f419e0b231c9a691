/**
 * @module The body of an import request read as a table, for every import route: the 8 MB limit,
 * `X-Filename`, then {@link readUpload} (zip checks, a table worker for .xlsx), with a table that
 * cannot be read answered in the one error shape: 415 for a type not accepted, 413 for a file that
 * is or unpacks too large, 422 `import-rejected` for the rest, each with an issue at `/file`.
 */
import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import type { AppEnv } from '../../http/env.ts'
import { decodeFileName } from '../../http/file-name.ts'
import type { Table } from './parse-table.ts'
import { readUpload } from './read-upload.ts'

/** The largest import file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

/**
 * The uploaded bytes and the table they hold.
 * @param maxRows the most data rows accepted
 * @throws AppError 400 for a bad `X-Filename`, 413, 415 or 422 `import-rejected` (see the module)
 */
export async function readImportRequest(
  c: Context<AppEnv>,
  maxRows: number,
  fileName = decodeFileName(c.req.header('x-filename')),
): Promise<{ bytes: Uint8Array; table: Table }> {
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new AppError(413, 'payload-too-large', {
      zh: '文件超过 8 MB，请分成几个文件上传',
      en: 'The file is over 8 MB; split it into several files',
    })
  const parsed = await readUpload(
    bytes,
    { contentType: c.req.header('content-type'), fileName },
    maxRows,
  )
  if (!parsed.ok) {
    if (parsed.reason === 'unsupported-type') throw new AppError(415, 'bad-request', parsed.message)
    const issues = [{ pointer: '/file', code: parsed.reason, message: parsed.message }]
    const text = {
      zh: `导入未执行：${parsed.message.zh}`,
      en: `Nothing was imported: ${parsed.message.en}`,
    }
    if (parsed.reason === 'too-large')
      throw new AppError(413, 'payload-too-large', text, { issues })
    throw new AppError(422, 'import-rejected', text, { issues })
  }
  return { bytes, table: parsed.table }
}
