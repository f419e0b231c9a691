/**
 * Sessions end after an idle time as well as after their lifetime: `last_seen_at` is when the
 * session was last used (advanced at most once a minute). Existing sessions start from their
 * creation.
 */
import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session').addColumn('last_seen_at', 'text').execute()
  await db
    .updateTable('session')
    .set({ last_seen_at: sql`created_at` })
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('last_seen_at').execute()
}
