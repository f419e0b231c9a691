/**
 * The ledger epoch: a counter per plan that moves whenever the order of its ledger (台账) may
 * change — a task added or removed, or one of the columns the ledger orders, groups and folds its
 * rows by changed (deadline, duty, period, unit, phase, role, parent task, or the task withdrawn or
 * restored). A transition that only reports or approves leaves it alone. A process keeps the
 * ledger's order of a plan for as long as the counter stands still (documents/ledger-layout.ts), so
 * a page of the ledger reads its fifty rows rather than the plan's thousands. Triggers move it, in
 * the transaction of the change, whichever code path (or process, on PostgreSQL) makes it.
 *
 * A later migration that rebuilds `task` or `plan` on SQLite (copy, drop, rename) drops these
 * triggers with the old table: it must create them again.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

/** The task columns the ledger's order, groups and folding of supporting units read. */
const ORDERED = [
  'plan_id',
  'source_id',
  'due_on',
  'assignee',
  'role',
  'parent_task_id',
  'phase_id',
  'period',
]
const CHANGED = [
  ...ORDERED.map((column) => `OLD.${column} is distinct from NEW.${column}`),
  `(OLD.state = 'withdrawn') is distinct from (NEW.state = 'withdrawn')`,
].join(' or ')

const move = (planId: string) => `update ledger_epoch set n = n + 1 where plan_id = ${planId};`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ledger_epoch')
    .addColumn('plan_id', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute()
  await sql`insert into ledger_epoch (plan_id, n) select id, 0 from plan`.execute(db)

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const functions = {
      // A plan's row is made with its counter.
      ledger_epoch_plan: `insert into ledger_epoch (plan_id, n) values (NEW.id, 0) on conflict (plan_id) do nothing;`,
      // Once a statement for the tasks it inserts: a plan's start inserts thousands.
      ledger_epoch_inserted: `update ledger_epoch set n = n + 1 where plan_id in (select distinct plan_id from inserted);`,
      ledger_epoch_changed: `${move('NEW.plan_id')} if OLD.plan_id <> NEW.plan_id then ${move('OLD.plan_id')} end if;`,
      ledger_epoch_deleted: move('OLD.plan_id'),
    }
    for (const [name, body] of Object.entries(functions))
      await sql
        .raw(
          `create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`,
        )
        .execute(db)
    for (const statement of [
      `create trigger ledger_epoch_plan after insert on plan for each row execute function ledger_epoch_plan()`,
      `create trigger ledger_epoch_inserted after insert on task referencing new table as inserted for each statement execute function ledger_epoch_inserted()`,
      `create trigger ledger_epoch_changed after update on task for each row when (${CHANGED}) execute function ledger_epoch_changed()`,
      `create trigger ledger_epoch_deleted after delete on task for each row execute function ledger_epoch_deleted()`,
    ])
      await sql.raw(statement).execute(db)
    return
  }
  for (const statement of [
    `create trigger ledger_epoch_plan after insert on plan begin insert into ledger_epoch (plan_id, n) values (NEW.id, 0) on conflict (plan_id) do nothing; end`,
    `create trigger ledger_epoch_inserted after insert on task begin ${move('NEW.plan_id')} end`,
    `create trigger ledger_epoch_changed after update on task when ${CHANGED} begin ${move('NEW.plan_id')} ${move('OLD.plan_id')} end`,
    `create trigger ledger_epoch_deleted after delete on task begin ${move('OLD.plan_id')} end`,
  ])
    await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const triggers = {
    ledger_epoch_plan: 'plan',
    ledger_epoch_inserted: 'task',
    ledger_epoch_changed: 'task',
    ledger_epoch_deleted: 'task',
  }
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  for (const [name, table] of Object.entries(triggers)) {
    await sql
      .raw(postgres ? `drop trigger ${name} on ${table}` : `drop trigger ${name}`)
      .execute(db)
    if (postgres) await sql.raw(`drop function ${name}()`).execute(db)
  }
  await db.schema.dropTable('ledger_epoch').execute()
}
