/**
 * @module /api/notifications — the signed-in person's notification centre: what was sent to the
 * units it acts for, newest first, with its unread count; marking one or all read.
 */
import { Hono } from 'hono'
import { notificationListQuery } from '../../schemas/api/queries.schema.ts'
import { AppError, notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { write } from '../http/write.ts'
import { listNotifications, markRead, unreadCount } from './notification-store.ts'

/** A whole number from a query parameter, within bounds; 400 with the fix otherwise. */
function wholeNumber(
  value: string | undefined,
  name: string,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0 || number > max)
    throw new AppError(400, 'bad-request', {
      zh: `${name} 须为 0 到 ${max} 的整数`,
      en: `${name} must be a whole number from 0 to ${max}`,
    })
  return number
}

export const notificationRoutes = new Hono<AppEnv>()
  .get('/', queryOf(notificationListQuery), async (c) => {
    const q = c.req.valid('query')
    const limit = Math.max(1, wholeNumber(q.limit, 'limit', 50, 100))
    const offset = wholeNumber(q.offset, 'offset', 0, 1_000_000)
    return c.json(
      await listNotifications(c.get('deps').reads, c.get('user'), {
        limit,
        offset,
        unreadOnly: q.unread === 'true',
      }),
    )
  })
  .get('/unread-count', async (c) =>
    c.json({ unread: await unreadCount(c.get('deps').reads, c.get('user')) }),
  )
  .post('/read-all', async (c) => {
    const now = c.get('deps').clock.now()
    return write(c, async (trx) =>
      c.json({ read: (await markRead(trx, c.get('user'), undefined, now)) ?? 0 }),
    )
  })
  .post('/:id/read', async (c) => {
    const now = c.get('deps').clock.now()
    return write(c, async (trx) => {
      const read = await markRead(trx, c.get('user'), c.req.param('id'), now)
      if (read === undefined) throw notFound({ zh: '没有这条通知', en: 'No such notification' })
      return c.json({ read })
    })
  })
