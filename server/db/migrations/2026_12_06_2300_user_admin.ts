/**
 * Accounts become managed data: an administrator creates, changes and deactivates them. A user
 * gets optional contact details, `active` (0: deactivated, login refused), `must_change_password`
 * (1: a one-time password was issued; the user must set their own before anything else) and
 * `updated_at`. Existing accounts stay active and keep their passwords. One column per statement:
 * SQLite adds one column at a time.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('phone', 'text').execute()
  await db.schema.alterTable('app_user').addColumn('email', 'text').execute()
  await db.schema
    .alterTable('app_user')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('app_user').addColumn('updated_at', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['updated_at', 'must_change_password', 'active', 'email', 'phone']) {
    await db.schema.alterTable('app_user').dropColumn(column).execute()
  }
}
