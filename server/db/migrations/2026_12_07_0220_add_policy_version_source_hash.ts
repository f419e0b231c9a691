/**
 * The source document's fingerprint on each version: `source_hash`, the sha256 of the stored
 * source text normalized (no BOM, `\n` line endings). A version's identity is its YAML's
 * `content_hash` together with this hash. Versions stored before get the hash of the text they
 * stored, normalized the same way (written out here, so that this migration stays as it is when
 * the application's code moves on); their stored text itself is left as published. A version
 * without a source keeps null.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'

const normalize = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('policy_version').addColumn('source_hash', 'text').execute()
  const rows: Array<{ id: string; source_text: string | null }> = await db
    .selectFrom('policy_version')
    .select(['id', 'source_text'])
    .where('source_text', 'is not', null)
    .execute()
  for (const row of rows) {
    const hash = createHash('sha256').update(normalize(row.source_text!), 'utf8').digest('hex')
    await db
      .updateTable('policy_version')
      .set({ source_hash: hash })
      .where('id', '=', row.id)
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('policy_version').dropColumn('source_hash').execute()
}
