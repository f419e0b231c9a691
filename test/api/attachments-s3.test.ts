/**
 * Evidence files kept in an S3-compatible bucket (`LUOSHI_ATTACHMENTS=s3`), against a real S3
 * HTTP server (helpers/s3-server.ts): the scenarios of attachments.case.test.ts, and what only an
 * object store has — an unreachable store, files kept in the database before the move, objects
 * without a row and rows without an object.
 */
import { createHash } from 'node:crypto'
import { checkAttachmentObjects, DEFAULT_GRACE_MS } from '../../server/attachments/orphans.ts'
import { attachmentKey, S3AttachmentStore } from '../../server/attachments/s3-store.ts'
import { newId } from '../../server/ids.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'
import { startS3Server } from '../helpers/s3-server.ts'
import type { S3TestServer } from '../helpers/s3-server.ts'
import { clientOn, loginAs, makeTestApp, secondInstance } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import { attachmentScenarios } from './attachments.case.test.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

attachmentScenarios('S3-compatible store', async () => {
  const server = await startS3Server()
  const store = new S3AttachmentStore(server.options)
  return {
    make: () => new S3AttachmentStore(server.options),
    async storedIds() {
      const ids: string[] = []
      for await (const object of store.objects()) ids.push(object.id)
      return ids
    },
    async sweep(t) {
      const found = await checkAttachmentObjects(t.db, store, {
        now: new Date(),
        graceMs: 0,
        remove: true,
      })
      return found.orphans.length
    },
    // The object goes up before the row's transaction, which then fails.
    refusalLeaves: 1,
    close: () => server.close(),
  }
})

describe('an S3 attachment store, beyond the shared scenarios', () => {
  let server: S3TestServer
  let t: TestApp
  let finance: Client

  beforeAll(async () => {
    server = await startS3Server()
    t = await makeTestApp(undefined, { attachments: new S3AttachmentStore(server.options) })
    finance = await loginAs(t, 'finance')
  })

  afterAll(async () => {
    await t.writes.close()
    await t.db.destroy()
    await server.close()
  })

  const upload = (app: TestApp, name: string, body: string) =>
    clientOn(app, finance).raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent(name) },
      body,
    })
  const uploadedId = async (response: Response) => {
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }

  it('records the store in the row and keeps no chunk in the database', async () => {
    const id = await uploadedId(await upload(t, '台账.txt', '已建立'))
    const row = await t.db
      .selectFrom('attachment')
      .select('store')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.store).toBe('s3')
    expect(
      await t.db
        .selectFrom('attachment_chunk')
        .select('seq')
        .where('attachment_id', '=', id)
        .execute(),
    ).toEqual([])
  })

  it('keeps serving files kept in the database before the move to the bucket', async () => {
    const before = await uploadedId(await upload(await databaseInstance(), '旧文件.txt', '迁移前'))
    expect(await (await finance.get(`/api/attachments/${before}`)).text()).toBe('迁移前')
  })

  it('answers 503 naming LUOSHI_ATTACHMENTS when a file is in a bucket this server is not configured for', async () => {
    const id = await uploadedId(await upload(t, '桶中.txt', '在桶里'))
    const plain = await databaseInstance()
    const response = await clientOn(plain, finance).get(`/api/attachments/${id}`)
    expect(response.status).toBe(503)
    const { error } = (await response.json()) as { error: { code: string; message: LocalizedText } }
    expect(error.code).toBe('storage-unavailable')
    expect(error.message.zh).toContain('LUOSHI_ATTACHMENTS')
    expect(error.message.en).toContain('LUOSHI_ATTACHMENTS')
  })

  it('leaves a young object without a row alone, lists it once older, and reports a row whose object is gone', async () => {
    const store = new S3AttachmentStore(server.options)
    const stray = newId()
    await store.put({ id: stray, body: Buffer.from('孤立'), sha256: sha256('孤立') })
    const now = new Date()
    const fresh = await checkAttachmentObjects(t.db, store, { now })
    expect(fresh.young).toBe(1)
    expect(fresh.orphans).toEqual([])
    const later = new Date(now.getTime() + 2 * DEFAULT_GRACE_MS)
    const old = await checkAttachmentObjects(t.db, store, { now: later })
    expect(old.orphans.map((orphan) => orphan.key)).toEqual([attachmentKey(stray)])
    expect(old.missing).toEqual([])

    const id = await uploadedId(await upload(t, '被删.txt', '对象将被删除'))
    await store.delete(t.db, id)
    const gone = await checkAttachmentObjects(t.db, store, { now: later, remove: true })
    expect(gone.missing).toEqual([id])
    expect(await store.exists(t.db, stray)).toBe(false)
    const response = await finance.get(`/api/attachments/${id}`)
    expect(response.status).toBe(503)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'storage-unavailable',
    )
  })

  it('answers 503 storage-unavailable, saving nothing, while the store cannot be reached', async () => {
    const own = await startS3Server()
    const app = await makeTestApp(undefined, { attachments: new S3AttachmentStore(own.options) })
    const client = await loginAs(app, 'finance')
    const sent = (name: string) =>
      client.raw('/api/attachments', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent(name) },
        body: '内容',
      })
    const id = await uploadedId(await sent('先传.txt'))
    await own.close()
    const refused = await sent('后传.txt')
    expect(refused.status).toBe(503)
    const { error } = (await refused.json()) as { error: { code: string; message: LocalizedText } }
    expect(error.code).toBe('storage-unavailable')
    expect(error.message.zh).toMatch(/未保存/)
    expect(error.message.en).toMatch(/not saved/)
    expect(
      (await app.db.selectFrom('attachment').select('id').execute()).map((row) => row.id),
    ).toEqual([id])
    expect((await client.get(`/api/attachments/${id}`)).status).toBe(503)
    await app.writes.close()
    await app.db.destroy()
  })

  /** An app over t's database with no bucket configured (attachments in the database). */
  let plain: (TestApp & { close(): Promise<void> }) | undefined
  async function databaseInstance(): Promise<TestApp> {
    plain ??= await secondInstance(t)
    onTestFinished(async () => {
      await plain?.close()
      plain = undefined
    })
    return plain
  }
})
