/**
 * Scope on PostgreSQL: attachment references (written with ON CONFLICT, backfilled by the
 * migration), the audit log filtered in SQL and a region's reach down its tree (a recursive
 * query) behave as on SQLite.
 */
import { tmpdir } from 'node:os'
import type { Kysely } from 'kysely'
import { createApp } from '../../server/app.ts'
import { SimulatedClock } from '../../server/clock.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import * as attachmentRefMigration from '../../server/db/migrations/2026_12_06_1000_create_attachment_ref.ts'
import { startMigratedPostgres } from '../helpers/postgres.ts'
import { loginAs, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { startTwoRegions } from '../helpers/two-regions.ts'
import { loadRegionReach } from '../../server/access/region-reach.ts'

describe('scope on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let db: Kysely<Database>

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_access')
    db = pg.db
  }, 60_000)

  afterAll(async () => {
    await pg?.stop()
  })

  it('serves evidence only through references, backfills them, and scopes the audit log', async () => {
    const clock = new SimulatedClock('2018-04-02T09:00:00+08:00')
    const writes = new GroupCommitter(db)
    const t: TestApp = {
      app: createApp({
        db,
        reads: db,
        clock,
        writes,
        files: `${tmpdir()}/luoshi-pg-access-${process.pid}`,
      }),
      db,
      file: pg.url,
      clock,
      writes,
    }
    const { a, b } = await startTwoRegions(t)
    const aFinance = await loginAs(t, 'a-finance', {
      units: [{ policyId: a.policyId, unitId: 'finance-bureau' }],
    })
    const aLeader = await loginAs(t, 'a-leader', {
      roles: ['leader'],
      units: [{ policyId: a.policyId, unitId: 'leading-group' }],
    })
    const bFinance = await loginAs(t, 'b-finance', {
      units: [{ policyId: b.policyId, unitId: 'finance-bureau' }],
    })
    const bLeader = await loginAs(t, 'b-leader', {
      roles: ['leader'],
      units: [{ policyId: b.policyId, unitId: 'leading-group' }],
    })
    const aTask = await taskId(t, a.planId, 'funding', 'finance-bureau')
    const bTask = await taskId(t, b.planId, 'funding', 'finance-bureau')
    const uploaded = await aFinance.raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-filename': 'a.txt' },
      body: 'A',
    })
    const { id } = (await uploaded.json()) as { id: string }
    // The same reference written twice (a draft, then the report) is kept once.
    expect(
      (
        await aFinance.post(`/api/tasks/${aTask}/events`, {
          type: 'SAVE',
          data: { summary: '草稿', evidence: [id] },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await aFinance.post(`/api/tasks/${aTask}/events`, {
          type: 'SUBMIT',
          data: { summary: '已落实', evidence: [id] },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await bFinance.post(`/api/tasks/${bTask}/events`, {
          type: 'SAVE',
          data: { summary: `see ${id}` },
        })
      ).status,
    ).toBe(200)
    expect((await bFinance.get(`/api/attachments/${id}`)).status).toBe(404)
    expect((await aLeader.get(`/api/attachments/${id}`)).status).toBe(200)
    expect((await aLeader.get(`/api/attachments/${id.toUpperCase()}`)).status).toBe(404)

    await attachmentRefMigration.down(db)
    await attachmentRefMigration.up(db)
    expect(
      await db
        .selectFrom('attachment_ref')
        .select(['attachment_id', 'task_id', 'pointer'])
        .execute(),
    ).toEqual([{ attachment_id: id, task_id: aTask, pointer: '/evidence/0' }])

    expect((await bFinance.get(`/api/plans/${a.planId}/assessments/annual/runs/2018`)).status).toBe(
      404,
    )
    const read = async (client: typeof aLeader) =>
      (
        (await (await client.get('/api/audit?limit=2000')).json()) as {
          entries: Array<{ entity: string; entity_id: string; action: string }>
        }
      ).entries
    const aSees = await read(aLeader)
    expect(
      aSees.filter((e) => e.entity === 'plan' && e.entity_id === a.planId).map((e) => e.action),
    ).toEqual(['plan.start'])
    expect(
      aSees
        .filter((e) => e.entity === 'assessment' && e.entity_id === `${a.planId}/annual`)
        .map((e) => e.action),
    ).toEqual(['access.denied'])
    expect(aSees.some((e) => e.entity === 'attachment' && e.entity_id === id)).toBe(true)
    const bSees = await read(bLeader)
    expect(
      bSees.filter(
        (e) => [a.planId, aTask, id].includes(e.entity_id) || e.entity_id.startsWith(a.planId),
      ),
    ).toEqual([])
    expect(bSees.some((e) => e.entity === 'task' && e.entity_id === bTask)).toBe(true)
  }, 60_000)

  it('reaches a region’s own policies and those of every region below it, and no other', async () => {
    const at = '2026-01-01T00:00:00.000Z'
    const tree = [
      ['reach-province', null],
      ['reach-city', 'reach-province'],
      ['reach-county', 'reach-city'],
      ['reach-other-city', 'reach-province'],
    ] as const
    for (const [id, parent] of tree)
      await db
        .insertInto('region')
        .values({
          id,
          name: id,
          level: 'county',
          parent_id: parent,
          division_code: null,
          created_at: at,
          created_by: 'test',
          updated_at: null,
        })
        .execute()
    for (const [id] of tree)
      await db
        .insertInto('policy')
        .values({ id: `${id}-policy`, region_id: id, created_at: at, created_by: 'test' })
        .execute()
    const city = await loadRegionReach(db, 'reach-city')
    expect([...(city.home as Set<string>)]).toEqual(['reach-city-policy'])
    expect([...city.below]).toEqual(['reach-county-policy'])
    const province = await loadRegionReach(db, 'reach-province')
    expect([...province.below].sort()).toEqual([
      'reach-city-policy',
      'reach-county-policy',
      'reach-other-city-policy',
    ])
    expect([...(await loadRegionReach(db, 'reach-county')).below]).toEqual([])
  })
})
