/**
 * @module NUL characters are refused at the edge. PostgreSQL cannot store U+0000 in text (it
 * answers "invalid byte sequence", a 500), and no legitimate value holds one, so a request that
 * carries one — in its path, its query, or any string of its JSON body ({@link findNul}) — is a
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

/**
 * JSON pointers (RFC 6901) of the strings — keys or values — that contain U+0000, at most
 * `limit` of them. Walks with its own stack, so a deeply nested body cannot overflow ours.
 */
export function findNul(value: unknown, limit = 20): string[] {
  const found: string[] = []
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '' }]
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')
  while (stack.length > 0 && found.length < limit) {
    const { value: current, pointer } = stack.pop()!
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(pointer)
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], pointer: `${pointer}/${index}` })
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current)
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!
        const at = `${pointer}/${escape(key)}`
        if (key.includes('\u0000')) found.push(at)
        stack.push({ value: child, pointer: at })
      }
    }
  }
  return found.slice(0, limit)
}
