/** @module Answers about policies: summaries, versions, publishing, validation and the diff between versions. */
import type { FromSchema } from 'json-schema-to-ts'
import { issueSchema } from '../error.schema.ts'
import { idName, instant, nullableText, text } from './primitives.ts'

export const policySummarySchema = {
  type: 'object',
  required: [
    'id',
    'policyId',
    'version',
    'title',
    'region',
    'contentHash',
    'sourceHash',
    'publishedAt',
    'publishedBy',
    'note',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    policyId: text,
    version: text,
    title: text,
    region: text,
    contentHash: { type: 'string', description: 'sha256 of the YAML text' },
    sourceHash: {
      type: ['string', 'null'],
      description:
        '政策原文（规范化后）的 sha256，未附原文为 null / sha256 of the normalized source document; null when none was published',
    },
    publishedAt: instant,
    publishedBy: text,
    note: { ...nullableText, description: '变更说明 / Change note' },
  },
} as const

export const policyListSchema = {
  type: 'object',
  required: ['policies'],
  additionalProperties: false,
  properties: { policies: { type: 'array', items: policySummarySchema } },
} as const
export const policyVersionsSchema = {
  type: 'object',
  required: ['versions'],
  additionalProperties: false,
  properties: { versions: { type: 'array', items: policySummarySchema } },
} as const

/** One version with its text, source document and config (the config is described by PolicyConfig). */
export const policyVersionSchema = {
  type: 'object',
  required: [...policySummarySchema.required, 'yaml', 'sourceText', 'config'],
  additionalProperties: false,
  properties: {
    ...policySummarySchema.properties,
    yaml: text,
    sourceText: nullableText,
    config: { type: 'object', description: 'PolicyConfig (#/components/schemas/PolicyConfig)' },
  },
} as const

export const publishResultSchema = {
  type: 'object',
  required: ['version', 'created'],
  additionalProperties: false,
  properties: {
    version: policySummarySchema,
    created: {
      type: 'boolean',
      description: 'false：内容与已有版本相同 / false: the same content was already published',
    },
  },
} as const

/** An uploaded source document read as text (`POST /api/policies/source-text`); nothing is stored. */
export const sourceTextUploadSchema = {
  type: 'object',
  required: ['fileName', 'format', 'bytes', 'characters', 'sourceHash', 'text'],
  additionalProperties: false,
  properties: {
    fileName: { type: 'string', description: '上传的文件名 / The uploaded file name' },
    format: { enum: ['text', 'docx'] },
    bytes: { type: 'integer', minimum: 0, description: '文件字节数 / File size in bytes' },
    characters: { type: 'integer', minimum: 0, description: '文字字数 / Characters of the text' },
    sourceHash: {
      type: 'string',
      description: '规范化文字的 sha256，发布后即版本的 sourceHash / sha256 of the normalized text',
    },
    text: {
      type: 'string',
      description:
        '规范化的文字（无 BOM，换行为 \\n）/ The normalized text (no BOM, \\n line endings)',
    },
  },
} as const

export const validateResultSchema = {
  type: 'object',
  required: ['ok', 'issues'],
  additionalProperties: false,
  properties: { ok: { type: 'boolean' }, issues: { type: 'array', items: issueSchema } },
} as const

const elementDiffSchema = {
  type: 'object',
  required: ['added', 'removed', 'changed'],
  additionalProperties: false,
  properties: {
    added: { type: 'array', items: idName },
    removed: { type: 'array', items: idName },
    changed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'fields'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          fields: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'from', 'to'],
              additionalProperties: false,
              properties: {
                field: text,
                from: { description: '旧值 / Before' },
                to: { description: '新值 / After' },
              },
            },
          },
        },
      },
    },
  },
} as const

/** What moving a plan from one version to another changes, by id: duties, deadlines, phases, indicators, scoring. */
export const policyDiffSchema = {
  type: 'object',
  required: ['from', 'to', 'responsibilities', 'deadlines', 'phases', 'indicators', 'scoring'],
  additionalProperties: false,
  properties: {
    from: { type: 'string', description: '版本 / Version' },
    to: { type: 'string', description: '版本 / Version' },
    responsibilities: elementDiffSchema,
    deadlines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'field', 'from', 'to'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          field: text,
          from: { description: '旧期限 / Before' },
          to: { description: '新期限 / After' },
        },
      },
    },
    phases: elementDiffSchema,
    indicators: elementDiffSchema,
    scoring: elementDiffSchema,
  },
} as const

export type PolicySummary = FromSchema<typeof policySummarySchema>
export type PolicyVersionView = FromSchema<typeof policyVersionSchema>
export type ValidateResult = FromSchema<typeof validateResultSchema>
export type SourceTextUpload = FromSchema<typeof sourceTextUploadSchema>
export type PublishResult = FromSchema<typeof publishResultSchema>
export type PolicyDiffView = FromSchema<typeof policyDiffSchema>
