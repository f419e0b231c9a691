/**
 * The write seam (server/http/write.ts) on a small app of its own: a mutating request writes in
 * one group-committed transaction or not at all, its Idempotency-Key is recorded in that same
 * transaction, and a route that writes around the seam is a fault (500), not a silent success.
 */
import { EVERYWHERE } from '../../server/access/region-reach.ts'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { SimulatedClock } from '../../server/clock.ts'
import { NestedWriteError } from '../../server/db/group-commit.ts'
import { AppError } from '../../server/errors.ts'
import type { AppEnv } from '../../server/http/env.ts'
import { idempotency } from '../../server/http/middleware/idempotency.ts'
import { onError } from '../../server/http/on-error.ts'
import { write, writeSeam, writesNothing } from '../../server/http/write.ts'
import { makeDb } from '../helpers/make-db.ts'
import type { TestDb } from '../helpers/make-db.ts'

describe('the write seam', () => {
  let t: TestDb
  let app: Hono<AppEnv>
  const notifications = async () =>
    (await t.db.selectFrom('notification').select('id').execute()).map((row) => row.id)
  const notify = (id: string) => ({
    id,
    plan_id: 'p',
    task_id: 't',
    recipient: 'r',
    kind: 'submitted' as const,
    message: id,
    at: '2021-01-01T00:00:00.000Z',
  })
  const post = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers })

  beforeAll(async () => {
    t = await makeDb()
    const clock = new SimulatedClock('2021-01-01T09:00:00+08:00')
    const deps = { db: t.db, reads: t.db, clock, writes: t.writes, files: '' }
    const asUser = createMiddleware<AppEnv>(async (c, next) => {
      c.set('deps', deps)
      c.set('user', {
        id: 'u1',
        username: 'u1',
        displayName: 'u1',
        roles: [],
        units: {},
        mustChangePassword: false,
        regionId: null,
        reach: EVERYWHERE,
      })
      await next()
    })
    app = new Hono<AppEnv>()
      .use('*', asUser, writeSeam, idempotency)
      .post('/two-rows', (c) =>
        write(c, async (trx) => {
          await trx
            .insertInto('notification')
            .values(notify(`n-${c.req.query('n')}`))
            .execute()
          await trx
            .insertInto('notification')
            .values(notify(`m-${c.req.query('n')}`))
            .execute()
          return c.json({ ok: true }, 201)
        }),
      )
      .post('/fails-midway', (c) =>
        write(c, async (trx) => {
          await trx.insertInto('notification').values(notify('half')).execute()
          throw new AppError(409, 'conflict', { zh: '中途失败', en: 'Failed midway' })
        }),
      )
      .post('/nested', (c) =>
        write(c, async (trx) => {
          await trx.insertInto('notification').values(notify('outer')).execute()
          await deps.writes.run((inner) =>
            inner.insertInto('notification').values(notify('inner')).execute(),
          )
          return c.json({ ok: true })
        }),
      )
      .post('/twice', async (c) => {
        await write(c, async () => c.json({ ok: true }))
        return write(c, async () => c.json({ ok: true }))
      })
      .post('/around', async (c) => {
        await deps.writes.run((trx) =>
          trx.insertInto('notification').values(notify('around')).execute(),
        )
        return c.json({ ok: true })
      })
      .post('/check', (c) => {
        writesNothing(c)
        return c.json({ ok: true })
      })
    app.onError(onError)
  })

  it('commits what a handler wrote, and answers after the commit', async () => {
    const response = await post('/two-rows?n=1')
    expect(response.status).toBe(201)
    expect(await notifications()).toEqual(expect.arrayContaining(['n-1', 'm-1']))
  })

  it('rolls the whole request back when the handler fails midway, and answers with the one error shape', async () => {
    const before = await notifications()
    const response = await post('/fails-midway')
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({
      error: { code: 'conflict', message: { zh: '中途失败', en: 'Failed midway' } },
    })
    expect(await notifications()).toEqual(before)
  })

  it('records the Idempotency-Key with the work, so a retry replays the answer and writes nothing', async () => {
    const first = await post('/two-rows?n=2', { 'idempotency-key': 'k-2' })
    expect(first.status).toBe(201)
    const stored = await t.db
      .selectFrom('idempotency')
      .select(['status', 'response'])
      .where('key', '=', 'k-2')
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ status: 201, response: JSON.stringify({ ok: true }) })
    const before = await notifications()
    const retry = await post('/two-rows?n=2', { 'idempotency-key': 'k-2' })
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replay')).toBe('true')
    expect(await notifications()).toEqual(before)
  })

  it('refuses a write started inside the request’s write (it would wait forever), writing nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const before = await notifications()
    const response = await post('/nested')
    expect(response.status).toBe(500)
    expect(errors.mock.calls.flat().join('\n')).toContain(new NestedWriteError().message)
    expect(await notifications()).toEqual(before)
    errors.mockRestore()
  })

  it('answers a fault (500) for a second transaction in one request, and for a success that wrote around the seam', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect((await post('/twice')).status).toBe(500)
    expect((await post('/around')).status).toBe(500)
    expect(errors.mock.calls.flat().join('\n')).toMatch(/write\(\) twice[\s\S]*without write\(\)/)
    errors.mockRestore()
  })

  it('lets a request that says it writes nothing answer without a transaction', async () => {
    expect((await post('/check')).status).toBe(200)
  })
})
