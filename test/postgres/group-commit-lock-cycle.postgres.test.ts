/**
 * Two processes' group commits that lock the same rows in opposite orders (one batch writes a
 * task, the other holds the plan's audit chain head and wants that task): PostgreSQL ends one
 * transaction with a deadlock, and its batch runs again once the other has committed, so every
 * write lands once and none is answered with the deadlock. Two committers on two pools stand for
 * the two processes.
 */
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { startPostgres } from '../helpers/postgres.ts'
import type { TestPostgres } from '../helpers/postgres.ts'

let pg: TestPostgres
const pools: Array<Kysely<Database>> = []

beforeAll(async () => {
  pg = await startPostgres('luoshi_lock_cycle')
}, 60_000)

afterAll(async () => {
  for (const pool of pools) await pool.destroy()
  await pg?.stop()
})

/** Resolves once `resolve` has been called: one side waits here for the other to hold its row. */
function signal() {
  let resolve!: () => void
  const done = new Promise<void>((r) => (resolve = r))
  return { done, resolve }
}

it('runs again the batch PostgreSQL ends in a deadlock, and both batches commit every write once', async () => {
  const [a, b] = [
    await createDb({ kind: 'postgres', url: pg.url, poolSize: 2 }),
    await createDb({ kind: 'postgres', url: pg.url, poolSize: 2 }),
  ]
  pools.push(a, b)
  await sql`create table lock_probe (id text primary key, n integer not null)`.execute(a)
  await sql`insert into lock_probe values ('x', 0), ('y', 0)`.execute(a)
  const [writesA, writesB] = [new GroupCommitter(a), new GroupCommitter(b)]
  const bump = (trx: Kysely<Database>, id: string) =>
    sql`update lock_probe set n = n + 1 where id = ${id}`.execute(trx)
  const aHolds = signal()
  const bHolds = signal()
  // Each batch's first write locks its row and waits (on its first run) until the other batch
  // holds the other row; each second write then wants the row the other batch holds.
  const results = await Promise.allSettled([
    writesA.run(async (trx) => {
      await bump(trx, 'x')
      aHolds.resolve()
      await bHolds.done
    }),
    writesA.run((trx) => bump(trx, 'y')),
    writesB.run(async (trx) => {
      await bump(trx, 'y')
      bHolds.resolve()
      await aHolds.done
    }),
    writesB.run((trx) => bump(trx, 'x')),
  ])
  expect(results.map((result) => result.status)).toEqual([
    'fulfilled',
    'fulfilled',
    'fulfilled',
    'fulfilled',
  ])
  const rows = await sql<{
    id: string
    n: number
  }>`select id, n from lock_probe order by id`.execute(a)
  expect(rows.rows).toEqual([
    { id: 'x', n: 2 },
    { id: 'y', n: 2 },
  ])
  // One of the two batches ran twice (the deadlock's victim); each committed once.
  expect(writesA.stats.batches + writesB.stats.batches).toBe(2)
}, 30_000)
