/**
 * The change note an author gives when publishing a version (「变更说明」), kept with the version
 * and shown in its list. Versions published before have none.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('policy_version').addColumn('note', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('policy_version').dropColumn('note').execute()
}
