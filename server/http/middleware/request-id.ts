/**
 * @module `X-Request-Id`: every request gets an id made by the server, sent back in the
 * `X-Request-Id` response header, stored with the events it writes and named in error logs. A
 * client's own `X-Request-Id` is never taken as ours — ids in the database must be unique and
 * ours, or a client could plant one to pass its write off as another — it is only kept beside
 * ours as `clientRequestId` for the logs.
 */
import { randomUUID } from 'node:crypto'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'

/** The longest client id kept for the log; a longer one is cut. */
const MAX_CLIENT_ID = 200

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = randomUUID()
  c.set('requestId', id)
  const theirs = c.req.header('x-request-id')
  if (theirs) c.set('clientRequestId', theirs.slice(0, MAX_CLIENT_ID))
  c.header('x-request-id', id)
  await next()
})
