/** The upgrade that keys only tasks not withdrawn, on PostgreSQL: the constraint becomes a partial index. */
import { createDb } from '../../server/db/create-db.ts'
import { startPostgres } from '../helpers/postgres.ts'
import { checkTaskKeyUpgrade } from '../helpers/task-key-upgrade.ts'

describe('migration 2026_12_07_0210_task_key_open_tasks on PostgreSQL', () => {
  it('keeps tasks and their events, and keys only the tasks not withdrawn', async () => {
    const pg = await startPostgres('luoshi_task_key')
    const db = await createDb({ kind: 'postgres', url: pg.url })
    try {
      await checkTaskKeyUpgrade(db)
    } finally {
      await db.destroy()
      await pg.stop()
    }
  })
})
