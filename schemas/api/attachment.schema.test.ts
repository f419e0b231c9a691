import { describe, expect, it } from 'vitest'
import { newId } from '../../server/ids.ts'
import { createAjv } from '../ajv.ts'
import { ATTACHMENT_ID_FORMAT, attachmentIdSchema, isAttachmentId } from './attachment.schema.ts'

describe('the attachment id pattern', () => {
  it('accepts the ids the server makes and nothing in another letter case or shape', () => {
    const id = newId()
    expect(isAttachmentId(id)).toBe(true)
    expect(isAttachmentId(id.toUpperCase())).toBe(false)
    expect(isAttachmentId(`${id}.part`)).toBe(false)
    expect(isAttachmentId('att-1')).toBe(false)
  })

  it('is what the attachment-id format and the schema pattern check, in Ajv as on the disk', () => {
    const ajv = createAjv()
    const format = ajv.compile({ type: 'string', format: ATTACHMENT_ID_FORMAT })
    const pattern = ajv.compile(attachmentIdSchema)
    for (const text of [newId(), newId().toUpperCase(), 'att-1', '../etc/passwd']) {
      expect(format(text), text).toBe(isAttachmentId(text))
      expect(pattern(text), text).toBe(isAttachmentId(text))
    }
  })
})
