/**
 * The progress epoch: a counter per plan that moves whenever what its progress reads from the
 * database may change — a task added or removed, a change to anything the progress counts group a
 * task by (migration 2026_12_09_0200_progress_counts: unit, kind, duty, phase, role, state,
 * deadline, escalation rung, the day a finished task was finished), a progress report or a
 * cleared red light. A draft saved, a note written or a reminder's time stamped leaves it alone. A
 * process keeps a plan's counted groups and facts for as long as the counter stands still
 * (plans/progress-groups.ts), so a leader's progress reads one counter instead of every group. The
 * colours are still worked out on each read, against that day. Triggers move it in the
 * transaction of the change, whichever code path (or process, on PostgreSQL) makes it.
 *
 * A later migration that rebuilds `task`, `plan`, `progress_report` or `light_clearance` on SQLite
 * (copy, drop, rename) drops these triggers with the old table: it must create them again. One
 * that rewrites the progress counts themselves (a recount) must move every plan's epoch.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'
import { FINISHED_AT_MIGRATION } from './2026_12_09_0200_progress_counts.ts'

/** The finished states the progress counts were written with (held to the domain's by a test). */
const FINISHED = FINISHED_AT_MIGRATION.map((state) => `'${state}'`).join(', ')

/** The task columns the progress counts group by; a finished task's day moves with `updated_at`. */
const COUNTED = [
  'plan_id',
  'assignee',
  'kind',
  'source_id',
  'phase_id',
  'role',
  'state',
  'due_on',
  'escalation_level',
]
const CHANGED = [
  ...COUNTED.map((column) => `OLD.${column} is distinct from NEW.${column}`),
  `(OLD.updated_at is distinct from NEW.updated_at and NEW.state in (${FINISHED}))`,
].join(' or ')

const move = (planId: string) => `update progress_epoch set n = n + 1 where plan_id = ${planId};`

/** The tables of a plan's facts: a row added, changed or removed moves its plan's epoch. */
const FACTS = ['progress_report', 'light_clearance']

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('progress_epoch')
    .addColumn('plan_id', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute()
  await sql`insert into progress_epoch (plan_id, n) select id, 0 from plan`.execute(db)

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const functions = {
      progress_epoch_plan: `insert into progress_epoch (plan_id, n) values (NEW.id, 0) on conflict (plan_id) do nothing;`,
      // Once a statement for the tasks it inserts: a plan's start inserts thousands.
      progress_epoch_inserted: `update progress_epoch set n = n + 1 where plan_id in (select distinct plan_id from inserted);`,
      progress_epoch_changed: `${move('NEW.plan_id')} if OLD.plan_id <> NEW.plan_id then ${move('OLD.plan_id')} end if;`,
      progress_epoch_deleted: move('OLD.plan_id'),
      progress_epoch_fact: `if TG_OP <> 'INSERT' then ${move('OLD.plan_id')} end if; if TG_OP <> 'DELETE' then ${move('NEW.plan_id')} end if;`,
    }
    for (const [name, body] of Object.entries(functions))
      await sql
        .raw(
          `create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`,
        )
        .execute(db)
    // A change moves its plan's counter when it commits (a deferred constraint trigger): the
    // counter's row is locked from then to the commit, not from the change on, so two writes to
    // one plan's tasks do not wait on each other while they run. A plan's start, one statement
    // of thousands of tasks, moves it once, at once.
    for (const statement of [
      `create trigger progress_epoch_plan after insert on plan for each row execute function progress_epoch_plan()`,
      `create trigger progress_epoch_inserted after insert on task referencing new table as inserted for each statement execute function progress_epoch_inserted()`,
      `create constraint trigger progress_epoch_changed after update on task deferrable initially deferred for each row when (${CHANGED}) execute function progress_epoch_changed()`,
      `create constraint trigger progress_epoch_deleted after delete on task deferrable initially deferred for each row execute function progress_epoch_deleted()`,
      ...FACTS.map(
        (table) =>
          `create constraint trigger progress_epoch_${table} after insert or update or delete on ${table} deferrable initially deferred for each row execute function progress_epoch_fact()`,
      ),
    ])
      await sql.raw(statement).execute(db)
    return
  }
  for (const statement of [
    `create trigger progress_epoch_plan after insert on plan begin insert into progress_epoch (plan_id, n) values (NEW.id, 0) on conflict (plan_id) do nothing; end`,
    `create trigger progress_epoch_inserted after insert on task begin ${move('NEW.plan_id')} end`,
    `create trigger progress_epoch_changed after update on task when ${CHANGED} begin ${move('NEW.plan_id')} ${move('OLD.plan_id')} end`,
    `create trigger progress_epoch_deleted after delete on task begin ${move('OLD.plan_id')} end`,
    ...FACTS.flatMap((table) => [
      `create trigger progress_epoch_${table}_insert after insert on ${table} begin ${move('NEW.plan_id')} end`,
      `create trigger progress_epoch_${table}_update after update on ${table} begin ${move('NEW.plan_id')} ${move('OLD.plan_id')} end`,
      `create trigger progress_epoch_${table}_delete after delete on ${table} begin ${move('OLD.plan_id')} end`,
    ]),
  ])
    await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const triggers: Array<[string, string]> = [
    ['progress_epoch_plan', 'plan'],
    ['progress_epoch_inserted', 'task'],
    ['progress_epoch_changed', 'task'],
    ['progress_epoch_deleted', 'task'],
    ...FACTS.flatMap((table): Array<[string, string]> =>
      postgres
        ? [[`progress_epoch_${table}`, table]]
        : ['insert', 'update', 'delete'].map((event) => [
            `progress_epoch_${table}_${event}`,
            table,
          ]),
    ),
  ]
  for (const [name, table] of triggers)
    await sql
      .raw(postgres ? `drop trigger ${name} on ${table}` : `drop trigger ${name}`)
      .execute(db)
  if (postgres)
    for (const name of [
      'progress_epoch_plan',
      'progress_epoch_inserted',
      'progress_epoch_changed',
      'progress_epoch_deleted',
      'progress_epoch_fact',
    ])
      await sql.raw(`drop function ${name}()`).execute(db)
  await db.schema.dropTable('progress_epoch').execute()
}
