import { attachmentFields, holdsAttachments } from './attachment-fields.ts'

const file = { type: 'string', format: 'attachment-id' }
const ID = '01900000-0000-7000-8000-000000000001'

describe('attachmentFields', () => {
  it('finds ids only at places the schema marks as attachments', () => {
    const schema = {
      type: 'object',
      properties: { summary: { type: 'string' }, evidence: { type: 'array', items: file } },
    }
    expect(attachmentFields(schema, { summary: `see ${ID}`, evidence: [ID] })).toEqual([
      { id: ID, pointer: '/evidence/0' },
    ])
  })

  it('follows nested objects, tuples, extra properties, combinators and local $refs', () => {
    const schema = {
      type: 'object',
      $defs: { doc: file },
      properties: {
        rows: {
          type: 'array',
          items: { type: 'object', properties: { 'scan/copy': { $ref: '#/$defs/doc' } } },
        },
        pair: { prefixItems: [{ type: 'string' }, file] },
      },
      additionalProperties: { anyOf: [{ type: 'number' }, file] },
    }
    const data = { rows: [{ 'scan/copy': 'a' }], pair: ['x', 'b'], extra: 'c' }
    expect(attachmentFields(schema, data).map((f) => `${f.pointer}=${f.id}`)).toEqual([
      '/rows/0/scan~1copy=a',
      '/pair/1=b',
      '/extra=c',
    ])
  })

  it('says whether a form holds attachments at all', () => {
    expect(holdsAttachments({ type: 'object', properties: { n: { type: 'number' } } })).toBe(false)
    expect(
      holdsAttachments({ type: 'object', properties: { files: { type: 'array', items: file } } }),
    ).toBe(true)
  })
})
