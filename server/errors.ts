/**
 * @module The one error type at the HTTP boundary. Domain code returns results or throws
 * `AppError`; `app.onError` renders every error as `{ error: { code, message, issues? } }`, with
 * the message in Chinese and English. Nothing else reaches a client: never a stack trace, never a
 * bare 500 for bad input.
 */
import type { ConfigIssue } from '../domain/compiler/config-issue.ts'
import type {
  ApiIssue,
  ErrorCode,
  ErrorEnvelope,
  LocalizedText,
} from '../schemas/api/error.schema.ts'

export { ERROR_CODES } from '../schemas/api/error.schema.ts'
export type { ErrorCode } from '../schemas/api/error.schema.ts'

/** A problem in a request, with where it is (JSON pointer) and what to do. */
export type RequestIssue = ApiIssue

export class AppError extends Error {
  readonly status:
    400 | 401 | 403 | 404 | 408 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 431 | 500 | 503 | 507
  readonly code: ErrorCode
  readonly text: LocalizedText
  readonly details: { issues?: Array<RequestIssue | ConfigIssue>; [key: string]: unknown }

  constructor(
    status:
      400 | 401 | 403 | 404 | 408 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 431 | 500 | 503 | 507,
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

  /** The JSON body of the error response (schemas/api/error.schema.ts). */
  toJSON(): ErrorEnvelope {
    return { error: { code: this.code, message: this.text, ...this.details } }
  }
}

/**
 * A task changed between this write's read of it and its update: another transaction committed
 * in between (PostgreSQL runs several writes at once). `lostRace` tells the committer to run the
 * write again on the task as it now is (db/group-commit.ts); one that keeps losing answers this 409.
 */
export class TaskChangedError extends AppError {
  readonly lostRace = true

  constructor() {
    super(409, 'version-mismatch', {
      zh: '该任务已被他人修改，请刷新后重试。',
      en: 'The task was changed by someone else; reload it and try again.',
    })
  }
}

/** 404 for anything the user may not see: another unit's task is indistinguishable from none. */
export function notFound(what: LocalizedText = { zh: '找不到该资源', en: 'Not found' }): AppError {
  return new AppError(404, 'not-found', what)
}

export function forbidden(text: LocalizedText): AppError {
  return new AppError(403, 'forbidden', text)
}
