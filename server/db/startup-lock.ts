/**
 * @module One process at a time prepares a database: migrations, keying the audit chain, moving
 * attachments in and seeding the demo. Several processes starting together on one empty database
 * would otherwise both seed it, and one would die on a duplicate key. The first takes the lock and
 * prepares; the others wait for it, then find everything in place and go on.
 *
 * PostgreSQL: a session advisory lock, held on one pooled connection (the server releases it if
 * the process dies). SQLite: an exclusive transaction on a small lock file beside the database —
 * SQLite's own file locking, which the operating system releases if the process dies. Both are
 * tried and retried rather than waited on inside one statement, so a statement timeout does not
 * cut the wait short and the event loop is never blocked.
 */
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { DatabaseConfig } from './create-db.ts'
import type { Database } from './database.ts'

/** The advisory lock's key: "luoshi" read as a number, so no other application's key collides by chance. */
export const STARTUP_LOCK_KEY = 0x6c756f736869

const RETRY_MS = 100

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `prepare` while holding the database's start-up lock; waits for it when another process holds it. */
export async function withStartupLock<T>(
  config: DatabaseConfig,
  db: Kysely<Database>,
  prepare: () => Promise<T>,
): Promise<T> {
  if (config.kind === 'postgres') return withAdvisoryLock(db, prepare)
  if (config.file === ':memory:') return prepare()
  return withLockFile(`${config.file}.startup-lock`, prepare)
}

async function withAdvisoryLock<T>(db: Kysely<Database>, prepare: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    for (;;) {
      const { rows } = await sql<{
        locked: boolean
      }>`select pg_try_advisory_lock(${STARTUP_LOCK_KEY}) as locked`.execute(connection)
      if (rows[0]?.locked) break
      await sleep(RETRY_MS)
    }
    try {
      return await prepare()
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection)
    }
  })
}

async function withLockFile<T>(file: string, prepare: () => Promise<T>): Promise<T> {
  const lock = new SQLite(file)
  try {
    lock.pragma('busy_timeout = 0')
    for (;;) {
      try {
        lock.exec('begin exclusive')
        break
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
        await sleep(RETRY_MS)
      }
    }
    try {
      return await prepare()
    } finally {
      lock.exec('rollback')
    }
  } finally {
    lock.close()
  }
}
