/**
 * The audit chain becomes keyed (HMAC-SHA256 under a key outside the database). `keyed` on the
 * head says whether the rows are: a new, empty chain is keyed from its first row; an existing
 * unkeyed chain stays 0 until the server, which holds the key, checks it and re-keys it at start
 * (keyAuditChain in server/audit/audit-upgrade.ts). Nothing is appended to an unkeyed chain.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_head')
    .addColumn('keyed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.updateTable('audit_head').set({ keyed: 1 }).where('seq', '=', 0).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').dropColumn('keyed').execute()
}
