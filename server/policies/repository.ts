/** @module Published policy versions: immutable rows, content-hashed. */
import type { Kysely } from 'kysely'
import type { Database, PolicyVersionRow } from '../db/database.js'
import type { PolicyConfig } from '../../schemas/index.js'

export async function findVersionByHash(db: Kysely<Database>, hash: string): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_version').selectAll().where('content_hash', '=', hash).executeTakeFirst()
}

export async function findVersion(db: Kysely<Database>, policyId: string, version: string): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_version').selectAll().where('policy_id', '=', policyId).where('version', '=', version).executeTakeFirst()
}

export async function getVersionById(db: Kysely<Database>, id: string): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_version').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Every version of a policy, newest first (by publication). */
export async function listVersions(db: Kysely<Database>, policyId: string): Promise<PolicyVersionRow[]> {
  return db.selectFrom('policy_version').selectAll().where('policy_id', '=', policyId).orderBy('published_at', 'desc').execute()
}

/** The latest version of each policy. */
export async function listPolicies(db: Kysely<Database>): Promise<PolicyVersionRow[]> {
  const rows = await db.selectFrom('policy_version').selectAll().orderBy('published_at', 'desc').execute()
  const latest = new Map<string, PolicyVersionRow>()
  for (const row of rows) if (!latest.has(row.policy_id)) latest.set(row.policy_id, row)
  return [...latest.values()].sort((a, b) => a.policy_id.localeCompare(b.policy_id))
}

/** The parsed config of a version row. */
export function configOf(row: PolicyVersionRow): PolicyConfig {
  return JSON.parse(row.config) as PolicyConfig
}
