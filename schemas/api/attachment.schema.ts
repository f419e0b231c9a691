/**
 * @module Attachment (佐证材料) ids and the upload's answer. An id is a UUID as the server makes
 * it (`newId()`, lower-case hex); the one pattern is what the `attachment-id` format checks, what
 * names a file on disk, and what the browser accepts in an evidence field.
 */
import type { FromSchema } from 'json-schema-to-ts'

/** An attachment id: a lower-case UUID. */
export const ATTACHMENT_ID_PATTERN =
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'

/** The name of the JSON Schema format form fields use for an uploaded file's id. */
export const ATTACHMENT_ID_FORMAT = 'attachment-id'

export const attachmentIdSchema = { type: 'string', pattern: ATTACHMENT_ID_PATTERN } as const

const ATTACHMENT_ID = new RegExp(ATTACHMENT_ID_PATTERN)

/** Whether a text is an attachment id. */
export function isAttachmentId(text: string): boolean {
  return ATTACHMENT_ID.test(text)
}

/** What `POST /api/attachments` answers (201). */
export const attachmentUploadSchema = {
  type: 'object',
  required: ['id', 'name', 'size', 'type'],
  additionalProperties: false,
  properties: {
    id: attachmentIdSchema,
    name: { type: 'string', description: '文件名 / File name' },
    size: { type: 'integer', minimum: 1, description: '字节数 / Bytes' },
    type: { type: 'string', description: 'MIME type' },
  },
} as const

export type AttachmentUpload = FromSchema<typeof attachmentUploadSchema>
