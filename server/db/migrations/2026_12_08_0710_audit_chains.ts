/**
 * One audit chain per plan, so writers of different plans do not queue on one chain head. Each
 * row names its chain (`chain`: a plan id, or '' for the chain of everything not of one plan) and
 * its place in it (`chain_seq`); `seq` stays the log's order, now assigned by the database. The
 * rows written before stay where they are: chain '', at `chain_seq` = `seq`, hashed exactly as
 * before, so they verify unchanged and that chain goes on from its head (`audit_head`). A plan's
 * chain keeps its head in `audit_chain`.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('chain', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('audit_log')
    .addColumn('chain_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`update audit_log set chain_seq = seq`.execute(db)
  await db.schema
    .createIndex('audit_log_chain')
    .unique()
    .on('audit_log')
    .columns(['chain', 'chain_seq'])
    .execute()
  await db.schema
    .createTable('audit_chain')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  // SQLite assigns an `integer primary key` itself; PostgreSQL needs a sequence.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create sequence audit_log_seq_seq owned by audit_log.seq`.execute(db)
    await sql`select setval('audit_log_seq_seq', (select coalesce(max(seq), 0) + 1 from audit_log), false)`.execute(
      db,
    )
    await sql`alter table audit_log alter column seq set default nextval('audit_log_seq_seq')`.execute(
      db,
    )
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table audit_log alter column seq drop default`.execute(db)
    await sql`drop sequence audit_log_seq_seq`.execute(db)
  }
  await db.schema.dropTable('audit_chain').execute()
  await db.schema.dropIndex('audit_log_chain').execute()
  await db.schema.alterTable('audit_log').dropColumn('chain_seq').execute()
  await db.schema.alterTable('audit_log').dropColumn('chain').execute()
}
