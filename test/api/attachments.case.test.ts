/**
 * The attachment API's scenarios, run once per store (attachments.test.ts: the database;
 * attachments-s3.test.ts: an S3-compatible server): files are type- and size-checked, stored and
 * given back byte for byte, through this app instance or a second one over the same database and
 * store; hostile names are escaped; a refused upload leaves no row; and readers are only those who
 * may see the file.
 */
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { MAX_ATTACHMENT_BYTES } from '../../server/attachments/routes.ts'
import type { AttachmentStore } from '../../server/http/env.ts'
import { TEST_DIALECT } from '../helpers/make-db.ts'
import {
  clientOn,
  loginAs,
  makeTestApp,
  secondInstance,
  startBundledPlan,
  taskId,
} from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'

/** A store under test, and what the scenarios need to look into it. */
export interface StoreUnderTest {
  /** A new store object over the same place, as each server process makes its own. */
  make(): AttachmentStore
  /** The ids whose bytes the store holds. */
  storedIds(t: TestApp): Promise<string[]>
  /** Removes what a refused upload left behind; returns how many it removed. */
  sweep(t: TestApp): Promise<number>
  /** How many stored files a request refused after the upload leaves without a row. */
  refusalLeaves: number
  close(): Promise<void>
}

/** Makes the database refuse writes as a read-only one does (503 storage-unavailable). */
async function refuseWrites(t: TestApp): Promise<() => Promise<void>> {
  if (TEST_DIALECT === 'sqlite') {
    await sql`pragma query_only = on`.execute(t.db)
    return async () => void (await sql`pragma query_only = off`.execute(t.db))
  }
  // PostgreSQL: the SQLSTATE a read-only transaction raises, from a trigger on the row's table.
  await sql`create function refuse_attachment() returns trigger language plpgsql as $$
    begin raise exception 'read-only' using errcode = '25006'; end $$`.execute(t.db)
  await sql`create trigger refuse_attachment before insert on attachment
    for each row execute function refuse_attachment()`.execute(t.db)
  return async () => {
    await sql`drop trigger refuse_attachment on attachment`.execute(t.db)
    await sql`drop function refuse_attachment()`.execute(t.db)
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export function attachmentScenarios(name: string, setup: () => Promise<StoreUnderTest>): void {
  describe(`/api/attachments (${name})`, () => {
    let store: StoreUnderTest
    let t: TestApp
    let planId: string
    let finance: Client
    let price: Client

    beforeAll(async () => {
      store = await setup()
      t = await makeTestApp(undefined, { attachments: store.make() })
      ;({ planId } = await startBundledPlan(t, 'pingnan'))
      finance = await loginAs(t, 'finance', {
        units: [{ policyId: POLICY, unitId: 'county-finance-bureau' }],
      })
      price = await loginAs(t, 'price', {
        units: [{ policyId: POLICY, unitId: 'county-price-bureau' }],
      })
    })

    afterAll(async () => {
      await t.writes.close()
      await t.db.destroy()
      await store.close()
    })

    const upload = (client: Client, type: string, name: string, body: string | Uint8Array) =>
      client.raw('/api/attachments', {
        method: 'POST',
        headers: { 'content-type': type, 'x-filename': encodeURIComponent(name) },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      })
    const rowIds = async () =>
      (await t.db.selectFrom('attachment').select('id').execute()).map((row) => row.id)

    it('stores an accepted file and gives it back to its uploader, byte for byte', async () => {
      const response = await upload(
        finance,
        'text/csv',
        '资金到位表.csv',
        '单位,金额\n县人民医院,100\n',
      )
      expect(response.status).toBe(201)
      const { id, name, size } = (await response.json()) as {
        id: string
        name: string
        size: number
      }
      expect(name).toBe('资金到位表.csv')
      expect(size).toBe(Buffer.byteLength('单位,金额\n县人民医院,100\n'))
      const download = await finance.get(`/api/attachments/${id}`)
      expect(download.status).toBe(200)
      expect(await download.text()).toBe('单位,金额\n县人民医院,100\n')
      expect(download.headers.get('content-disposition')).toContain(
        encodeURIComponent('资金到位表.csv'),
      )
      expect(await store.storedIds(t)).toContain(id)
    })

    it('gives a file of several pieces back whole through a second app instance over the same database and store', async () => {
      const bytes = randomBytes(700 * 1024)
      const response = await upload(finance, 'application/pdf', '年度报告.pdf', bytes)
      expect(response.status).toBe(201)
      const { id } = (await response.json()) as { id: string }
      const second = await secondInstance(t, store.make())
      try {
        const download = await clientOn(second, finance).get(`/api/attachments/${id}`)
        expect(download.status).toBe(200)
        expect(download.headers.get('content-length')).toBe(String(bytes.length))
        const received = new Uint8Array(await download.arrayBuffer())
        expect(received.length).toBe(bytes.length)
        expect(sha256(received)).toBe(sha256(bytes))
        // The other instance's reader is refused there too: access is the database's, not the store's.
        expect((await clientOn(second, price).get(`/api/attachments/${id}`)).status).toBe(404)
      } finally {
        await second.close()
      }
    })

    it('escapes a hostile file name in Content-Disposition and serves the file as a download only', async () => {
      const hostile = '..\\..\\"x"; filename="evil.exe"; <script>alert(1)</script>\u202Efdp.pdf'
      const response = await upload(finance, 'text/plain', hostile, 'evidence')
      expect(response.status).toBe(201)
      const { id, name } = (await response.json()) as { id: string; name: string }
      expect(name).toBe(hostile)
      const download = await finance.get(`/api/attachments/${id}`)
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(hostile)}`,
      )
      expect(download.headers.get('content-disposition')).not.toMatch(/["<>\\]/)
      expect(download.headers.get('x-content-type-options')).toBe('nosniff')
      expect(download.headers.get('content-type')).toBe('text/plain')
      expect(await download.text()).toBe('evidence')
    })

    it('refuses a file name with NUL or a line break, a type an office does not file, an empty file and one over the limit — storing nothing', async () => {
      const rowsBefore = await rowIds()
      const storedBefore = await store.storedIds(t)
      expect((await upload(finance, 'text/plain', 'a\u0000.txt', 'x')).status).toBe(400)
      expect((await upload(finance, 'text/plain', 'a\r\nSet-Cookie: x.txt', 'x')).status).toBe(400)
      expect((await upload(finance, 'application/x-msdownload', 'setup.exe', 'MZ')).status).toBe(
        415,
      )
      expect((await upload(finance, 'application/pdf', 'empty.pdf', '')).status).toBe(400)
      const tooBig = await upload(
        finance,
        'application/pdf',
        'big.pdf',
        new Uint8Array(MAX_ATTACHMENT_BYTES + 1),
      )
      expect(tooBig.status).toBe(413)
      expect(await rowIds()).toEqual(rowsBefore)
      expect((await store.storedIds(t)).sort()).toEqual(storedBefore.sort())
    })

    it('answers an upload cut off mid-body with 400, storing nothing', async () => {
      const rowsBefore = await rowIds()
      const storedBefore = await store.storedIds(t)
      let pieces = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pieces++ === 0) controller.enqueue(new Uint8Array(64 * 1024))
          else controller.error(new Error('connection reset by peer'))
        },
      })
      const response = await finance.raw('/api/attachments', {
        method: 'POST',
        // Announced whole, as a browser sends a file; the connection breaks after 64 KiB.
        headers: {
          'content-type': 'application/pdf',
          'x-filename': 'cut.pdf',
          'content-length': String(1024 * 1024),
        },
        body,
        duplex: 'half',
      } as RequestInit)
      expect(response.status).toBe(400)
      const { error } = (await response.json()) as { error: { message: { zh: string } } }
      expect(error.message.zh).toMatch(/上传中断/)
      expect(await rowIds()).toEqual(rowsBefore)
      expect((await store.storedIds(t)).sort()).toEqual(storedBefore.sort())
    })

    it('answers an upload the database refuses after the bytes went up with 503, keeps no row, and what it left is swept', async () => {
      const rowsBefore = await rowIds()
      const restore = await refuseWrites(t)
      let response: Response
      try {
        response = await upload(finance, 'text/plain', '证明.txt', '已落实')
      } finally {
        await restore()
      }
      expect(response.status).toBe(503)
      const { error } = (await response.json()) as {
        error: { code: string; message: { zh: string } }
      }
      expect(error.code).toBe('storage-unavailable')
      expect(error.message.zh).toMatch(/未保存/)
      expect(await rowIds()).toEqual(rowsBefore)
      const rows = new Set(await rowIds())
      const strays = (await store.storedIds(t)).filter((id) => !rows.has(id))
      expect(strays).toHaveLength(store.refusalLeaves)
      expect(await store.sweep(t)).toBe(store.refusalLeaves)
      expect((await store.storedIds(t)).filter((id) => !rows.has(id))).toEqual([])
      // Nothing of the refused upload answers; the next upload is stored.
      for (const id of strays)
        expect((await finance.get(`/api/attachments/${id}`)).status).toBe(404)
      expect((await upload(finance, 'text/plain', '证明.txt', '已落实')).status).toBe(201)
    })

    it('hides a file from other units until a report they can see refers to it', async () => {
      const { id } = (await (
        await upload(finance, 'application/pdf', '说明.pdf', '%PDF-1.4')
      ).json()) as { id: string }
      expect((await price.get(`/api/attachments/${id}`)).status).toBe(404)
      const task = await taskId(t, planId, 'duty-finance-bureau', 'county-finance-bureau')
      expect(
        (
          await finance.post(`/api/tasks/${task}/events`, {
            type: 'SUBMIT',
            data: { summary: '已落实', evidence: [id] },
          })
        ).status,
      ).toBe(200)
      const office = await loginAs(t, 'office', {
        roles: ['reviewer'],
        units: [{ policyId: POLICY, unitId: 'leadership-group-office' }],
      })
      expect((await office.get(`/api/attachments/${id}`)).status).toBe(200) // the reviewer of that report
      expect((await price.get(`/api/attachments/${id}`)).status).toBe(404)
    })

    it('will not let a report refer to someone else’s upload', async () => {
      const { id } = (await (
        await upload(finance, 'application/pdf', '别人的.pdf', '%PDF-1.4')
      ).json()) as { id: string }
      const task = await taskId(t, planId, 'duty-price-bureau', 'county-price-bureau')
      const response = await price.post(`/api/tasks/${task}/events`, {
        type: 'SUBMIT',
        data: { summary: '已完善', evidence: [id] },
      })
      expect(response.status).toBe(422)
      expect((await response.json()).error.issues[0].pointer).toBe('/data/evidence/0')
    })
  })
}
