/**
 * @module The one error type at the HTTP boundary. Domain code returns results or throws
 * `AppError`; `app.onError` renders every error as `{ error: { code, message, issues? } }`, with
 * the message in Chinese and English. Nothing else reaches a client: never a stack trace, never a
 * bare 500 for bad input.
 */
import type { ConfigIssue, LocalizedText } from '../domain/compiler/config-issue.ts'

/** Stable HTTP error codes (the README's API overview explains each; a test holds it to that). */
export const ERROR_CODES = [
  'bad-request',
  'bad-json',
  'invalid-body',
  'invalid-config',
  'invalid-form-data',
  'invalid-values',
  'import-rejected',
  'unauthenticated',
  'csrf-failed',
  'forbidden',
  'not-found',
  'conflict',
  'event-not-accepted',
  'version-mismatch',
  'assessment-published',
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

/** A problem in a request, with where it is (JSON pointer) and what to do. */
export interface RequestIssue {
  pointer: string
  message: LocalizedText
  code?: string
  line?: number
  col?: number
}

export class AppError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 408 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 431 | 500 | 503 | 507
  readonly code: ErrorCode
  readonly text: LocalizedText
  readonly details: { issues?: Array<RequestIssue | ConfigIssue>; [key: string]: unknown }

  constructor(
    status: 400 | 401 | 403 | 404 | 408 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 431 | 500 | 503 | 507,
    code: ErrorCode,
    text: LocalizedText,
    details: { issues?: Array<RequestIssue | ConfigIssue>; [key: string]: unknown } = {},
  ) {
    super(`${code}: ${text.en}`)
    this.status = status
    this.code = code
    this.text = text
    this.details = details
  }

  /** The JSON body of the error response. */
  toJSON(): { error: { code: ErrorCode; message: LocalizedText } & Record<string, unknown> } {
    return { error: { code: this.code, message: this.text, ...this.details } }
  }
}

/** 404 for anything the user may not see: another unit's task is indistinguishable from none. */
export function notFound(what: LocalizedText = { zh: '找不到该资源', en: 'Not found' }): AppError {
  return new AppError(404, 'not-found', what)
}

export function forbidden(text: LocalizedText): AppError {
  return new AppError(403, 'forbidden', text)
}
