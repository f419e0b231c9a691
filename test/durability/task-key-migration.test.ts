/**
 * The upgrade that keys only tasks not withdrawn, on SQLite: the table is rebuilt with foreign
 * keys off, and they are on again afterwards.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { createDb } from '../../server/db/create-db.ts'
import { checkTaskKeyUpgrade } from '../helpers/task-key-upgrade.ts'

describe('migration 2026_12_07_0210_task_key_open_tasks on SQLite', () => {
  it('keeps tasks and their events, keys only the tasks not withdrawn, and turns foreign keys back on', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'luoshi-migration-')), 'luoshi.db')
    const db = await createDb({ kind: 'sqlite', file })
    try {
      await checkTaskKeyUpgrade(db)
      expect((await sql`pragma foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }])
    } finally {
      await db.destroy()
    }
  })
})
