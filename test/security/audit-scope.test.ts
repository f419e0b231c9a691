/**
 * The audit log is read within scope: a leader sees the entries of the plans, tasks and files of
 * their own region and their own actions — never another region's entries (which carry file ids,
 * names and who did what) nor other users' logins. Admins read the whole log.
 */
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import { startTwoRegions } from '../helpers/two-regions.ts'
import type { RegionPlan } from '../helpers/two-regions.ts'

interface Entry {
  seq: number
  actor: string
  action: string
  entity: string
  entity_id: string
}

describe('GET /api/audit', () => {
  let t: TestApp
  let a: RegionPlan
  let b: RegionPlan
  let aLeader: Client
  let bLeader: Client
  let admin: Client
  let aFinance: Client
  let aUpload: string
  let aTask: string
  let bTask: string

  const entries = async (client: Client, query = ''): Promise<Entry[]> => {
    const response = await client.get(`/api/audit?limit=2000${query}`)
    expect(response.status).toBe(200)
    return ((await response.json()) as { entries: Entry[] }).entries
  }
  const userId = async (username: string) =>
    (
      await t.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id

  const report = async (client: Client, task: string, file: string): Promise<string> => {
    const uploaded = await client.raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent(file) },
      body: file,
    })
    const { id } = (await uploaded.json()) as { id: string }
    expect(
      (
        await client.post(`/api/tasks/${task}/events`, {
          type: 'SUBMIT',
          data: { summary: '已落实', evidence: [id] },
        })
      ).status,
    ).toBe(200)
    return id
  }

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ a, b } = await startTwoRegions(t))
    aLeader = await loginAs(t, 'a-leader', {
      roles: ['leader'],
      units: [{ policyId: a.policyId, unitId: 'leading-group' }],
    })
    bLeader = await loginAs(t, 'b-leader', {
      roles: ['leader'],
      units: [{ policyId: b.policyId, unitId: 'leading-group' }],
    })
    admin = await loginAs(t, 'admin', { roles: ['admin'] })
    aFinance = await loginAs(t, 'a-finance', {
      units: [{ policyId: a.policyId, unitId: 'finance-bureau' }],
    })
    const bFinance = await loginAs(t, 'b-finance', {
      units: [{ policyId: b.policyId, unitId: 'finance-bureau' }],
    })
    aTask = await taskId(t, a.planId, 'funding', 'finance-bureau')
    bTask = await taskId(t, b.planId, 'funding', 'finance-bureau')
    aUpload = await report(aFinance, aTask, '甲县.txt')
    await report(bFinance, bTask, '乙县.txt')
    // B's department tries A's task: the denial is about A's task.
    expect((await bFinance.get(`/api/tasks/${aTask}`)).status).toBe(404)
    expect((await bFinance.get(`/api/plans/${a.planId}/assessments/annual/runs/2018`)).status).toBe(
      404,
    )
  })

  it('shows a leader nothing of another region', async () => {
    const seen = await entries(bLeader)
    const aIds = new Set([a.planId, aTask, aUpload])
    const aVersions = await t.db
      .selectFrom('policy_version')
      .select('id')
      .where('policy_id', '=', a.policyId)
      .execute()
    for (const { id } of aVersions) aIds.add(id)
    const aActors = new Set([await userId('a-finance'), await userId('a-leader')])
    const leaks = seen.filter(
      (entry) =>
        aIds.has(entry.entity_id) ||
        entry.entity_id.startsWith(`${a.planId}/`) ||
        aActors.has(entry.actor),
    )
    expect(leaks).toEqual([])
    expect(await entries(bLeader, `&entityId=${aUpload}`)).toEqual([])
  })

  it('shows a leader their own region: plan, tasks, files and denials about them', async () => {
    const seen = await entries(aLeader)
    const about = (entity: string, id: string) =>
      seen
        .filter((entry) => entry.entity === entity && entry.entity_id === id)
        .map((entry) => entry.action)
    expect(about('plan', a.planId)).toContain('plan.start')
    expect(about('task', aTask)).toEqual(expect.arrayContaining(['task.submit', 'access.denied']))
    expect(about('attachment', aUpload)).toEqual(['attachment.upload'])
    expect(about('assessment', `${a.planId}/annual`)).toEqual(['access.denied'])
    expect(
      about(
        'policy_version',
        (
          await t.db
            .selectFrom('policy_version')
            .select('id')
            .where('policy_id', '=', a.policyId)
            .executeTakeFirstOrThrow()
        ).id,
      ),
    ).toEqual(['policy.publish'])
  })

  it('shows a leader their own logins, not other users’', async () => {
    const logins = (await entries(aLeader)).filter((entry) => entry.entity === 'user')
    expect(logins.length).toBeGreaterThan(0)
    expect(
      logins.every((entry) => entry.actor === logins[0]!.actor && entry.entity_id === entry.actor),
    ).toBe(true)
    expect(logins[0]!.actor).toBe(await userId('a-leader'))
  })

  it('shows an admin the whole log', async () => {
    const all = await t.db.selectFrom('audit_log').select('seq').execute()
    // The admin's own read adds nothing; every row is listed.
    expect((await entries(admin)).length).toBe(all.length)
  })

  it('is closed to a department', async () => {
    expect((await aFinance.get('/api/audit')).status).toBe(403)
  })
})
