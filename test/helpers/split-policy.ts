/**
 * The minimal policy with units below its 县医改办 (two township health centres, a village clinic
 * below the first) and 制定方案 led by the 医改办 alone: a task to split into sub-tasks (层层分解).
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { MINIMAL_SOURCE, withReplaced } from './minimal-policy.ts'
import type { TestApp } from './test-app.ts'

export const SPLIT_POLICY = withReplaced(
  `    lead: [reform-office]
    support: [health-bureau]`,
  `    lead: [reform-office]`,
  withReplaced(
    `    - id: reform-office
      name: 县医改办
      kind: office`,
    `    - id: reform-office
      name: 县医改办
      kind: office
    - id: town-a
      name: 甲镇卫生院
      kind: primary-care
      parent: reform-office
    - id: town-b
      name: 乙镇卫生院
      kind: primary-care
      parent: reform-office
    - id: village-a
      name: 甲村卫生室
      kind: primary-care
      parent: town-a`,
  ),
)

/** Publishes {@link SPLIT_POLICY} and starts its plan. */
export async function startSplitPlan(t: TestApp): Promise<{ planId: string; policyId: string }> {
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml: SPLIT_POLICY,
    sourceText: MINIMAL_SOURCE,
  })
  const started = await startPlan(t, t.clock, 'test', { versionId: version.id })
  return { planId: started.plan.id, policyId: version.policy_id }
}
