/** @module Published policy versions: immutable rows, content-hashed. */
import type { Kysely } from 'kysely'
import type { Database, PolicyVersionRow } from '../db/database.ts'
import type { PolicyConfig } from '../../schemas/index.ts'
import { readJson } from '../db/json-columns.ts'

export async function findVersionByHash(db: Kysely<Database>, hash: string): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_version').selectAll().where('content_hash', '=', hash).executeTakeFirst()
}

export async function findVersion(db: Kysely<Database>, policyId: string, version: string): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_version').selectAll().where('policy_id', '=', policyId).where('version', '=', version).executeTakeFirst()
}

export async function getVersionById(db: Kysely<Database>, id: string): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_version').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Every version of a policy, highest version first. */
export async function listVersions(db: Kysely<Database>, policyId: string): Promise<PolicyVersionRow[]> {
  const rows = await db.selectFrom('policy_version').selectAll().where('policy_id', '=', policyId).execute()
  return rows.sort((a, b) => compareSemver(b.version, a.version) || b.published_at.localeCompare(a.published_at))
}

/** Orders semantic versions: 1.10.0 after 1.9.0; a pre-release before its release. */
export function compareSemver(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2)
    return { parts: core.split('.').map(Number), pre }
  }
  const x = parse(a)
  const y = parse(b)
  for (let i = 0; i < 3; i++) if ((x.parts[i] ?? 0) !== (y.parts[i] ?? 0)) return (x.parts[i] ?? 0) - (y.parts[i] ?? 0)
  if (x.pre === y.pre) return 0
  if (x.pre === undefined) return 1
  if (y.pre === undefined) return -1
  return x.pre.localeCompare(y.pre)
}

/** The latest version of each policy. */
export async function listPolicies(db: Kysely<Database>): Promise<PolicyVersionRow[]> {
  const rows = await db.selectFrom('policy_version').selectAll().execute()
  const latest = new Map<string, PolicyVersionRow>()
  for (const row of rows) {
    const seen = latest.get(row.policy_id)
    if (!seen || compareSemver(row.version, seen.version) > 0) latest.set(row.policy_id, row)
  }
  return [...latest.values()].sort((a, b) => a.policy_id.localeCompare(b.policy_id))
}

/** The parsed config of a version row. */
export function configOf(row: PolicyVersionRow): PolicyConfig {
  return readJson('policy_version', 'config', row.config)
}
