/**
 * Failed logins, kept apart from the audit chain: they throttle guessing (per account and per
 * client address) and are pruned once they leave the throttle window, so a flood of anonymous
 * attempts neither grows the chain nor the table.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('login_attempt_username')
    .on('login_attempt')
    .columns(['username', 'at'])
    .execute()
  await db.schema
    .createIndex('login_attempt_address')
    .on('login_attempt')
    .columns(['address', 'at'])
    .execute()
  await db.schema.createIndex('login_attempt_at').on('login_attempt').column('at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempt').execute()
}
