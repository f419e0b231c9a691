/**
 * Two regions side by side, each running its own copy of the minimal policy (its own policy id and
 * region), so a test can try to cross from one to the other without depending on bundled regions.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { MINIMAL_SOURCE, withReplaced } from './minimal-policy.ts'
import type { TestApp } from './test-app.ts'

export interface RegionPlan {
  policyId: string
  planId: string
}

/** Publishes the minimal policy as `policyId` for `regionName` and starts its plan. */
export async function startMinimalRegion(
  t: TestApp,
  policyId: string,
  regionName: string,
): Promise<RegionPlan> {
  const yaml = withReplaced(
    'region: { name: 示范县,',
    `region: { name: ${regionName},`,
    withReplaced('id: demo-county-plan', `id: ${policyId}`),
  )
  const { version } = await publishPolicy(t, t.clock, 'test', { yaml, sourceText: MINIMAL_SOURCE })
  const members = { hospitals: [{ id: `${policyId}-hospital`, name: `${regionName}人民医院` }] }
  const started = await startPlan(t, t.clock, 'test', { versionId: version.id, members })
  return { policyId, planId: started.plan.id }
}

/** Region A and region B. */
export async function startTwoRegions(t: TestApp): Promise<{ a: RegionPlan; b: RegionPlan }> {
  return {
    a: await startMinimalRegion(t, 'region-a-plan', '甲县'),
    b: await startMinimalRegion(t, 'region-b-plan', '乙县'),
  }
}
