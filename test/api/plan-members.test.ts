/**
 * Members at plan start may name units the config already has: a duty owned by a group gets one
 * task per member, whether the member is new or a config unit. What would make one id mean two
 * things is refused with a pointer to the member.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

/** The minimal policy with its funding duty owned by the open group `hospitals`. */
const GROUP_OWNED = withReplaced(
  `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }`,
  `    lead: [hospitals]
    due: { unspecified: 文件未规定完成时限 }`,
)

let t: TestApp
let author: Client
let version: { policy_id: string; version: string }

beforeEach(async () => {
  t = await makeTestApp()
  author = await loginAs(t, 'author', { roles: ['author'] })
  version = (
    await publishPolicy(t, t.clock, 'test', { yaml: GROUP_OWNED, sourceText: MINIMAL_SOURCE })
  ).version
})

async function start(members: unknown): Promise<Response> {
  return author.post('/api/plans', {
    policyId: version.policy_id,
    version: version.version,
    members,
  })
}

async function assigneesOf(planId: string, duty: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('task')
    .select('assignee')
    .where('plan_id', '=', planId)
    .where('source_id', '=', duty)
    .execute()
  return rows.map((row) => row.assignee).sort()
}

describe('members at plan start', () => {
  it('may name config units: the group’s duty goes to them and to new units alike', async () => {
    const response = await start({
      hospitals: [
        { id: 'health-bureau', name: '县卫健局' },
        { id: 'town-clinic', name: '城关镇卫生院' },
      ],
    })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.unassigned).toEqual([])
    expect(await assigneesOf(body.plan.id, 'funding')).toEqual(['health-bureau', 'town-clinic'])
    // The config unit keeps its own tasks and name; it is not turned into a unit of the plan.
    expect(await assigneesOf(body.plan.id, 'draft-plan')).toEqual([
      'health-bureau',
      'reform-office',
    ])
  })

  it('refuses what is ambiguous, each with a pointer to the member and a zh and en message', async () => {
    const response = await start({
      hospitals: [
        { id: 'health-bureau', name: '县医院' },
        { id: 'leading-group', name: '领导小组' },
        { id: 'hospitals', name: '县级医院' },
        { id: 'town-clinic', name: '城关镇卫生院' },
        { id: 'town-clinic', name: '城南卫生院' },
      ],
    })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error.code).toBe('invalid-body')
    const issues = body.error.issues as Array<{
      pointer: string
      message: { zh: string; en: string }
    }>
    expect(issues.map((issue) => issue.pointer)).toEqual([
      '/members/hospitals/0/name',
      '/members/hospitals/1/id',
      '/members/hospitals/2/id',
      '/members/hospitals/4/name',
    ])
    expect(issues[0]!.message.zh).toContain('县卫健局')
    expect(issues[1]!.message.en).toContain('not a unit')
    for (const issue of issues) expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(await t.db.selectFrom('plan').select('id').execute()).toEqual([])
  })

  it('refuses a unit outside the region, which holds no tasks', async () => {
    const withExternal = withReplaced(
      `    - id: reform-office
      name: 县医改办
      kind: office`,
      `    - id: reform-office
      name: 县医改办
      kind: office
    - id: city-commission
      name: 市卫健委
      kind: department
      external: true`,
      GROUP_OWNED,
    )
    const external = (
      await publishPolicy(t, t.clock, 'test', {
        yaml: withExternal.replace('version: 1.0.0', 'version: 1.1.0'),
        sourceText: MINIMAL_SOURCE,
      })
    ).version
    const response = await author.post('/api/plans', {
      policyId: external.policy_id,
      version: external.version,
      members: { hospitals: [{ id: 'city-commission', name: '市卫健委' }] },
    })
    expect(response.status).toBe(400)
    const issues = (await response.json()).error.issues as Array<{
      pointer: string
      message: { zh: string }
    }>
    expect(issues.map((issue) => issue.pointer)).toEqual(['/members/hospitals/0/id'])
    expect(issues[0]!.message.zh).toContain('本地区以外')
  })
})
