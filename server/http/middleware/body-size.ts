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
import { HTTPException } from 'hono/http-exception'
import { AppError } from '../../errors.ts'
import type { AppEnv } from '../env.ts'

function tooLarge(): never {
  throw new AppError(413, 'payload-too-large', {
    zh: '请求体过大',
    en: 'The request body is too large',
  })
}

/**
 * Refuses bodies of more than `maxSize` bytes with 413 `payload-too-large`, and a counted body cut
 * off before its end (the client went away, the connection broke) with 400: the client's fault,
 * with nothing written, since the route runs only once the whole body is in.
 */
export function bodySize(maxSize: number) {
  const counted = bodyLimit({ maxSize, onError: tooLarge })
  const countedAsRead: typeof counted = async (c, next) => {
    let bodyIn = false
    try {
      return await counted(c, () => {
        bodyIn = true
        return next()
      })
    } catch (error) {
      if (bodyIn || error instanceof AppError || error instanceof HTTPException) throw error
      throw new AppError(400, 'bad-request', {
        zh: '请求体未完整送达（连接中断），未保存任何内容：请重新发送',
        en: 'The request body was cut off before its end and nothing was saved: send it again',
      })
    }
  }
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    if (!incoming || incoming.httpVersionMajor !== 1 || 'transfer-encoding' in incoming.headers)
      return countedAsRead(c, next)
    const length = incoming.headers['content-length']
    // HTTP/1.1 without either header: the request has no body.
    if (length !== undefined && Number(length) > maxSize) tooLarge()
    return next()
  })
}
