/** A fresh database file per test, migrated — the real thing, not an in-memory stand-in. */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import SQLite from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import type { Clock } from '../../server/clock.ts'
import { installAuditKey } from '../../server/audit/audit-key.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import type { Store } from '../../server/db/group-commit.ts'

/** The audit key tests and benchmarks sign with (the server's lives in its data folder). */
export const TEST_AUDIT_KEY = Buffer.from('luoshi-test-audit-key-0123456789abcdef', 'utf8')
installAuditKey(TEST_AUDIT_KEY)

/** The connection and the committer over it (a {@link Store}), and the file. */
export interface TestDb extends Store {
  file: string
}

/** The database the tests run on: `LUOSHI_TEST_DIALECT=postgres` (npm run test:postgres), else SQLite. */
export const TEST_DIALECT: 'sqlite' | 'postgres' =
  process.env.LUOSHI_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

/**
 * Creates and migrates a new SQLite file in a temporary folder; with `from`, the new file starts as
 * a copy of that database (see copyDatabase) and its attachments folder, for fixtures too slow to
 * build in every test. On the PostgreSQL run, a new database copied from the run's migrated
 * template instead (`file` is its URL), or from the database of `from` (a URL) when nobody is
 * connected to it.
 */
export async function makeDb(from?: string): Promise<TestDb> {
  if (TEST_DIALECT === 'postgres') {
    const { inject } = await import('vitest')
    const { newPostgresDatabase } = await import('./postgres-global.ts')
    const url = await newPostgresDatabase(inject('pgServer'), from)
    const db = await createDb({ kind: 'postgres', url, poolSize: 4 })
    return { db, file: url, writes: new GroupCommitter(db) }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'luoshi-db-')), 'luoshi.db')
  if (from !== undefined) await copyDatabase(from, file)
  const db = await createDb({ kind: 'sqlite', file })
  await migrateToLatest(db)
  return { db, file, writes: new GroupCommitter(db) }
}

/** A connection with a committer of its own, for code that writes outside a request. */
export function storeOf(db: Kysely<Database>): Store {
  return { db, writes: new GroupCommitter(db) }
}

/**
 * Copies a SQLite database file with SQLite's online backup: a consistent snapshot that includes
 * what still sits in the source's WAL, taken while the source stays open (and usable) elsewhere.
 * Attachment files beside it (`attachments/`) are copied too.
 */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new SQLite(from, { readonly: true, fileMustExist: true })
  try {
    await source.backup(to)
  } finally {
    source.close()
  }
  const attachments = join(dirname(from), 'attachments')
  if (existsSync(attachments))
    cpSync(attachments, join(dirname(to), 'attachments'), { recursive: true })
}

/** Publishes a bundled policy (`pingnan`, `meishan`, `chongqing`) and returns its version id. */
export async function publishBundled(store: Store, clock: Clock, region: string): Promise<string> {
  const file = {
    pingnan: 'medical-alliance-2018',
    meishan: 'medical-community-insurance-2020',
    chongqing: 'urban-medical-group-2024',
  }[region]
  const yaml = readFileSync(`policies/${region}/${file}.yaml`, 'utf8')
  const sourceText = readFileSync(`policies/${region}/source.txt`, 'utf8')
  const { version } = await publishPolicy(store, clock, 'test', { yaml, sourceText })
  return version.id
}
