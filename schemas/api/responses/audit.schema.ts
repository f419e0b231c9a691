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
          'chain',
          'chain_seq',
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
          /** The plan whose audit chain holds the entry; '' for the chain of what is of no one plan. */
          chain: { type: 'string' },
          /** The entry's place in its chain (1, 2, 3 …). */
          chain_seq: { type: 'integer' },
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

/** One chain's verification: whole up to its head (and its newest checkpoint), or where it broke. */
const chainVerificationSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['chain', 'ok', 'rows', 'from', 'head', 'checkpoint'],
      properties: {
        chain: { type: 'string' },
        ok: { const: true },
        /** The rows checked: the whole chain, or those from its newest checkpoint on. */
        rows: { type: 'integer' },
        /** The first row checked: 1, or the newest checkpoint's row (`?from=checkpoint`). */
        from: { type: 'integer' },
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
      required: ['chain', 'ok', 'rows', 'brokenAt', 'reason', 'message'],
      properties: {
        chain: { type: 'string' },
        ok: { const: false },
        rows: { type: 'integer' },
        brokenAt: { type: 'integer' },
        reason: text,
        message: localizedTextSchema,
      },
    },
  ],
} as const

/** Every audit chain verified, each alone; when one is broken, the first broken one on top. */
export const auditVerificationSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['ok', 'rows', 'chains'],
      properties: {
        ok: { const: true },
        rows: { type: 'integer' },
        chains: { type: 'array', items: chainVerificationSchema },
      },
    },
    {
      type: 'object',
      required: ['ok', 'rows', 'chain', 'brokenAt', 'reason', 'message', 'chains'],
      properties: {
        ok: { const: false },
        rows: { type: 'integer' },
        /** The first broken chain: a plan id, or '' for the chain of what is of no one plan. */
        chain: { type: 'string' },
        brokenAt: { type: 'integer' },
        reason: text,
        message: localizedTextSchema,
        chains: { type: 'array', items: chainVerificationSchema },
      },
    },
  ],
} as const

export type AuditEntries = FromSchema<typeof auditEntriesSchema>
export type AuditVerificationView = FromSchema<typeof auditVerificationSchema>
