/**
 * @module Which units an account may be given: a unit or governance body of the latest published
 * version of the policy named, or a member unit supplied when a plan of that policy started
 * (groups the document leaves open get their members then; their people need accounts too).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { readJson } from '../db/json-columns.ts'
import type { RequestIssue } from '../errors.ts'
import { configOf, listVersions } from '../policies/repository.ts'

/**
 * The problems with a list of units, each at `<pointer>/<index>/policyId` or `…/unitId`; empty
 * when every one names something that exists. A null entry (one checked otherwise) is skipped and
 * keeps its index.
 */
export async function unitIssues(
  db: Kysely<Database>,
  units: ReadonlyArray<{ policyId: string; unitId: string } | null>,
  pointer = '/units',
): Promise<RequestIssue[]> {
  const known = new Map<string, Set<string> | undefined>()
  for (const policyId of new Set(units.flatMap((unit) => (unit ? [unit.policyId] : []))))
    known.set(policyId, await assignableUnits(db, policyId))
  const issues: RequestIssue[] = []
  units.forEach((unit, index) => {
    if (!unit) return
    const ids = known.get(unit.policyId)
    if (!ids) {
      issues.push({
        pointer: `${pointer}/${index}/policyId`,
        code: 'unknown-policy',
        message: {
          zh: `没有已发布的政策「${unit.policyId}」`,
          en: `No published policy "${unit.policyId}"`,
        },
      })
    } else if (!ids.has(unit.unitId)) {
      issues.push({
        pointer: `${pointer}/${index}/unitId`,
        code: 'unknown-unit',
        message: {
          zh: `政策「${unit.policyId}」的最新版本中没有单位或机构「${unit.unitId}」`,
          en: `The latest version of "${unit.policyId}" has no unit or body "${unit.unitId}"`,
        },
      })
    }
  })
  return issues
}

/** The unit, body and plan-member ids of a policy; undefined when it has no published version. */
async function assignableUnits(
  db: Kysely<Database>,
  policyId: string,
): Promise<Set<string> | undefined> {
  const [latest] = await listVersions(db, policyId)
  if (!latest) return undefined
  const config = configOf(latest)
  const ids = new Set<string>([
    ...config.organizations.units.map((unit) => unit.id),
    ...(config.governance?.bodies ?? []).map((body) => body.id),
  ])
  const plans = await db
    .selectFrom('plan')
    .select('extra_units')
    .where('policy_id', '=', policyId)
    .execute()
  for (const plan of plans)
    for (const members of Object.values(readJson('plan', 'extra_units', plan.extra_units)))
      for (const member of members) ids.add(member.id)
  return ids
}
