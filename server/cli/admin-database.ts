/**
 * @module The database an `admin` command writes to, opened as the server opens it: the data
 * folder's SQLite file (or `LUOSHI_DATABASE_URL`), migrated, with the same audit key and
 * checkpoints, so each entry joins the one audit chain.
 */
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Kysely } from 'kysely'
import { auditCheckpointFile, readCheckpoints } from '../audit/audit-checkpoint.ts'
import { installAuditKey, loadAuditKey } from '../audit/audit-key.ts'
import { keyAuditChain } from '../audit/audit-upgrade.ts'
import { createDb } from '../db/create-db.ts'
import type { DatabaseConfig } from '../db/create-db.ts'
import { withStartupLock } from '../db/startup-lock.ts'
import type { Database } from '../db/database.ts'
import { GroupCommitter } from '../db/group-commit.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { flag } from './cli-args.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The data folder of `--data`, else `LUOSHI_DATA`, else `./data` of the checkout. */
export const dataFolderOf = (args: string[]): string =>
  resolve(flag(args, '--data') ?? process.env.LUOSHI_DATA ?? join(ROOT, 'data'))

/** An open database and its one writer; `close` ends both. */
export interface AdminDatabase {
  db: Kysely<Database>
  writes: GroupCommitter
  close(): Promise<void>
}

/**
 * Opens, migrates and keys the database of a data folder (already checked by the caller).
 * @throws whatever opening fails with (a database that cannot be opened, an unreadable key)
 */
export async function openAdminDatabase(dataDir: string): Promise<AdminDatabase> {
  const url = process.env.LUOSHI_DATABASE_URL
  const config: DatabaseConfig = url
    ? { kind: 'postgres', url }
    : { kind: 'sqlite', file: join(dataDir, 'luoshi.db') }
  const db = await createDb(config)
  const writes = new GroupCommitter(db)
  const close = async () => {
    await writes.close()
    await db.destroy()
  }
  try {
    const { key } = loadAuditKey({ dataDir, create: true })
    installAuditKey(key)
    await withStartupLock(config, db, async () => {
      await migrateToLatest(db)
      await keyAuditChain({ db, writes }, key, readCheckpoints(auditCheckpointFile(dataDir), key))
    })
  } catch (error) {
    await close()
    throw error
  }
  return { db, writes, close }
}
