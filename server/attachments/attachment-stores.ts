/**
 * @module Choosing the attachment store: the one the environment names for new files
 * (s3-options.ts), and, for reading, the one each file's row names — so files kept in the database
 * before a move to a bucket stay readable.
 */
import type { AttachmentStoreKind } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { AttachmentStore } from '../http/env.ts'
import { databaseAttachmentStore } from './database-store.ts'
import type { AttachmentsConfig } from './s3-options.ts'
import { S3AttachmentStore } from './s3-store.ts'

/**
 * The store for new files; a bucket is checked first (it exists, the keys may use it).
 * @throws Error naming the variable to fix when the bucket does not answer
 */
export async function openAttachmentStore(config: AttachmentsConfig): Promise<AttachmentStore> {
  if (config.kind === 'database') return databaseAttachmentStore
  const store = new S3AttachmentStore(config.s3)
  await store.check()
  return store
}

/**
 * The store holding a file whose row names `kind`.
 * @throws AppError 503 `storage-unavailable` when that store is not configured on this server
 */
export function storeHolding(
  configured: AttachmentStore | undefined,
  kind: AttachmentStoreKind,
): AttachmentStore {
  if (kind === 'database') return databaseAttachmentStore
  if (configured?.kind === kind) return configured
  // Said to the user in plain words; the operator learns the cause from the log.
  console.error(
    JSON.stringify({ level: 'error', store: kind, message: 'no store configured for this kind' }),
  )
  throw new AppError(503, 'storage-unavailable', {
    zh: '该附件保存在对象存储中，但本服务器未配置对象存储（LUOSHI_ATTACHMENTS=s3）。请联系管理员。',
    en: 'This attachment is kept in an object store this server is not configured for (LUOSHI_ATTACHMENTS=s3). Ask the administrator.',
  })
}
