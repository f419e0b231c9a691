/**
 * @module The request body's size limit. A request that says its length (`Content-Length`, no
 * `Transfer-Encoding`) is judged by that header alone, before a byte of the body is read: Node
 * stops reading at the declared length, so the header cannot lie about the size. A chunked body
 * (or one given to `app.request()` in tests) is counted as it is read, by Hono's `bodyLimit`.
 *
 * Why not Hono's `bodyLimit` for everything: it looks at `c.req.raw.body`, which turns the Node
 * adapter's lightweight request into a full web `Request` with a web stream over the socket — on
 * every request, GETs too, and before the route reads the body with the adapter's own direct read.
 */
import type { IncomingMessage } from 'node:http'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { AppError } from '../../errors.ts'
import type { AppEnv } from '../env.ts'

function tooLarge(): never {
  throw new AppError(413, 'payload-too-large', {
    zh: '请求体过大',
    en: 'The request body is too large',
  })
}

/** Refuses bodies of more than `maxSize` bytes with 413 `payload-too-large`. */
export function bodySize(maxSize: number) {
  const counted = bodyLimit({ maxSize, onError: tooLarge })
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    if (!incoming || incoming.httpVersionMajor !== 1 || 'transfer-encoding' in incoming.headers)
      return counted(c, next)
    const length = incoming.headers['content-length']
    // HTTP/1.1 without either header: the request has no body.
    if (length !== undefined && Number(length) > maxSize) tooLarge()
    return next()
  })
}
