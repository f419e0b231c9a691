/**
 * A task's natural key (plan, source, assignee, role, period) holds among the tasks not withdrawn:
 * a unit taken out of a group and named again gets a new task beside its withdrawn one, which
 * stays with its history. The key becomes a partial unique index (`state <> 'withdrawn'`).
 * SQLite cannot drop a table's constraint, so there the table is rebuilt the documented way:
 * foreign keys off, copy into a new table in one transaction, rename, check, foreign keys on.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

const COLUMNS = sql.raw(
  [
    'id',
    'plan_id',
    'source_id',
    'kind',
    'assignee',
    'role',
    'period',
    'phase_id',
    'parent_task_id',
    'reviewer',
    'state',
    'snapshot',
    'version',
    'opens_on',
    'due_on',
    'due_phrase',
    'escalation_level',
    'data',
    'created_at',
    'updated_at',
  ].join(', '),
)

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table task drop constraint task_natural_key`.execute(db)
    await createOpenKey(db)
    return
  }
  await rebuildSqliteTask(db, false)
  await createOpenKey(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index task_natural_key_open`.execute(db)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table task add constraint task_natural_key unique (plan_id, source_id, assignee, role, period)`.execute(
      db,
    )
    return
  }
  await rebuildSqliteTask(db, true)
}

async function createOpenKey(db: Kysely<any>): Promise<void> {
  await sql`create unique index task_natural_key_open on task (plan_id, source_id, assignee, role, period) where state <> 'withdrawn'`.execute(
    db,
  )
}

/** Rebuilds SQLite's task table with the same columns and indexes, with or without the table key. */
async function rebuildSqliteTask(db: Kysely<any>, withTableKey: boolean): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db)
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('task_rebuilt')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('assignee', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('phase_id', 'text')
        .addColumn('parent_task_id', 'text')
        .addColumn('reviewer', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('opens_on', 'text')
        .addColumn('due_on', 'text')
        .addColumn('due_phrase', 'text')
        .addColumn('escalation_level', 'integer', (c) => c.notNull())
        .addColumn('data', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .$call((table) =>
          withTableKey
            ? table.addUniqueConstraint('task_natural_key', [
                'plan_id',
                'source_id',
                'assignee',
                'role',
                'period',
              ])
            : table,
        )
        .execute()
      await sql`insert into task_rebuilt (${COLUMNS}) select ${COLUMNS} from task`.execute(trx)
      await trx.schema.dropTable('task').execute()
      await trx.schema.alterTable('task_rebuilt').renameTo('task').execute()
      await trx.schema
        .createIndex('task_assignee_due')
        .on('task')
        .columns(['assignee', 'due_on'])
        .execute()
      await trx.schema
        .createIndex('task_plan_phase')
        .on('task')
        .columns(['plan_id', 'phase_id', 'state'])
        .execute()
      await trx.schema.createIndex('task_parent').on('task').column('parent_task_id').execute()
      const broken = await sql`pragma foreign_key_check`.execute(trx)
      if (broken.rows.length)
        throw new Error(`rebuilding task broke ${broken.rows.length} foreign key references`)
    })
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}
