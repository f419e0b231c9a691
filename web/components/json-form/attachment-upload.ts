/**
 * @module Uploading an evidence file (佐证材料): the raw file is POSTed to /api/attachments and the
 * id it returns goes into the form value. Names of files uploaded in this session are remembered
 * so the form can show them instead of ids.
 */
import { call, client, pathParams, uploadHeaders } from '../../api.ts'
import type { AttachmentUpload } from '../../api-types.ts'

const names = new Map<string, string>()

/** Remembers the names of attachments a task page loaded (id → { name }). */
export function rememberAttachmentNames(files: Record<string, { name: string }>): void {
  for (const [id, file] of Object.entries(files)) names.set(id, file.name)
}

/** The file name of an attachment uploaded in this session, if known. */
export function attachmentName(id: string): string | undefined {
  return names.get(id)
}

/** Where an attachment is downloaded from. */
export function attachmentHref(id: string): string {
  return client.attachments[':id'].$path({ param: pathParams({ id }) })
}

/**
 * Uploads one file and returns what the server stored.
 *
 * @throws {ApiError} with the server's message (type not accepted, too large, …)
 */
export async function uploadAttachment(file: File): Promise<AttachmentUpload> {
  const headers = await uploadHeaders(file, file.type || 'application/octet-stream')
  const request = client.attachments.$post(undefined, { headers, init: { body: file } })
  const stored = await call(request, { zh: '上传失败', en: 'Upload failed' })
  names.set(stored.id, stored.name)
  return stored
}
