/**
 * Attachments' bytes in the database, in chunks of at most 256 KiB (`bytea` on PostgreSQL, `blob`
 * on SQLite), so every process serving one database reads every file. Files a data folder kept on
 * disk before this are moved in at start (attachments/import-files.ts).
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob'
  await db.schema
    .createTable('attachment_chunk')
    .addColumn('attachment_id', 'text', (c) =>
      c.notNull().references('attachment.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', sql.raw(bytes), (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_chunk_pk', ['attachment_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_chunk').execute()
}
