/**
 * Which store holds each attachment's bytes: `database` (attachment_chunk) or `s3` (an
 * S3-compatible bucket, chosen by `LUOSHI_ATTACHMENTS=s3`). Recorded per row so that files
 * uploaded before a change of store stay readable from where they were written.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('attachment')
    .addColumn('store', 'text', (c) => c.notNull().defaultTo('database'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachment').dropColumn('store').execute()
}
