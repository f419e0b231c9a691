/**
 * Every new SQLite connection runs WAL with synchronous=FULL. WAL is stored in the file, but
 * `synchronous` is per connection, and better-sqlite3 is built with
 * SQLITE_DEFAULT_WAL_SYNCHRONOUS=1: a connection that does not set it runs a WAL database at
 * NORMAL, where a power cut can lose the last acknowledged commits. So the file is created,
 * closed and reopened, and the reopened connections — through openSqlite and through createDb,
 * which the server uses — must report FULL.
 *
 * SQLite only (vitest.postgres.config.ts leaves it out): PostgreSQL's durability (`fsync`,
 * `synchronous_commit`) is set in its server's configuration, not by luoshi's connections.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { createDb, openSqlite } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'

const FULL = 2
let folder: string
let file: string
const open: Array<Kysely<Database>> = []

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'luoshi-pragmas-'))
  file = join(folder, 'nested', 'luoshi.db')
  // Created, written and closed, as a first start would leave it.
  const first = await createDb({ kind: 'sqlite', file })
  await migrateToLatest(first)
  await first.destroy()
})

afterAll(async () => {
  for (const db of open) await db.destroy()
  rmSync(folder, { recursive: true, force: true })
})

/** The pragmas a Kysely connection reports. */
async function pragmas(db: Kysely<Database>) {
  const read = async (name: string) =>
    Object.values(
      (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0] ?? {},
    )[0]
  return {
    journal_mode: await read('journal_mode'),
    synchronous: await read('synchronous'),
    foreign_keys: await read('foreign_keys'),
    busy_timeout: await read('busy_timeout'),
  }
}

it('a bare connection to the reopened WAL file is not FULL — the hazard openSqlite exists for', () => {
  const bare = new SQLite(file)
  try {
    expect(bare.pragma('journal_mode', { simple: true })).toBe('wal') // persisted in the file
    expect(bare.pragma('synchronous', { simple: true })).not.toBe(FULL) // not persisted
  } finally {
    bare.close()
  }
})

it('openSqlite on the reopened file runs WAL with synchronous=FULL', () => {
  for (let round = 0; round < 3; round++) {
    const connection = openSqlite(file)
    try {
      expect(connection.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(connection.pragma('synchronous', { simple: true })).toBe(FULL)
      expect(connection.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(connection.pragma('busy_timeout', { simple: true })).toBe(5000)
    } finally {
      connection.close()
    }
  }
})

it('createDb — what the server opens — runs WAL with synchronous=FULL on every new instance', async () => {
  // Two at once on the same file, and a third after both are closed: each is its own connection.
  const a = await createDb({ kind: 'sqlite', file })
  const b = await createDb({ kind: 'sqlite', file })
  open.push(a, b)
  const expected = { journal_mode: 'wal', synchronous: FULL, foreign_keys: 1, busy_timeout: 5000 }
  expect(await pragmas(a)).toEqual(expected)
  expect(await pragmas(b)).toEqual(expected)
  // Inside a transaction (where group commit writes) the connection is the same one.
  await a.transaction().execute(async (trx) => {
    expect(
      (await sql<{ synchronous: number }>`pragma synchronous`.execute(trx)).rows[0]!.synchronous,
    ).toBe(FULL)
  })
  await a.destroy()
  await b.destroy()
  open.length = 0
  const c = await createDb({ kind: 'sqlite', file })
  open.push(c)
  expect(await pragmas(c)).toEqual(expected)
  // And the data written by the first connection is there, migrated.
  const tables = await sql<{
    name: string
  }>`select name from sqlite_master where type = 'table' and name = 'task_event'`.execute(c)
  expect(tables.rows).toEqual([{ name: 'task_event' }])
})
