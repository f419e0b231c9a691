/**
 * Prepared queries go to PostgreSQL as named statements, parsed and planned once per connection.
 * A column added while a process runs (a new version migrating beside it) makes PostgreSQL refuse
 * the statements that process prepared before: its reads and writes must still be answered, with
 * the new column, on connections prepared afresh.
 */
import { sql } from 'kysely'
import { createDb } from '../../server/db/create-db.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { preparedQuery } from '../../server/db/prepared-query.ts'
import { startMigratedPostgres } from '../helpers/postgres.ts'

const regionById = preparedQuery((db, id: string) =>
  db.selectFrom('region').selectAll().where('id', '=', id),
)

describe('named statements on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_named_statements')
    await pg.db
      .insertInto('region')
      .values({
        id: 'r1',
        name: '某县',
        level: 'county',
        created_at: '2026-12-07T00:00:00.000Z',
        created_by: 'admin',
      })
      .execute()
  }, 60_000)

  afterAll(async () => {
    await pg?.stop()
  })

  it('are prepared once per connection, and survive a column added by another process', async () => {
    const writes = new GroupCommitter(pg.db)
    // Several connections each prepare the statement: reads side by side, and writes.
    const read = () => regionById(pg.db, 'r1').then((result) => result.rows[0])
    await Promise.all([read(), read(), read(), writes.run((trx) => regionById(trx, 'r1'))])
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_prepared_statements`.execute(pg.db)
    // pg_prepared_statements shows this connection's: the statement is named, not sent unnamed.
    expect(rows[0]!.n).toBeGreaterThan(0)

    // Another process (its own connection) adds a column, as a new version's migration would.
    const other = await createDb({ kind: 'postgres', url: pg.url })
    await sql`alter table region add column motto text not null default '落实'`.execute(other)
    await other.destroy()

    // A write runs again on a fresh connection; a read is sent again unnamed; both see the column.
    const written = await writes.run((trx) => regionById(trx, 'r1'))
    expect(written.rows[0]).toMatchObject({ id: 'r1', motto: '落实' })
    const answers = await Promise.all([read(), read(), read()])
    for (const answer of answers) expect(answer).toMatchObject({ id: 'r1', motto: '落实' })
    await writes.close()
  })
})
