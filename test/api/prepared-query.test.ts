/**
 * Statements compiled once (server/db/prepared-query.ts) answer like the same query built each time,
 * on the test's database dialect, for every run's own values.
 */
import type { Insertable } from 'kysely'
import type { RegionTable } from '../../server/db/database.ts'
import { preparedQuery } from '../../server/db/prepared-query.ts'
import { makeTestApp } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp()
  for (const [id, name] of [
    ['r1', '甲县'],
    ['r2', '乙县'],
    ['r3', '丙县'],
  ] as const)
    await t.db
      .insertInto('region')
      .values({
        id,
        name,
        level: 'county',
        parent_id: null,
        division_code: null,
        created_at: '2018-04-02T00:00:00Z',
        created_by: 'root',
      })
      .execute()
})
afterAll(async () => {
  await t.db.destroy()
})

describe('a prepared query', () => {
  const regionNamed = preparedQuery((db, level: string, id: string) =>
    db.selectFrom('region').select(['id', 'name']).where('level', '=', level).where('id', '=', id),
  )

  it('answers each run with its own values, as the query built anew does', async () => {
    for (const id of ['r1', 'r3', 'r2', 'r9']) {
      const prepared = (await regionNamed(t.db, 'county', id)).rows
      const built = await t.db
        .selectFrom('region')
        .select(['id', 'name'])
        .where('level', '=', 'county')
        .where('id', '=', id)
        .execute()
      expect(prepared).toEqual(built)
    }
    expect((await regionNamed(t.db, 'city', 'r1')).rows).toEqual([])
  })

  it('runs in a transaction, and reports the rows a write changed', async () => {
    const rename = preparedQuery((db, name: string, id: string) =>
      db.updateTable('region').set({ name }).where('id', '=', id),
    )
    await t.db.transaction().execute(async (trx) => {
      expect(Number((await rename(trx, '丁县', 'r2')).numAffectedRows)).toBe(1)
      expect(Number((await rename(trx, '戊县', 'nowhere')).numAffectedRows)).toBe(0)
    })
    expect((await regionNamed(t.db, 'county', 'r2')).rows).toEqual([{ id: 'r2', name: '丁县' }])
  })

  it('takes a row as one argument, its fields named on the first run', async () => {
    const insertRegion = preparedQuery((db, row: Insertable<RegionTable>) =>
      db.insertInto('region').values(row),
    )
    const row = (id: string, name: string) => ({
      id,
      name,
      level: 'county',
      parent_id: null,
      division_code: null,
      created_at: '2018-04-02T00:00:00Z',
      created_by: 'root',
    })
    await insertRegion(t.db, row('r4', '己县'))
    await insertRegion(t.db, row('r5', '庚县'))
    expect((await regionNamed(t.db, 'county', 'r5')).rows).toEqual([{ id: 'r5', name: '庚县' }])
    const { name: _name, ...nameless } = row('r6', '辛县')
    await expect(insertRegion(t.db, nameless as Insertable<RegionTable>)).rejects.toThrow(
      /lacks name/,
    )
  })

  it('refuses a builder that leaves an argument out of the query', async () => {
    const careless = preparedQuery((db, id: string, _unused: string) =>
      db.selectFrom('region').select('id').where('id', '=', id),
    )
    await expect(careless(t.db, 'r1', 'x')).rejects.toThrow(/does not use all its arguments/)
  })
})
