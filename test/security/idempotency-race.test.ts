/**
 * `Idempotency-Key` under concurrency: ten uploads sent at once with one key made ten
 * attachments, because each request looked the key up before any had stored it. Now the key is
 * claimed by an insert that does nothing on conflict before the work: exactly one request does
 * the work, the others replay its response.
 */
import { CLAIM_OWNER, STALE_CLAIM_MS } from '../../server/http/middleware/idempotency.ts'
import { loginAs, makeTestApp, startMinimalPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

describe('Idempotency-Key claimed atomically', () => {
  let t: TestApp
  let author: Client
  let base: string

  const uploadWith = (client: Client, key: string, text = '佐证材料') =>
    client.raw('/api/attachments', {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        'x-filename': encodeURIComponent('佐证.txt'),
        'idempotency-key': key,
      },
      body: text,
    })
  const attachments = async () =>
    (await t.db.selectFrom('attachment').select('id').execute()).map((row) => row.id)

  beforeAll(async () => {
    t = await makeTestApp('2021-03-01T09:00:00+08:00')
    base = `/api/plans/${await startMinimalPlan(t)}/indicator-values`
    author = await loginAs(t, 'author', { roles: ['author'] })
  })

  it('stores one attachment for ten concurrent uploads with one key, and answers all ten with its id', async () => {
    const before = await attachments()
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => uploadWith(author, 'upload-once')),
    )
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Array<{
      id: string
    }>
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201))
    const created = (await attachments()).filter((id) => !before.includes(id))
    expect(created).toHaveLength(1)
    expect(new Set(bodies.map((body) => body.id))).toEqual(new Set(created))
    expect(
      responses.filter((response) => response.headers.get('idempotent-replay') === 'true'),
    ).toHaveLength(9)
  })

  it('applies ten concurrent PUTs of values with one key once (the route records the key in its own transaction)', async () => {
    const values = [{ element: 'county_visits', unit: 'health-bureau', period: '2020', value: 9 }]
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        author.put(base, { values }, { 'idempotency-key': 'put-once' }),
      ),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200))
    const audits = await t.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'indicator-values.put')
      .execute()
    expect(audits).toHaveLength(1)
  })

  it('refuses the same key with a different request (422), however concurrent', async () => {
    const responses = await Promise.all([
      uploadWith(author, 'one-body', 'a'),
      uploadWith(author, 'one-body', 'b'),
    ])
    expect(responses.map((response) => response.status).sort()).toEqual([201, 422])
  })

  it('takes over a claim left by an earlier run of the server, which died before the work committed', async () => {
    const user = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', author.username)
      .executeTakeFirstOrThrow()
    // The same request as above, so the same hash.
    const { request_hash } = await t.db
      .selectFrom('idempotency')
      .select('request_hash')
      .where('key', '=', 'upload-once')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('idempotency')
      .values({
        user_id: user.id,
        key: 'left-behind',
        request_hash,
        status: 0,
        response: 'claimed-by:an-earlier-run',
        created_at: t.clock.now().toISOString(),
      })
      .execute()
    const before = await attachments()
    const retry = await uploadWith(author, 'left-behind')
    expect(retry.status).toBe(201)
    expect((await attachments()).length).toBe(before.length + 1)
    expect(
      await t.db
        .selectFrom('idempotency')
        .select(['status', 'response'])
        .where('key', '=', 'left-behind')
        .executeTakeFirstOrThrow(),
    ).toMatchObject({ status: 201, response: expect.stringContaining((await retry.json()).id) })
  })

  it('answers 409 for a key this run claimed and never finished, until the claim is stale', async () => {
    const user = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', author.username)
      .executeTakeFirstOrThrow()
    const { request_hash, response } = await t.db
      .selectFrom('idempotency')
      .select(['request_hash', 'response'])
      .where('key', '=', 'left-behind')
      .executeTakeFirstOrThrow()
    expect(response).not.toContain('claimed-by')
    // A claim of this run whose request vanished without finishing (a fault that skipped the release).
    await t.db
      .insertInto('idempotency')
      .values({
        user_id: user.id,
        key: 'stuck',
        request_hash,
        status: 0,
        response: CLAIM_OWNER,
        created_at: t.clock.now().toISOString(),
      })
      .execute()
    const before = await attachments()
    const busy = await uploadWith(author, 'stuck')
    expect(busy.status).toBe(409)
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('conflict')
    expect(await attachments()).toEqual(before)
    t.clock.advance(STALE_CLAIM_MS + 60_000)
    expect((await uploadWith(author, 'stuck')).status).toBe(201)
    expect((await attachments()).length).toBe(before.length + 1)
  })
})
