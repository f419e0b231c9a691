/**
 * @module `Idempotency-Key` on writes: a retry with the same key and the same request gets the
 * original response, status and body, without doing the work twice; the same key with a
 * different request is a 422.
 *
 * A route that writes through the group committer records the key inside its own transaction
 * ({@link recordIdempotency}), so the work and the key commit together: a crash can never leave
 * the work done and the key unrecorded, which would let a retry do it twice. Other responses
 * (refusals, which wrote nothing) are recorded here after the handler.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors.js'
import type { AppEnv } from '../env.js'

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key')
  if (!key || c.req.method === 'GET') return next()
  if (key.length > 200) throw new AppError(400, 'bad-request', { zh: 'Idempotency-Key 过长', en: 'Idempotency-Key is too long' })
  const { db, clock } = c.get('deps')
  const user = c.get('user')
  const body = await c.req.raw.clone().text()
  const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex')
  const stored = await db.selectFrom('idempotency').selectAll().where('user_id', '=', user.id).where('key', '=', key).executeTakeFirst()
  if (stored) {
    if (stored.request_hash !== requestHash) {
      throw new AppError(422, 'idempotency-key-reused', {
        zh: '该 Idempotency-Key 已用于另一个请求',
        en: 'This Idempotency-Key was used for a different request',
      })
    }
    return c.body(stored.response, stored.status as 200, { 'content-type': 'application/json', 'idempotent-replay': 'true' })
  }
  c.set('idempotency', { key, requestHash, recorded: false })
  await next()
  if (!c.get('idempotency')?.recorded && c.res.status < 500) {
    const response = await c.res.clone().text()
    await db
      .insertInto('idempotency')
      .values({ user_id: user.id, key, request_hash: requestHash, status: c.res.status, response, created_at: clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .execute()
  }
})

/** Stores the response for the request's Idempotency-Key inside the caller's transaction. */
export async function recordIdempotency(trx: Transaction<Database>, c: Context<AppEnv>, status: number, body: unknown): Promise<void> {
  const pending = c.get('idempotency')
  if (!pending) return
  await trx
    .insertInto('idempotency')
    .values({ user_id: c.get('user').id, key: pending.key, request_hash: pending.requestHash, status, response: JSON.stringify(body), created_at: c.get('deps').clock.now().toISOString() })
    .execute()
  pending.recorded = true
}
