/**
 * The database a durability test works on, whichever the run's dialect (`LUOSHI_TEST_DIALECT`):
 * a SQLite file, or on the PostgreSQL run (`npm run test:postgres`) a database of the run's
 * cluster, named by its URL. The tests pass such a reference around — to reopen the database as a
 * restarted process would, to copy it, to hand it to a child process — without asking which it is.
 *
 * A server's data folder is bound to its database the same way: on SQLite the folder holds
 * `luoshi.db`; on PostgreSQL a new database is made for the folder and its URL written into
 * `test-database-url` there, which startServer() hands the server as `LUOSHI_DATABASE_URL`. So a
 * copied folder (demo-data.ts) or a restarted server finds the same database the folder had.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { TEST_DIALECT } from './make-db.ts'

const URL_FILE = 'test-database-url'

function isUrl(ref: string): boolean {
  return ref.startsWith('postgres://') || ref.startsWith('postgresql://')
}

/** Opens the database a reference names: a PostgreSQL URL or a SQLite file. */
export async function openDatabase(ref: string): Promise<Kysely<Database>> {
  return isUrl(ref)
    ? createDb({ kind: 'postgres', url: ref, poolSize: 4 })
    : createDb({ kind: 'sqlite', file: ref })
}

/**
 * A consistent copy of the database `ref` (open as `db`) and its reference: `vacuum into` a file
 * in `folder` on SQLite; on PostgreSQL a database made with the source as template (the source's
 * idle pooled connections are ended for it; `db` opens new ones on its next query).
 */
export async function copyOfDatabase(
  db: Kysely<Database>,
  ref: string,
  folder: string,
  name: string,
): Promise<string> {
  if (!isUrl(ref)) {
    const copy = join(folder, `${name}.db`)
    await sql`vacuum into ${copy}`.execute(db)
    return copy
  }
  const { newPostgresDatabase } = await import('./postgres-global.ts')
  return newPostgresDatabase(serverOf(ref), ref)
}

/** The cluster part of a database URL (`postgres://…:port/`). */
function serverOf(url: string): string {
  return url.slice(0, url.lastIndexOf('/') + 1)
}

/** A new, empty data folder (under tmpdir(), named `prefix…`), bound to a new database on PostgreSQL. */
export async function newDataFolder(prefix: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), prefix))
  if (TEST_DIALECT === 'postgres') await bindNewDatabase(folder)
  return folder
}

/**
 * Binds `folder` to a new database of the run's cluster: a copy of `from` (a URL) when given,
 * else of the run's migrated template. Does nothing on SQLite, where the file is in the folder.
 */
export async function bindNewDatabase(folder: string, from?: string): Promise<void> {
  if (TEST_DIALECT !== 'postgres') return
  const { inject } = await import('vitest')
  const { newPostgresDatabase } = await import('./postgres-global.ts')
  writeFileSync(join(folder, URL_FILE), await newPostgresDatabase(inject('pgServer'), from))
}

/** The database of a server's data folder: its bound URL, else its `luoshi.db`. */
export function databaseOf(folder: string): string {
  const urlFile = join(folder, URL_FILE)
  return existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : join(folder, 'luoshi.db')
}

/** What a server on `folder` needs in its environment to open that folder's database. */
export function databaseEnv(folder: string): Record<string, string> {
  const ref = databaseOf(folder)
  return isUrl(ref) ? { LUOSHI_DATABASE_URL: ref } : {}
}

/** The folder a SQLite reference's file lives in, to remove after the test; none for a URL (the cluster goes with the run). */
export function folderOf(ref: string): string | undefined {
  return isUrl(ref) ? undefined : dirname(ref)
}

/** A new database with no tables at all (for a test of migrations): a file in a new folder, or a database of the run's cluster. */
export async function newEmptyDatabase(): Promise<string> {
  if (TEST_DIALECT !== 'postgres')
    return join(mkdtempSync(join(tmpdir(), 'luoshi-empty-')), 'luoshi.db')
  const { inject } = await import('vitest')
  const server = inject('pgServer')
  const name = `luoshi_empty_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: `${server}postgres` })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  return `${server}${name}`
}

/**
 * How many times longer a test on the run's dialect may take: PostgreSQL answers each statement
 * over a socket, and a plan start or a scheduler run is thousands of statements.
 */
export const SLOWER = TEST_DIALECT === 'postgres' ? 3 : 1
