/**
 * @module The error envelope every API error is rendered as, `{ error: { code, message, issues? } }`,
 * and the text type it carries: one schema for the server that renders it, the web client that
 * reads it and the OpenAPI description that documents it.
 */
import type { FromSchema } from 'json-schema-to-ts'

/** Stable HTTP error codes (the README's API overview explains each; a test holds it to that). */
export const ERROR_CODES = [
  'bad-request',
  'bad-json',
  'invalid-body',
  'invalid-config',
  'invalid-form-data',
  'invalid-values',
  'import-rejected',
  'invalid-user',
  'invalid-region',
  'unauthenticated',
  'password-change-required',
  'csrf-failed',
  'forbidden',
  'not-found',
  'conflict',
  'event-not-accepted',
  'version-mismatch',
  'plan-status',
  'plan-suspended',
  'plan-closed',
  'plan-archived',
  'plan-not-ended',
  'extension-too-late',
  'extension-pending',
  'evidence-required',
  'task-finished',
  'urge-too-soon',
  'assessment-published',
  'assessment-year-not-assessed',
  'assessment-not-reviewed',
  'assessment-incomplete',
  'idempotency-key-reused',
  'payload-too-large',
  'headers-too-large',
  'request-timeout',
  'shutting-down',
  'storage-full',
  'storage-unavailable',
  'too-many-attempts',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Text shown to people: Chinese first, English second. */
export const localizedTextSchema = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: {
    zh: { type: 'string', description: '中文' },
    en: { type: 'string', description: 'English' },
  },
} as const

/** Text shown to people: Chinese first, English second. */
export type LocalizedText = FromSchema<typeof localizedTextSchema>

/**
 * One problem in a request, a config or an imported file: where it is (RFC 6901 JSON pointer)
 * and what to do. A config issue adds its file and position; a row of an import its row, column
 * and the validation rule it breaks.
 */
export const issueSchema = {
  type: 'object',
  required: ['pointer', 'message'],
  additionalProperties: false,
  properties: {
    pointer: { type: 'string', description: 'JSON pointer (RFC 6901)' },
    message: localizedTextSchema,
    code: { type: 'string' },
    severity: { enum: ['error', 'warning'] },
    file: { type: 'string' },
    line: { type: 'integer', minimum: 1 },
    col: { type: 'integer', minimum: 1 },
    row: { type: 'integer', minimum: 1, description: '导入文件的行号 / Row of the imported file' },
    column: { type: 'string', description: '导入文件的列（C）/ Column of the imported file' },
    rule: {
      type: 'object',
      required: ['id', 'severity', 'message'],
      additionalProperties: false,
      properties: {
        id: { type: 'string' },
        severity: { enum: ['error', 'warning'] },
        message: localizedTextSchema,
      },
    },
  },
} as const

/** One problem in a request or a config, as the API reports it. */
export type ApiIssue = FromSchema<typeof issueSchema>

/**
 * The body of every error response. Some codes carry more beside `issues` (`retryAfter` on
 * `too-many-attempts`, `issueCount` on `invalid-values`, the import's report on `import-rejected`).
 */
export const errorEnvelopeSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { enum: ERROR_CODES },
        message: localizedTextSchema,
        issues: { type: 'array', items: issueSchema },
      },
    },
  },
} as const

/** The body of every error response. */
export type ErrorEnvelope = FromSchema<typeof errorEnvelopeSchema>
