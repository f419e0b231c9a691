/**
 * The access epoch: one counter that every change to what an account may do moves on — an
 * account's row (roles, region, deactivation, one-time password), its units, the regions and the
 * policies published in them. Each request reads it with its session (one statement), and a
 * process keeps the accounts it has loaded for as long as the counter stands still: the account's
 * roles, units and regional reach are three statements and a recursive walk that would otherwise
 * run on every request. Triggers move it, in the transaction of the change, whichever code path
 * (or process, on PostgreSQL) makes it.
 *
 * A later migration that rebuilds one of these tables on SQLite (copy, drop, rename) drops its
 * triggers with the old table: it must create them again.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

/** The tables an account's access is read from (auth/users.ts, access/region-reach.ts). */
export const ACCESS_TABLES = ['app_user', 'user_unit', 'region', 'policy'] as const
const OPERATIONS = ['insert', 'update', 'delete'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('access_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute()
  await db.insertInto('access_epoch').values({ id: 1, n: 0 }).execute()
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `create function access_epoch_move() returns trigger language plpgsql as $$
begin
  update access_epoch set n = n + 1 where id = 1;
  return null;
end $$`,
      )
      .execute(db)
    // Once a statement: a statement that changes many rows moves the counter once.
    for (const table of ACCESS_TABLES)
      await sql
        .raw(
          `create trigger ${table}_access_epoch after insert or update or delete on ${table} for each statement execute function access_epoch_move()`,
        )
        .execute(db)
    return
  }
  for (const table of ACCESS_TABLES)
    for (const operation of OPERATIONS)
      await sql
        .raw(
          `create trigger ${table}_access_epoch_${operation} after ${operation} on ${table} begin update access_epoch set n = n + 1 where id = 1; end`,
        )
        .execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of ACCESS_TABLES)
      await sql.raw(`drop trigger ${table}_access_epoch on ${table}`).execute(db)
    await sql`drop function access_epoch_move()`.execute(db)
  } else {
    for (const table of ACCESS_TABLES)
      for (const operation of OPERATIONS)
        await sql.raw(`drop trigger ${table}_access_epoch_${operation}`).execute(db)
  }
  await db.schema.dropTable('access_epoch').execute()
}
