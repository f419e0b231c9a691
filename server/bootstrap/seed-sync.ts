/**
 * @module The demo's first load on SQLite commits with `synchronous=NORMAL` instead of FULL: a
 * simulated history is a thousand small commits, and waiting for the disk on each was most of a
 * first start. In WAL mode NORMAL never corrupts the database; a power cut may lose the last
 * commits, which the next start redoes (the demo carries on where it stopped). FULL is set back,
 * and checked, before any request is served.
 */
import { SqliteAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'

export async function withDemoSync<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return work()
  await sql`PRAGMA synchronous = NORMAL`.execute(db)
  let result: T
  try {
    result = await work()
  } catch (error) {
    await sql`PRAGMA synchronous = FULL`.execute(db)
    throw error
  }
  await sql`PRAGMA synchronous = FULL`.execute(db)
  const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db)
  if (rows[0]?.synchronous !== 2)
    throw new Error(`SQLite synchronous is ${String(rows[0]?.synchronous)}, expected FULL (2)`)
  return result
}
