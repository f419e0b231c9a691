/**
 * Counts kept as the writes happen: `task_count` holds how many tasks each unit carries and
 * reviews, grouped by everything an inbox or a plan's progress counts by (kind, state, window,
 * deadline, escalation: 0 below 督办, 3 督办, 4 通报 and above; the duty only for a procedure, whose
 * states are its own). Database triggers keep it in the same transaction as every insert, update and delete
 * of a task — one place, whatever code path writes the task (a transition, a split, a transfer, a
 * withdrawal, a plan's migration or close) — so an inbox reads a few hundred counted groups instead
 * of counting its tasks on every request.
 *
 * A later migration that rebuilds `task` on SQLite (copy, drop, rename) drops its triggers with the
 * old table: it must create them again (and recount), or the counts stop following the tasks.
 *
 * Nullable dimensions are stored as '' so that the group key is unique on both dialects. The
 * window is `opens_on`, or `created_at` when a task has no opening date (see tasks/task-lights.ts).
 *
 * Indexes that match the inbox pages: by plan and unit (or reviewer) in deadline order, by unit
 * (or reviewer) in deadline order across plans, by plan
 * and kind for the procedures that come to their actors, and sub-tasks by plan for a plan's
 * progress.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

const DIMENSIONS = [
  'plan_id',
  'side',
  'party',
  'kind',
  'source_id',
  'state',
  'opens_on',
  'created_on',
  'due_on',
  'escalation',
] as const

/** The group's values of a task row (`row` is NEW or OLD) on `side`. */
function groupValues(row: 'NEW' | 'OLD', side: 'assignee' | 'reviewer'): string[] {
  return [
    `${row}.plan_id`,
    `'${side}'`,
    `${row}.${side}`,
    `${row}.kind`,
    `case when ${row}.kind = 'procedure' then ${row}.source_id else '' end`,
    `${row}.state`,
    `coalesce(${row}.opens_on, '')`,
    `case when ${row}.opens_on is null then ${row}.created_at else '' end`,
    `coalesce(${row}.due_on, '')`,
    `case when ${row}.escalation_level >= 4 then 4 when ${row}.escalation_level >= 3 then 3 else 0 end`,
  ]
}

function groupMatch(row: 'NEW' | 'OLD', side: 'assignee' | 'reviewer'): string {
  const values = groupValues(row, side)
  return DIMENSIONS.map((column, index) => `${column} = ${values[index]}`).join(' and ')
}

const KEY = DIMENSIONS.join(', ')

function add(row: 'NEW' | 'OLD', side: 'assignee' | 'reviewer'): string {
  return `insert into task_count (${KEY}, n) select ${groupValues(row, side).join(', ')}, 1 where ${row}.${side} is not null on conflict (${KEY}) do update set n = task_count.n + 1;`
}

function remove(row: 'NEW' | 'OLD', side: 'assignee' | 'reviewer'): string {
  return `update task_count set n = n - 1 where ${groupMatch(row, side)};`
}

/** The columns a group is keyed by: an update touching none of them leaves the counts alone. */
const WATCHED = [
  'plan_id',
  'assignee',
  'reviewer',
  'kind',
  'source_id',
  'state',
  'opens_on',
  'created_at',
  'due_on',
  'escalation_level',
]
const CHANGED = WATCHED.map((column) => `OLD.${column} is distinct from NEW.${column}`).join(' or ')

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('task_count')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('escalation', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_count_key', [...DIMENSIONS])
    .execute()
  await db.schema
    .createIndex('task_count_party')
    .on('task_count')
    .columns(['plan_id', 'side', 'party'])
    .execute()
  await db.schema
    .createIndex('task_plan_assignee_due')
    .on('task')
    .columns(['plan_id', 'assignee', 'due_on', 'id'])
    .execute()
  await db.schema
    .createIndex('task_plan_reviewer_due')
    .on('task')
    .columns(['plan_id', 'reviewer', 'due_on', 'id'])
    .execute()
  // Across plans (a region's inbox), by unit or reviewer in deadline order, with the plan so that
  // other regions' entries are passed over in the index; the first replaces the older index by
  // assignee and due date, which it extends.
  await db.schema.dropIndex('task_assignee_due').execute()
  await db.schema
    .createIndex('task_assignee_due_id')
    .on('task')
    .columns(['assignee', 'due_on', 'id', 'plan_id'])
    .execute()
  await db.schema
    .createIndex('task_reviewer_due_id')
    .on('task')
    .columns(['reviewer', 'due_on', 'id', 'plan_id'])
    .execute()
  await db.schema.createIndex('task_plan_kind').on('task').columns(['plan_id', 'kind']).execute()
  await db.schema.createIndex('sub_task_plan').on('sub_task').column('plan_id').execute()

  // The tasks already written are counted once.
  for (const side of ['assignee', 'reviewer'] as const) {
    const values = groupValues('OLD', side).join(', ').replaceAll('OLD.', 'task.')
    await sql
      .raw(
        `insert into task_count (${KEY}, n) select ${values}, count(*) from task where task.${side} is not null group by ${DIMENSIONS.map((_, i) => i + 1).join(', ')}`,
      )
      .execute(db)
  }

  if (postgres) {
    await sql
      .raw(
        `create function task_count_keep() returns trigger language plpgsql as $$
begin
  if TG_OP = 'UPDATE' then
    if not (${CHANGED}) then return null; end if;
  end if;
  if TG_OP in ('UPDATE', 'DELETE') then
    ${remove('OLD', 'assignee')}
    ${remove('OLD', 'reviewer')}
  end if;
  if TG_OP in ('UPDATE', 'INSERT') then
    ${add('NEW', 'assignee')}
    ${add('NEW', 'reviewer')}
  end if;
  return null;
end $$`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger task_count_keep after insert or update or delete on task for each row execute function task_count_keep()`,
      )
      .execute(db)
    return
  }
  await sql
    .raw(
      `create trigger task_count_insert after insert on task begin ${add('NEW', 'assignee')} ${add('NEW', 'reviewer')} end`,
    )
    .execute(db)
  await sql
    .raw(
      `create trigger task_count_update after update on task when ${CHANGED} begin ${remove('OLD', 'assignee')} ${remove('OLD', 'reviewer')} ${add('NEW', 'assignee')} ${add('NEW', 'reviewer')} end`,
    )
    .execute(db)
  await sql
    .raw(
      `create trigger task_count_delete after delete on task begin ${remove('OLD', 'assignee')} ${remove('OLD', 'reviewer')} end`,
    )
    .execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger task_count_keep on task`.execute(db)
    await sql`drop function task_count_keep()`.execute(db)
  } else {
    await sql`drop trigger task_count_insert`.execute(db)
    await sql`drop trigger task_count_update`.execute(db)
    await sql`drop trigger task_count_delete`.execute(db)
  }
  await db.schema.dropIndex('sub_task_plan').execute()
  await db.schema.dropIndex('task_plan_kind').execute()
  await db.schema.dropIndex('task_reviewer_due_id').execute()
  await db.schema.dropIndex('task_assignee_due_id').execute()
  await db.schema
    .createIndex('task_assignee_due')
    .on('task')
    .columns(['assignee', 'due_on'])
    .execute()
  await db.schema.dropIndex('task_plan_reviewer_due').execute()
  await db.schema.dropIndex('task_plan_assignee_due').execute()
  await db.schema.dropTable('task_count').execute()
}
