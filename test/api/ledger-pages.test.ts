/**
 * The ledger (台账) a page at a time: walked by its cursors, the pages hold the whole ledger's
 * rows in its order, numbered and grouped as in the whole ledger, with its total and each of its
 * groups' totals on every page;
 * a bad page size or cursor is a 400 at its pointer.
 */
import { makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import { startOfficePlan } from '../helpers/office-documents.ts'
import type { Ledger } from '../../schemas/api/responses.schema.ts'

type Paged = Ledger & { nextCursor?: string | null }

/** The rows of a ledger, each with the key of its group. */
const rowsOf = (ledger: Ledger) =>
  ledger.groups.flatMap((group) => group.rows.map((row) => ({ group: group.key, ...row })))

describe('GET /api/plans/:id/ledger a page at a time', () => {
  let t: TestApp
  let planId: string
  let office: Client

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId, office } = await startOfficePlan(t))
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  it('walks the whole ledger in its order, numbered and grouped as the whole, by phase or by part, filtered or not', async () => {
    for (const query of ['', 'group=part', 'light=red,green', 'overdue=true&group=part']) {
      const whole = (await (
        await office.get(`/api/plans/${planId}/ledger?${query}`)
      ).json()) as Paged
      expect(whole.total, query).toBeGreaterThan(0)
      expect(whole.nextCursor, query).toBeUndefined()
      const pages: Paged[] = []
      let after: string | null | undefined
      do {
        const cursor = after ? `&after=${encodeURIComponent(after)}` : ''
        const response = await office.get(
          `/api/plans/${planId}/ledger?pageSize=2${cursor}&${query}`,
        )
        expect(response.status, query).toBe(200)
        const page = (await response.json()) as Paged
        expect(page.total, query).toBe(whole.total)
        expect(rowsOf(page).length, query).toBeLessThanOrEqual(2)
        pages.push(page)
        after = page.nextCursor
      } while (after)
      expect(pages.length, query).toBe(Math.max(1, Math.ceil(whole.total / 2)))
      expect(pages.flatMap(rowsOf), query).toEqual(rowsOf(whole))
      for (const group of whole.groups) expect(group.total, query).toBe(group.rows.length)
      // A page holding part of a group still says how many the group has in all.
      for (const page of pages)
        for (const group of page.groups) {
          const inWhole = whole.groups.find((g) => g.key === group.key)!
          expect(group.name, query).toBe(inWhole.name)
          expect(group.total, query).toBe(inWhole.rows.length)
        }
    }
  })

  it('refuses a page size out of range or a cursor it did not give (400)', async () => {
    for (const query of ['pageSize=0', 'pageSize=501', 'pageSize=two']) {
      const response = await office.get(`/api/plans/${planId}/ledger?${query}`)
      expect(response.status, query).toBe(400)
      const body = (await response.json()) as { error: { message: { zh: string } } }
      expect(body.error.message.zh, query).toContain('pageSize')
    }
    const response = await office.get(`/api/plans/${planId}/ledger?after=not-a-cursor`)
    expect(response.status).toBe(400)
    expect((await response.json()).error.issues[0].pointer).toBe('/after')
  })
})
