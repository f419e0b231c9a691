/**
 * @module The one place errors become responses: `{ error: { code, message, issues? } }` with the
 * message in Chinese and English. A full or unwritable disk is a 507 or 503 (storage-error.ts).
 * Unknown errors are logged with the request id and answered with a generic 500 that reveals
 * nothing.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { WritesClosedError } from '../db/group-commit.ts'
import { AppError } from '../errors.ts'
import type { AppEnv } from './env.ts'
import { storageError } from './storage-error.ts'

export function onError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) {
    // A refusal that says when to come back (a 429 with `retryAfter` seconds) says it in HTTP too.
    if (error.status === 429 && typeof error.details.retryAfter === 'number')
      c.header('retry-after', String(error.details.retryAfter))
    return c.json(error.toJSON(), error.status)
  }
  if (error instanceof WritesClosedError) {
    c.header('retry-after', '5')
    c.header('connection', 'close')
    const body = new AppError(503, 'shutting-down', {
      zh: '服务正在停止，未保存本次修改，请稍后重试',
      en: 'The server is stopping and did not save this change; try again shortly',
    })
    return c.json(body.toJSON(), 503)
  }
  if (error instanceof HTTPException) {
    const status = error.status
    const tooLarge = status === 413
    const body = new AppError(
      tooLarge ? 413 : 400,
      tooLarge ? 'payload-too-large' : 'bad-request',
      tooLarge
        ? { zh: '请求体过大', en: 'The request body is too large' }
        : { zh: '请求有误', en: error.message || 'Bad request' },
    )
    return c.json(body.toJSON(), body.status)
  }
  const storage = storageError(error)
  if (storage) {
    // The operator must act (free space, fix the mount): log it as an error, answer what it is.
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: c.get('requestId'),
        clientRequestId: c.get('clientRequestId'),
        code: storage.code,
        cause: (error as { code?: string }).code,
        message: error.message,
      }),
    )
    return c.json(storage.toJSON(), storage.status)
  }
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      clientRequestId: c.get('clientRequestId'),
      message: error.message,
      stack: error.stack,
    }),
  )
  return c.json(
    new AppError(500, 'internal', {
      zh: `服务器内部错误（请求编号 ${c.get('requestId') ?? '-'}）`,
      en: `Internal error (request ${c.get('requestId') ?? '-'})`,
    }).toJSON(),
    500,
  )
}
