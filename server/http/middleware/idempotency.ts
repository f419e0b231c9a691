/**
 * @module `Idempotency-Key` on writes: a retry with the same key and the same request gets the
 * original response, status and body, without doing the work twice; the same key with a
 * different request is a 422.
 *
 * The key is **claimed before the work**: an `INSERT` of an in-progress row that does nothing on
 * conflict, committed through the group committer, so of ten concurrent requests with one key
 * exactly one inserts and does the work. Requests in this process wait for it and then replay
 * its response. A claim whose request failed with a 5xx is released, so a retry runs again. A
 * claim left by an earlier run of the server (killed before the work committed; while in
 * progress, `response` holds the run's id) is taken over at once, as one server writes to its
 * database; one of this run still unfinished after {@link STALE_CLAIM_MS} is taken over too.
 * Otherwise a request finding its key claimed gets 409 `conflict`.
 *
 * The write seam (http/write.ts) records the response inside the request's one transaction
 * ({@link recordIdempotency}), so the work and the key commit together: a crash can never leave
 * the work done and the key open. Other responses (refusals, which wrote nothing) are recorded
 * here after the handler.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Transaction } from 'kysely'
import type { Database, IdempotencyTable } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import type { AppEnv } from '../env.ts'

/** The `status` of a claimed key whose request has not finished. */
const IN_PROGRESS = 0

/** A claim older than this was left by a request that never finished; it may be taken over. */
export const STALE_CLAIM_MS = 10 * 60_000

/** This run of the server, written into its claims while they are in progress. */
export const CLAIM_OWNER = `claimed-by:${randomUUID()}`

/** Requests of this process holding a key (`user id \n key`), for others with it to wait on. */
const inFlight = new Map<string, Promise<void>>()

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key')
  if (!key || c.req.method === 'GET') return next()
  if (key.length > 200)
    throw new AppError(400, 'bad-request', {
      zh: 'Idempotency-Key 过长',
      en: 'Idempotency-Key is too long',
    })
  const user = c.get('user')
  const body = await c.req.raw.clone().text()
  const requestHash = createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n${body}`)
    .digest('hex')
  const flight = `${user.id}\n${key}`
  // Wait for this process's request holding the key; the check and the claim below are one
  // synchronous step, so only one waiter goes on to claim.
  for (let running = inFlight.get(flight); running; running = inFlight.get(flight)) await running
  let done!: () => void
  inFlight.set(flight, new Promise<void>((resolve) => (done = resolve)))
  try {
    const row = { user_id: user.id, key, request_hash: requestHash }
    if (!(await claim(c, row))) return await replay(c, row)
    c.set('idempotency', { key, requestHash, recorded: false })
    try {
      await next()
    } catch (error) {
      await release(c, row)
      throw error
    }
    // A response the write seam recorded committed with its work; anything else is stored here
    // (a refusal) or released (a fault of ours: the retry should run).
    if (c.res.status >= 500) await release(c, row)
    else if (!c.get('idempotency')?.recorded)
      await record(c, row, c.res.status, await c.res.clone().text())
  } finally {
    inFlight.delete(flight)
    done()
  }
})

type KeyRow = Pick<IdempotencyTable, 'user_id' | 'key' | 'request_hash'>

/**
 * Inserts the in-progress row, or takes over an abandoned one (an earlier run's, or a stale one);
 * true when this request holds the key.
 */
async function claim(c: Context<AppEnv>, row: KeyRow): Promise<boolean> {
  const { writes, clock } = c.get('deps')
  const now = clock.now()
  return writes.run(async (trx) => {
    const inserted = await trx
      .insertInto('idempotency')
      .values({ ...row, status: IN_PROGRESS, response: CLAIM_OWNER, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true
    const abandoned = await trx
      .updateTable('idempotency')
      .set({ request_hash: row.request_hash, response: CLAIM_OWNER, created_at: now.toISOString() })
      .where('user_id', '=', row.user_id)
      .where('key', '=', row.key)
      .where('status', '=', IN_PROGRESS)
      .where((eb) =>
        eb.or([
          eb('response', '!=', CLAIM_OWNER),
          eb('created_at', '<', new Date(now.getTime() - STALE_CLAIM_MS).toISOString()),
        ]),
      )
      .executeTakeFirst()
    return Number(abandoned.numUpdatedRows) === 1
  })
}

/** The stored response for a key another request holds or held. */
async function replay(c: Context<AppEnv>, row: KeyRow): Promise<Response> {
  const stored = await c
    .get('deps')
    .db.selectFrom('idempotency')
    .selectAll()
    .where('user_id', '=', row.user_id)
    .where('key', '=', row.key)
    .executeTakeFirst()
  if (stored && stored.request_hash !== row.request_hash) {
    throw new AppError(422, 'idempotency-key-reused', {
      zh: '该 Idempotency-Key 已用于另一个请求',
      en: 'This Idempotency-Key was used for a different request',
    })
  }
  if (!stored || stored.status === IN_PROGRESS) {
    throw new AppError(409, 'conflict', {
      zh: '使用该 Idempotency-Key 的请求仍在处理中，请稍后用同一个键重试',
      en: 'A request with this Idempotency-Key is still being processed; retry later with the same key',
    })
  }
  // The work was done (or refused) by the request that held the key: this one writes nothing.
  const seam = c.get('seam')
  if (seam) seam.writesNothing = true
  return c.body(stored.response, stored.status as 200, {
    'content-type': 'application/json',
    'idempotent-replay': 'true',
  })
}

/** Stores the response of a request that holds its key (a no-op when the route stored it). */
async function record(
  c: Context<AppEnv>,
  row: KeyRow,
  status: number,
  response: string,
): Promise<void> {
  await c.get('deps').writes.run((trx) => finishClaim(trx, row, status, response))
}

/** Gives the key back after a failure of ours, so that a retry does the work. */
async function release(c: Context<AppEnv>, row: KeyRow): Promise<void> {
  await c
    .get('deps')
    .writes.run((trx) =>
      trx
        .deleteFrom('idempotency')
        .where('user_id', '=', row.user_id)
        .where('key', '=', row.key)
        .where('status', '=', IN_PROGRESS)
        .execute(),
    )
}

async function finishClaim(
  trx: Transaction<Database>,
  row: KeyRow,
  status: number,
  response: string,
): Promise<void> {
  await trx
    .updateTable('idempotency')
    .set({ status, response })
    .where('user_id', '=', row.user_id)
    .where('key', '=', row.key)
    .where('status', '=', IN_PROGRESS)
    .execute()
}

/**
 * Stores the response for the request's Idempotency-Key inside the request's transaction (the
 * write seam calls it; a request without a key records nothing).
 */
export async function recordIdempotency(
  trx: Transaction<Database>,
  c: Context<AppEnv>,
  status: number,
  response: string,
): Promise<void> {
  const pending = c.get('idempotency')
  if (!pending) return
  await finishClaim(
    trx,
    { user_id: c.get('user').id, key: pending.key, request_hash: pending.requestHash },
    status,
    response,
  )
  pending.recorded = true
}
