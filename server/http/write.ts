/**
 * @module The write seam: every mutating request (POST, PUT, PATCH, DELETE under /api) writes in
 * one group-committed transaction, opened by {@link write}, which the handler receives. What the
 * handler answers from inside it is recorded for the request's Idempotency-Key in that same
 * transaction, so the work and the key commit together or not at all; a handler that throws rolls
 * the whole request back (its savepoint in the batch), and the refusal is answered by `onError`.
 *
 * Handlers do their slow parts first (parse and check the body, validate a policy off-thread,
 * read an upload), outside the transaction, then call `write()` once: SQLite has one writer, and
 * a batch waits for each of its writes in turn. Services take the transaction and return values.
 *
 * Written outside the request's transaction, on purpose, because they must outlive its refusal:
 * the Idempotency-Key claim and its release (middleware/idempotency.ts), the record of a denied
 * read (audit/denials.ts), a failed login (auth/check-credentials.ts), a session's last use
 * (middleware/authenticate.ts) and a single sign-on's pending row and session, written by GET
 * navigations to and from the identity provider (auth/oidc-routes.ts). An attachment's bytes are written in its row's
 * transaction (attachments/database-store.ts), or, with an S3-compatible store, uploaded before it
 * (attachments/s3-store.ts), so the network never holds the writer.
 *
 * @example
 * .post('/:id/sign-off', async (c) => {
 *   const context = await visiblePlan(c)
 *   return write(c, async (trx) => c.json(await signOffPhase(trx, context, …), 201))
 * })
 */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import type { AppEnv } from './env.ts'
import { recordIdempotency } from './middleware/idempotency.ts'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Marks each mutating request, and refuses (as a fault of ours, a 500) a success that neither
 * went through {@link write} nor said it {@link writesNothing}: such a route wrote outside the
 * seam, or forgot its Idempotency-Key.
 */
export const writeSeam = createMiddleware<AppEnv>(async (c, next) => {
  if (!MUTATING.has(c.req.method)) return next()
  const seam = { written: false, writesNothing: false }
  c.set('seam', seam)
  await next()
  if (c.res.status < 300 && !seam.written && !seam.writesNothing) {
    throw new Error(
      `${c.req.method} ${c.req.path} answered ${c.res.status} without write(): a mutating route writes through the write seam (http/write.ts) or calls writesNothing(c)`,
    )
  }
})

/**
 * Runs `work` as the request's one transaction, through the group committer, and records its
 * response for the Idempotency-Key inside it; resolves with that response once it has committed.
 * @throws whatever `work` throws (nothing of the request is then written), or Error when called
 *   twice in one request or outside a mutating request.
 */
export async function write<R extends Response>(
  c: Context<AppEnv>,
  work: (trx: Transaction<Database>) => Promise<R>,
): Promise<R> {
  const seam = c.get('seam')
  if (!seam)
    throw new Error(`write() in ${c.req.method} ${c.req.path}: only a mutating request writes`)
  if (seam.written)
    throw new Error(
      `write() twice in ${c.req.method} ${c.req.path}: a request writes in one transaction`,
    )
  seam.written = true
  return c.get('deps').writes.run(async (trx) => {
    const response = await work(trx)
    // A 5xx is ours: the key is released (idempotency.ts) so that a retry runs again.
    if (c.get('idempotency') && response.status < 500)
      await recordIdempotency(trx, c, response.status, await response.clone().text())
    return response
  })
}

/** Says that this mutating request answers without writing (a check, a dry run, a replay). */
export function writesNothing(c: Context<AppEnv>): void {
  const seam = c.get('seam')
  if (seam) seam.writesNothing = true
}
