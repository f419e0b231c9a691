/**
 * @module NUL characters are refused at the edge. PostgreSQL cannot store U+0000 in text (it
 * answers "invalid byte sequence", a 500), and no legitimate value holds one, so a request that
 * carries one — in its path, its query, or any string of its JSON body (valid-json.ts) — is a
 * 400 on every database alike.
 */
import { createMiddleware } from 'hono/factory'
import { AppError } from '../../errors.ts'
import type { AppEnv } from '../env.ts'

/** `%00` in the path or query: the URL parser percent-encodes a raw NUL, so this finds both. */
const ENCODED_NUL = /%00/

export const refuseNul = createMiddleware<AppEnv>(async (c, next) => {
  const url = c.req.url
  const start = url.indexOf('/', url.indexOf('//') + 2)
  if (ENCODED_NUL.test(url.slice(start))) {
    throw new AppError(400, 'bad-request', {
      zh: '地址（路径或查询参数）含有 NUL 字符（%00）',
      en: 'The address (path or query) contains a NUL character (%00)',
    })
  }
  await next()
})
