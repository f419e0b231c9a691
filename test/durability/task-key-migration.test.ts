/**
 * The upgrade that keys only tasks not withdrawn, on an empty database of the run's dialect. On
 * SQLite the table is rebuilt with foreign keys off, and they must be on again afterwards; on
 * PostgreSQL the constraint becomes a partial index.
 */
import { sql } from 'kysely'
import { newEmptyDatabase, openDatabase } from '../helpers/durability-db.ts'
import { TEST_DIALECT } from '../helpers/make-db.ts'
import { checkTaskKeyUpgrade } from '../helpers/task-key-upgrade.ts'

describe(`migration 2026_12_07_0210_task_key_open_tasks on ${TEST_DIALECT}`, () => {
  it('keeps tasks and their events, and keys only the tasks not withdrawn', async () => {
    const db = await openDatabase(await newEmptyDatabase())
    try {
      await checkTaskKeyUpgrade(db)
      if (TEST_DIALECT === 'sqlite')
        expect((await sql`pragma foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }])
    } finally {
      await db.destroy()
    }
  })
})
