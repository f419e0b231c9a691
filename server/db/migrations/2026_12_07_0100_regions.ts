/**
 * Regions become managed data. `region`: a named administrative area (level, parent, 行政区划代码)
 * that a system administrator creates. `policy`: which region owns a policy id — every version and
 * plan of it belongs there, and its region's administrators and authors manage it. `app_user`
 * gets `region_id`: the region an account belongs to (null: an account above every region, such
 * as a system administrator). Policies published before are given the region their config names,
 * one region per distinct name and code; existing accounts stay above every region, so nobody
 * loses what they could see.
 */
import type { Kysely } from 'kysely'
import { randomUUID } from 'node:crypto'

interface ConfigRegion {
  name: string
  level: string
  code?: string
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('region')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('region.id'))
    .addColumn('division_code', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute()
  await db.schema.createIndex('region_parent').on('region').column('parent_id').execute()
  await db.schema
    .createTable('policy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('region.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('policy_region').on('policy').column('region_id').execute()
  await db.schema.alterTable('app_user').addColumn('region_id', 'text').execute()

  const versions: Array<{ policy_id: string; config: string; published_at: string }> = await db
    .selectFrom('policy_version')
    .select(['policy_id', 'config', 'published_at'])
    .orderBy('published_at')
    .execute()
  const regionIds = new Map<string, string>()
  const owned = new Set<string>()
  for (const version of versions) {
    if (owned.has(version.policy_id)) continue
    owned.add(version.policy_id)
    const region = (JSON.parse(version.config) as { metadata: { region: ConfigRegion } }).metadata
      .region
    const key = region.code ?? `${region.level}:${region.name}`
    let regionId = regionIds.get(key)
    if (!regionId) {
      regionId = randomUUID()
      regionIds.set(key, regionId)
      await db
        .insertInto('region')
        .values({
          id: regionId,
          name: region.name,
          level: region.level,
          parent_id: null,
          division_code: region.code ?? null,
          created_at: version.published_at,
          created_by: 'system',
          updated_at: null,
        })
        .execute()
    }
    await db
      .insertInto('policy')
      .values({
        id: version.policy_id,
        region_id: regionId,
        created_at: version.published_at,
        created_by: 'system',
      })
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('region_id').execute()
  await db.schema.dropTable('policy').execute()
  await db.schema.dropTable('region').execute()
}
