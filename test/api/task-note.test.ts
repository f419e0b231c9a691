/** A note the config writes on a responsibility reaches the page of each of its tasks. */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'

const NOTED = withReplaced(
  `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }`,
  `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }
    note: 经费须于每年3月底前拨付到位`,
)

describe('a responsibility’s note on its task page', () => {
  it('is in the task’s answer, and null for a duty without one', async () => {
    const t = await makeTestApp()
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: NOTED,
      sourceText: MINIMAL_SOURCE,
    })
    const planId = (await startPlan(t, t.clock, 'test', { versionId: version.id })).plan.id
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId: version.policy_id, unitId: 'finance-bureau' }],
    })
    const noted = await (
      await finance.get(`/api/tasks/${await taskId(t, planId, 'funding', 'finance-bureau')}`)
    ).json()
    expect(noted.note).toBe('经费须于每年3月底前拨付到位')
    const health = await loginAs(t, 'health', {
      units: [{ policyId: version.policy_id, unitId: 'health-bureau' }],
    })
    const plain = await (
      await health.get(`/api/tasks/${await taskId(t, planId, 'draft-plan', 'health-bureau')}`)
    ).json()
    expect(plain.note).toBeNull()
  })
})
