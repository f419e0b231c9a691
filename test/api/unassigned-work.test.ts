/**
 * A plan's progress lists the work nobody holds: groups with no member and duties with no
 * assignee. Naming the members at start empties the list.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import type { ExtraUnits } from '../../server/plan-model/plan-model.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const GROUP_OWNED = withReplaced(
  `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }`,
  `    lead: [hospitals]
    due: { unspecified: 文件未规定完成时限 }`,
)

interface Unassigned {
  groups: Array<{ id: string; name: string; duties: Array<{ id: string; name: string }> }>
  duties: Array<{ id: string; name: string; owners: Array<{ id: string; name: string }> }>
}

describe('unassigned work in a plan’s progress', () => {
  let t: TestApp
  let leader: Client
  let versionId: string

  beforeAll(async () => {
    t = await makeTestApp()
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: GROUP_OWNED,
      sourceText: MINIMAL_SOURCE,
    })
    versionId = version.id
    leader = await loginAs(t, 'leader', {
      roles: ['leader'],
      units: [{ policyId: version.policy_id, unitId: 'leading-group' }],
    })
  })

  async function progressOf(members: ExtraUnits) {
    const planId = (await startPlan(t, t.clock, 'test', { versionId, members })).plan.id
    const response = await leader.get(`/api/plans/${planId}/progress`)
    expect(response.status).toBe(200)
    return (await response.json()) as { unassigned: unknown; units: Array<{ id: string }> }
  }

  it('names each group with no member and the duties it leaves without an assignee', async () => {
    const { unassigned } = (await progressOf({})) as unknown as { unassigned: Unassigned }
    // The group also owns the yearly data entry of the indicators it is assessed on.
    const groupDuties = [
      { id: 'funding', name: '统筹落实补助资金' },
      { id: 'indicator-entry-yearly-2', name: '指标数据填报（年度）' },
    ]
    expect(unassigned.groups).toEqual([
      { id: 'hospitals', name: '县级医院', duties: expect.arrayContaining(groupDuties) },
    ])
    expect(unassigned.groups[0]!.duties).toHaveLength(2)
    expect(unassigned.duties).toEqual(
      expect.arrayContaining(
        groupDuties.map((duty) => ({ ...duty, owners: [{ id: 'hospitals', name: '县级医院' }] })),
      ),
    )
    expect(unassigned.duties).toHaveLength(2)
  })

  it('is empty once the group’s members are named at start', async () => {
    const progress = await progressOf({ hospitals: [{ id: 'health-bureau', name: '县卫健局' }] })
    expect(progress.unassigned).toEqual({ groups: [], duties: [] })
  })
})
