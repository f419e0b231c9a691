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
import { startMigratedPostgres, startPostgres } from '../helpers/postgres.ts'
import { appendAudit } from '../../server/audit/audit-log.ts'
import { probeAuditEntry } from '../helpers/probe-audit-entry.ts'
import { installAuditKey } from '../../server/audit/audit-key.ts'
import type { TestPostgres } from '../helpers/postgres.ts'

let pg: TestPostgres
const pools: Array<Kysely<Database>> = []

beforeAll(async () => {
  installAuditKey(Buffer.alloc(32, 7))
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
  // Batches of several writes, one at a time (SQLite's way; PostgreSQL's own default is one write
  // a transaction, see the next test): the retry of a whole batch is what is shown here.
  const batched = { maxBatch: 512, lanes: 1 }
  const [writesA, writesB] = [new GroupCommitter(a, batched), new GroupCommitter(b, batched)]
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

it('commits each write in its own transaction, several at once: a write waiting on another does not hold it up', async () => {
  const db = await createDb({ kind: 'postgres', url: pg.url, poolSize: 4 })
  pools.push(db)
  await sql`create table lane_probe (id text primary key)`.execute(db)
  const writes = new GroupCommitter(db)
  const second = signal()
  const results = await Promise.allSettled([
    writes.run(async (trx) => {
      await sql`insert into lane_probe values ('first')`.execute(trx)
      // Committed only once the second write has committed: one lane would wait for ever.
      await second.done
    }),
    writes
      .run(async (trx) => {
        await sql`insert into lane_probe values ('second')`.execute(trx)
      })
      .then(() => second.resolve()),
  ])
  expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled'])
  const rows = await sql<{ id: string }>`select id from lane_probe order by id`.execute(db)
  expect(rows.rows.map((row) => row.id)).toEqual(['first', 'second'])
  expect(writes.stats).toMatchObject({ batches: 2, writes: 2, largestBatch: 1 })
}, 30_000)

it('holds a plan’s audit chain head only from a write’s commit: a write of the plan waiting on another does not hold it up', async () => {
  const migrated = await startMigratedPostgres('luoshi_audit_at_commit')
  try {
    const writes = new GroupCommitter(migrated.db)
    const second = signal()
    const results = await Promise.allSettled([
      writes.run(async (trx) => {
        await appendAudit(trx, [probeAuditEntry('probe.first')])
        // Appended at once, the entry would lock the head here, and the second write would wait
        // for this one, which waits for it.
        await second.done
      }),
      writes
        .run((trx) => appendAudit(trx, [probeAuditEntry('probe.second')]))
        .then(() => second.resolve()),
    ])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled'])
    const rows = await migrated.db
      .selectFrom('audit_log')
      .select(['action', 'chain_seq'])
      .where('chain', '=', 'plan-probe')
      .orderBy('chain_seq')
      .execute()
    expect(rows).toEqual([
      { action: 'probe.second', chain_seq: 1 },
      { action: 'probe.first', chain_seq: 2 },
    ])
  } finally {
    await migrated.stop()
  }
}, 60_000)
