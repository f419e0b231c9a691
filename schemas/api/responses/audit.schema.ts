/** @module Answers about the audit log: its entries and the verification of its chain. */
import type { FromSchema } from 'json-schema-to-ts'
import { localizedTextSchema } from '../error.schema.ts'
import { instant, text } from './primitives.ts'

export const auditEntriesSchema = {
  type: 'object',
  required: ['entries'],
  additionalProperties: false,
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'seq',
          'at',
          'actor',
          'action',
          'entity',
          'entity_id',
          'payload',
          'prev_hash',
          'hash',
        ],
        additionalProperties: false,
        properties: {
          seq: { type: 'integer' },
          at: instant,
          actor: text,
          action: text,
          entity: text,
          entity_id: text,
          payload: { type: 'object' },
          prev_hash: text,
          hash: text,
        },
      },
    },
  },
} as const

export const auditVerificationSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['ok', 'rows', 'head', 'checkpoint'],
      properties: {
        ok: { const: true },
        rows: { type: 'integer' },
        head: {
          type: 'object',
          required: ['seq', 'hash'],
          properties: { seq: { type: 'integer' }, hash: text },
        },
        checkpoint: { type: ['object', 'null'] },
      },
    },
    {
      type: 'object',
      required: ['ok', 'rows', 'brokenAt', 'reason', 'message'],
      properties: {
        ok: { const: false },
        rows: { type: 'integer' },
        brokenAt: { type: 'integer' },
        reason: text,
        message: localizedTextSchema,
      },
    },
  ],
} as const

export type AuditEntries = FromSchema<typeof auditEntriesSchema>
export type AuditVerificationView = FromSchema<typeof auditVerificationSchema>
