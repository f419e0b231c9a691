/**
 * @module How far an account's roles reach, by region. An account in a region holds its roles for
 * that region's policies, and its leaders and region administrators read the regions below (a
 * provincial office over its counties). An account above every region (no region: a system
 * administrator, or a platform's own authors) holds its roles everywhere. Units given to an
 * account reach on their own (access/visibility.ts), whichever region they are in.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { RegionReach } from '../http/env.ts'

export type { RegionReach }

/** Everywhere: the reach of an account with no region. */
export const EVERYWHERE: RegionReach = { home: 'all', below: new Set() }

/** The reach of an account in `regionId` (or above every region, for null). */
export async function loadRegionReach(
  db: Kysely<Database>,
  regionId: string | null,
): Promise<RegionReach> {
  if (regionId === null) return EVERYWHERE
  // One query per request: the regions below are walked in the database (a county has none), so
  // the cost does not grow with the number of regions the installation serves.
  const policies = await db
    .withRecursive('below(id)', (q) =>
      q
        .selectFrom('region')
        .select('region.id')
        .where('region.parent_id', '=', regionId)
        .union((u) =>
          u
            .selectFrom('region')
            .innerJoin('below', 'below.id', 'region.parent_id')
            .select('region.id'),
        ),
    )
    .selectFrom('policy')
    .select(['policy.id', 'policy.region_id'])
    .where((eb) =>
      eb.or([
        eb('policy.region_id', '=', regionId),
        eb('policy.region_id', 'in', eb.selectFrom('below').select('below.id')),
      ]),
    )
    .execute()
  return {
    home: new Set(policies.filter((p) => p.region_id === regionId).map((p) => p.id)),
    below: new Set(policies.filter((p) => p.region_id !== regionId).map((p) => p.id)),
  }
}

/** True when the account's roles hold for this policy: it is in the account's region, or the account is above every region. */
export function inHomeRegion(reach: RegionReach, policyId: string): boolean {
  return reach.home === 'all' || reach.home.has(policyId)
}
