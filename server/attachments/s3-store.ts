/**
 * @module Attachments' bytes in an S3-compatible bucket (`LUOSHI_ATTACHMENTS=s3`), one object per
 * file at `attachments/<id>`. The object is uploaded before the row's transaction opens, so a
 * network round trip never holds the database's writer, and a request refused after the upload
 * leaves at most an object without a row — never a row without its object. `luoshi admin
 * attachments` lists such objects and removes them (orphans.ts).
 *
 * A key holds the id only: the file's name, type and uploader stay in the database, so nothing a
 * user typed reaches the bucket, and objects are stored as `application/octet-stream` — a bucket
 * exposed by mistake serves downloads, never pages a browser would render.
 */
import { AppError } from '../errors.ts'
import type { AttachmentStore } from '../http/env.ts'
import { S3Client, S3Error } from './s3-client.ts'
import type { S3Object } from './s3-client.ts'
import type { S3Options } from './s3-options.ts'

/** The prefix of every attachment's key; nothing else in the bucket is touched. */
export const ATTACHMENT_PREFIX = 'attachments/'

/** The key of attachment `id`. */
export const attachmentKey = (id: string): string => ATTACHMENT_PREFIX + id

/** Logs the store's fault for the operator (what failed and how, never a key or a secret). */
function logFault(error: unknown): void {
  const { operation, status, code } =
    error instanceof S3Error ? error : { operation: '?', status: 0, code: String(error) }
  console.error(JSON.stringify({ level: 'error', store: 's3', operation, status, code }))
}

const NOT_SAVED = {
  zh: '附件存储暂时无法写入，文件未保存。请联系管理员检查对象存储后重试。',
  en: 'The attachment store cannot be written just now and the file was not saved. Ask the administrator to check the object store, then try again.',
}
const NOT_READ = {
  zh: '附件存储暂时无法读取。请稍后重试；如仍不行，请联系管理员检查对象存储。',
  en: 'The attachment store cannot be read just now. Try again later; if it persists, ask the administrator to check the object store.',
}

export class S3AttachmentStore implements AttachmentStore {
  readonly kind = 's3'
  readonly client: S3Client

  constructor(options: S3Options) {
    this.client = new S3Client(options)
  }

  async put({ id, body, sha256 }: { id: string; body: Uint8Array; sha256: string }) {
    try {
      await this.client.put(attachmentKey(id), body, sha256)
    } catch (error) {
      logFault(error)
      throw new AppError(503, 'storage-unavailable', NOT_SAVED)
    }
    // The row's transaction has nothing more to write: the object is in place.
    return async () => undefined
  }

  async get(_db: unknown, id: string): Promise<ReadableStream<Uint8Array>> {
    let stream: ReadableStream<Uint8Array> | undefined
    try {
      stream = await this.client.get(attachmentKey(id))
    } catch (error) {
      logFault(error)
      throw new AppError(503, 'storage-unavailable', NOT_READ)
    }
    if (stream) return stream
    // A row whose object is gone: the bucket was restored to an older state, or emptied by hand.
    logFault(new S3Error('GetObject', 404, 'NoSuchKey'))
    throw new AppError(503, 'storage-unavailable', NOT_READ)
  }

  exists(_db: unknown, id: string): Promise<boolean> {
    return this.client.has(attachmentKey(id))
  }

  delete(_db: unknown, id: string): Promise<void> {
    return this.client.delete(attachmentKey(id))
  }

  /** Every attachment object in the bucket, with the id its key names. */
  async *objects(): AsyncGenerator<S3Object & { id: string }> {
    for await (const object of this.client.list(ATTACHMENT_PREFIX))
      yield { ...object, id: object.key.slice(ATTACHMENT_PREFIX.length) }
  }

  /**
   * Checks at start that the bucket answers to these settings.
   * @throws Error naming the variable to fix (Chinese first)
   */
  async check(): Promise<void> {
    try {
      await this.client.checkBucket()
    } catch (error) {
      throw new Error(startFault(error, this.client.bucketUrl()), { cause: error })
    }
  }
}

/** Why the bucket did not answer, and which variable to look at. */
function startFault(error: unknown, url: string): string {
  const status = error instanceof S3Error ? error.status : 0
  if (status === 0)
    return `LUOSHI_S3_ENDPOINT 无法连接（${url}：${(error as Error).message}）：请检查地址、端口与网络 / LUOSHI_S3_ENDPOINT cannot be reached (${url}: ${(error as Error).message}): check the address, port and network`
  if (status === 404)
    return `LUOSHI_S3_BUCKET 所指的存储桶不存在（${url}）：请先创建，或检查 LUOSHI_S3_FORCE_PATH_STYLE / LUOSHI_S3_BUCKET is not a bucket there (${url}): create it first, or check LUOSHI_S3_FORCE_PATH_STYLE`
  if (status === 401 || status === 403)
    return `LUOSHI_S3_ACCESS_KEY_ID / LUOSHI_S3_SECRET_ACCESS_KEY 被拒绝（${status}）：请检查密钥及其对该存储桶的权限 / LUOSHI_S3_ACCESS_KEY_ID / LUOSHI_S3_SECRET_ACCESS_KEY were refused (${status}): check the keys and their rights on the bucket`
  if (status === 301 || status === 400)
    return `LUOSHI_S3_REGION 或 LUOSHI_S3_FORCE_PATH_STYLE 与存储不符（${status}）/ LUOSHI_S3_REGION or LUOSHI_S3_FORCE_PATH_STYLE does not match the store (${status})`
  return `LUOSHI_S3_ENDPOINT 的存储答复异常（${status}）/ the store at LUOSHI_S3_ENDPOINT answered ${status}`
}
