/**
 * The head of the audit chain as a single row, updated with every append. Appenders take its row
 * lock, so concurrent transactions (several processes on PostgreSQL) extend the chain one after
 * another instead of racing for the same sequence number.
 */
import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: last?.seq ?? 0, hash: last?.hash ?? sql.lit('0'.repeat(64)) })
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_head').execute()
}
