/**
 * Counts kept as the writes happen, for a plan's progress (plans/progress.ts), so the leaders'
 * dashboard reads a few hundred counted groups instead of every task of the plan:
 *
 * - `progress_unit_count`: a unit's tasks (sub-tasks included) by kind, state, deadline, the civil
 *   day a finished task was finished, and its escalation rung (0–4). Colours are not stored: they
 *   depend on today, so the reader colours each group against today — a group holds tasks of one
 *   deadline and one state, hence one colour — and stays true as days pass with no repainting.
 * - `progress_duty_count`: the duties' tasks (no sub-tasks) by phase, kind, duty and state, for
 *   the plan's, each phase's and each part's share done and each phase gate's open tasks.
 *
 * Triggers keep both in the same transaction as every insert, update and delete of a task,
 * whatever code path writes it (see 2026_12_08_0800_task_counts.ts, which keeps `task_count` the
 * same way; a later migration that rebuilds `task` on SQLite must create these triggers again).
 * Nullable dimensions are stored as '' so the group key is unique on both dialects.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * The finished states (domain/workflow/task-states.ts FINISHED_STATES) when this migration was
 * written: a finished task's group carries the day it was finished. A test holds this list to the
 * domain's, so a new finished state comes with a migration that recounts.
 */
export const FINISHED_AT_MIGRATION = ['approved', 'done'] as const

const FINISHED = FINISHED_AT_MIGRATION.map((state) => `'${state}'`).join(', ')

type Row = 'NEW' | 'OLD'

/** The civil day (Asia/Shanghai, UTC+8 all year) of an ISO instant, as civilDateAt computes it. */
function civilDay(postgres: boolean, instant: string): string {
  return postgres
    ? `to_char((${instant})::timestamptz at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD')`
    : `date(${instant}, '+8 hours')`
}

interface Kept {
  table: string
  columns: string[]
  values: (row: Row, postgres: boolean) => string[]
  /** Which tasks the table counts (true for all). */
  counts: (row: Row) => string
  /** The task columns the group depends on: an update changing none leaves the counts alone. */
  changed: string
}

const distinct = (columns: string[]) =>
  columns.map((column) => `OLD.${column} is distinct from NEW.${column}`).join(' or ')

const UNIT: Kept = {
  table: 'progress_unit_count',
  columns: [
    'plan_id',
    'assignee',
    'kind',
    'source_id',
    'state',
    'due_on',
    'finished_on',
    'escalation',
  ],
  values: (row, postgres) => [
    `${row}.plan_id`,
    `${row}.assignee`,
    `${row}.kind`,
    // Only a procedure's states depend on its source (its own machine).
    `case when ${row}.kind = 'procedure' then ${row}.source_id else '' end`,
    `${row}.state`,
    `coalesce(${row}.due_on, '')`,
    `case when ${row}.state in (${FINISHED}) then ${civilDay(postgres, `${row}.updated_at`)} else '' end`,
    `case when ${row}.escalation_level >= 4 then 4 when ${row}.escalation_level >= 3 then 3 when ${row}.escalation_level >= 2 then 2 when ${row}.escalation_level >= 1 then 1 else 0 end`,
  ],
  counts: () => 'true',
  // A finished task's day moves with `updated_at`; an unfinished task's group does not.
  changed: `${distinct(['plan_id', 'assignee', 'kind', 'source_id', 'state', 'due_on', 'escalation_level'])} or (OLD.updated_at is distinct from NEW.updated_at and NEW.state in (${FINISHED}))`,
}

const DUTY: Kept = {
  table: 'progress_duty_count',
  columns: ['plan_id', 'phase_id', 'kind', 'source_id', 'state'],
  values: (row) => [
    `${row}.plan_id`,
    `coalesce(${row}.phase_id, '')`,
    `${row}.kind`,
    `${row}.source_id`,
    `${row}.state`,
  ],
  // Sub-tasks are their owner's way of doing its task: a duty's share counts the task itself.
  counts: (row) => `${row}.role <> 'sub'`,
  changed: distinct(['plan_id', 'phase_id', 'kind', 'source_id', 'state', 'role']),
}

function add(kept: Kept, row: Row, postgres: boolean): string {
  const key = kept.columns.join(', ')
  return `insert into ${kept.table} (${key}, n) select ${kept.values(row, postgres).join(', ')}, 1 where ${kept.counts(row)} on conflict (${key}) do update set n = ${kept.table}.n + 1;`
}

function remove(kept: Kept, row: Row, postgres: boolean): string {
  const values = kept.values(row, postgres)
  const match = kept.columns.map((column, index) => `${column} = ${values[index]}`).join(' and ')
  return `update ${kept.table} set n = n - 1 where ${match} and ${kept.counts(row)};`
}

async function createTable(db: Kysely<any>, kept: Kept): Promise<void> {
  // Typed loosely: the builder's column names are known only at run time here.
  let table: any = db.schema.createTable(kept.table)
  for (const column of kept.columns)
    table = table.addColumn(column, column === 'escalation' ? 'integer' : 'text', (c: any) =>
      c.notNull(),
    )
  await table
    .addColumn('n', 'integer', (c: any) => c.notNull())
    .addPrimaryKeyConstraint(`${kept.table}_key`, kept.columns)
    .execute()
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  for (const kept of [UNIT, DUTY]) {
    await createTable(db, kept)
    // The tasks already written are counted once.
    const values = kept
      .values('OLD', postgres)
      .map((value) => value.replaceAll('OLD.', 'task.'))
      .join(', ')
    await sql
      .raw(
        `insert into ${kept.table} (${kept.columns.join(', ')}, n) select ${values}, count(*) from task where ${kept.counts('OLD').replaceAll('OLD.', 'task.')} group by ${kept.columns.map((_, i) => i + 1).join(', ')}`,
      )
      .execute(db)
    const name = `${kept.table}_keep`
    if (postgres) {
      await sql
        .raw(
          `create function ${name}() returns trigger language plpgsql as $$
begin
  if TG_OP = 'UPDATE' then
    if not (${kept.changed}) then return null; end if;
  end if;
  if TG_OP in ('UPDATE', 'DELETE') then
    ${remove(kept, 'OLD', true)}
  end if;
  if TG_OP in ('UPDATE', 'INSERT') then
    ${add(kept, 'NEW', true)}
  end if;
  return null;
end $$`,
        )
        .execute(db)
      await sql
        .raw(
          `create trigger ${name} after insert or update or delete on task for each row execute function ${name}()`,
        )
        .execute(db)
      continue
    }
    await sql
      .raw(
        `create trigger ${name}_insert after insert on task begin ${add(kept, 'NEW', false)} end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger ${name}_update after update on task when ${kept.changed} begin ${remove(kept, 'OLD', false)} ${add(kept, 'NEW', false)} end`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger ${name}_delete after delete on task begin ${remove(kept, 'OLD', false)} end`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  for (const kept of [UNIT, DUTY]) {
    const name = `${kept.table}_keep`
    if (postgres) {
      await sql.raw(`drop trigger ${name} on task`).execute(db)
      await sql.raw(`drop function ${name}()`).execute(db)
    } else
      for (const event of ['insert', 'update', 'delete'])
        await sql.raw(`drop trigger ${name}_${event}`).execute(db)
    await db.schema.dropTable(kept.table).execute()
  }
}
