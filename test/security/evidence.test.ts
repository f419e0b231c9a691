/**
 * Evidence files stay in their region. A download is authorized only by being the uploader or by
 * a reference from an attachment field of a task the user may see — never by an id appearing
 * somewhere in task data, in whatever letter case.
 */
import * as attachmentRefMigration from '../../server/db/migrations/2026_12_06_1000_create_attachment_ref.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import { startTwoRegions } from '../helpers/two-regions.ts'
import type { RegionPlan } from '../helpers/two-regions.ts'

const MISSING = '01900000-0000-7000-8000-000000000000'

async function upload(client: Client, name: string, body: string): Promise<string> {
  const response = await client.raw('/api/attachments', {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent(name) },
    body,
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

describe('evidence across regions', () => {
  let t: TestApp
  let a: RegionPlan
  let b: RegionPlan
  let aFinance: Client
  let aFinanceColleague: Client
  let aReviewer: Client
  let aHealth: Client
  let aLeader: Client
  let bFinance: Client
  let bLeader: Client
  let aTask: string
  let bTask: string
  let leaked: string

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ a, b } = await startTwoRegions(t))
    aFinance = await loginAs(t, 'a-finance', {
      units: [{ policyId: a.policyId, unitId: 'finance-bureau' }],
    })
    aFinanceColleague = await loginAs(t, 'a-finance-2', {
      units: [{ policyId: a.policyId, unitId: 'finance-bureau' }],
    })
    aReviewer = await loginAs(t, 'a-reviewer', {
      roles: ['reviewer'],
      units: [{ policyId: a.policyId, unitId: 'leading-group' }],
    })
    aHealth = await loginAs(t, 'a-health', {
      units: [{ policyId: a.policyId, unitId: 'health-bureau' }],
    })
    aLeader = await loginAs(t, 'a-leader', {
      roles: ['leader'],
      units: [{ policyId: a.policyId, unitId: 'leading-group' }],
    })
    bFinance = await loginAs(t, 'b-finance', {
      units: [{ policyId: b.policyId, unitId: 'finance-bureau' }],
    })
    bLeader = await loginAs(t, 'b-leader', {
      roles: ['leader'],
      units: [{ policyId: b.policyId, unitId: 'leading-group' }],
    })
    aTask = await taskId(t, a.planId, 'funding', 'finance-bureau')
    bTask = await taskId(t, b.planId, 'funding', 'finance-bureau')
    const own = await upload(aFinance, '甲县资金到位表.txt', '甲县 100 万元')
    expect(
      (
        await aFinance.post(`/api/tasks/${aTask}/events`, {
          type: 'SUBMIT',
          data: { summary: '已落实', evidence: [own] },
        })
      ).status,
    ).toBe(200)
    // The id as a leader reads it from the audit log.
    const audit = (await (await aLeader.get('/api/audit?action=attachment.upload')).json()) as {
      entries: Array<{ entity_id: string }>
    }
    leaked = audit.entries[0]!.entity_id
    expect(leaked).toBe(own)
  })

  it('does not serve a file to another region’s department that names its id in its own task’s free text', async () => {
    const saved = await bFinance.post(`/api/tasks/${bTask}/events`, {
      type: 'SAVE',
      data: { summary: `see ${leaked} ${leaked.toUpperCase()}` },
    })
    expect(saved.status).toBe(200)
    const absent = await bFinance.get(`/api/attachments/${MISSING}`)
    expect(absent.status).toBe(404)
    const missingBody = await absent.json()
    for (const id of [leaked, leaked.toUpperCase()]) {
      const response = await bFinance.get(`/api/attachments/${id}`)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual(missingBody)
    }
    // Nor to the leader overseeing that task.
    expect((await bLeader.get(`/api/attachments/${leaked}`)).status).toBe(404)
  })

  it('does not describe the file on the task that merely mentions it', async () => {
    const detail = (await (await bFinance.get(`/api/tasks/${bTask}`)).json()) as {
      attachments: Record<string, unknown>
    }
    expect(detail.attachments).toEqual({})
  })

  it('serves a file to those who may see the task whose attachment field refers to it', async () => {
    for (const client of [aFinance, aFinanceColleague, aReviewer, aLeader]) {
      const response = await client.get(`/api/attachments/${leaked}`)
      expect(response.status, client.username).toBe(200)
      expect(await response.text()).toBe('甲县 100 万元')
    }
    const detail = (await (await aReviewer.get(`/api/tasks/${aTask}`)).json()) as {
      attachments: Record<string, { name: string }>
    }
    expect(detail.attachments[leaked]?.name).toBe('甲县资金到位表.txt')
  })

  it('does not serve the file in another letter case, even to those who may read it', async () => {
    expect((await aFinance.get(`/api/attachments/${leaked.toUpperCase()}`)).status).toBe(404)
  })

  it('keeps the file from a unit of the same region that cannot see the referring task', async () => {
    expect((await aHealth.get(`/api/attachments/${leaked}`)).status).toBe(404)
  })

  it('refuses an attachment field holding a file the user may not read, naming the field', async () => {
    const healthTask = await taskId(t, a.planId, 'draft-plan', 'health-bureau')
    for (const [client, task] of [
      [bFinance, bTask],
      [aHealth, healthTask],
    ] as const) {
      const response = await client.post(`/api/tasks/${task}/events`, {
        type: 'SUBMIT',
        data: { summary: '已落实', evidence: [leaked] },
      })
      expect(response.status, client.username).toBe(422)
      const body = (await response.json()) as {
        error: { code: string; issues: Array<{ pointer: string }> }
      }
      expect(body.error.code).toBe('invalid-form-data')
      expect(body.error.issues.map((issue) => issue.pointer)).toEqual(['/data/evidence/0'])
    }
    expect((await bFinance.get(`/api/attachments/${leaked}`)).status).toBe(404)
  })

  it('refuses the id in another letter case in an attachment field', async () => {
    const response = await bFinance.post(`/api/tasks/${bTask}/events`, {
      type: 'SAVE',
      data: { summary: '草稿', evidence: [leaked.toUpperCase()] },
    })
    expect(response.status).toBe(422)
    expect(
      ((await response.json()) as { error: { issues: Array<{ pointer: string }> } }).error
        .issues[0]!.pointer,
    ).toBe('/data/evidence/0')
  })

  it('lets a colleague who may see the referring task refer to the file again', async () => {
    const response = await aFinanceColleague.post(`/api/tasks/${aTask}/events`, {
      type: 'SAVE',
      data: { summary: '补充', evidence: [leaked] },
    })
    // The task is submitted, so the draft is not accepted — but not for the attachment.
    expect(response.status).not.toBe(422)
  })
})

describe('the attachment reference migration', () => {
  it('backfills references from attachment fields whose file the task’s own user uploaded, and no others', async () => {
    const t = await makeTestApp()
    const { a, b } = await startTwoRegions(t)
    const aFinance = await loginAs(t, 'a-finance', {
      units: [{ policyId: a.policyId, unitId: 'finance-bureau' }],
    })
    const aReviewer = await loginAs(t, 'a-reviewer', {
      roles: ['reviewer'],
      units: [{ policyId: a.policyId, unitId: 'leading-group' }],
    })
    const bFinance = await loginAs(t, 'b-finance', {
      units: [{ policyId: b.policyId, unitId: 'finance-bureau' }],
    })
    const aTask = await taskId(t, a.planId, 'funding', 'finance-bureau')
    const bTask = await taskId(t, b.planId, 'funding', 'finance-bureau')
    const id = await upload(aFinance, 'a.txt', 'A')
    expect(
      (
        await aFinance.post(`/api/tasks/${aTask}/events`, {
          type: 'SUBMIT',
          data: { summary: '已落实', evidence: [id] },
        })
      ).status,
    ).toBe(200)
    // Data written before references existed: region B's task names A's file in its evidence field.
    expect(
      (
        await bFinance.post(`/api/tasks/${bTask}/events`, {
          type: 'SAVE',
          data: { summary: '草稿' },
        })
      ).status,
    ).toBe(200)
    await t.db
      .updateTable('task')
      .set({ data: JSON.stringify({ summary: '草稿', evidence: [id] }) })
      .where('id', '=', bTask)
      .execute()

    await attachmentRefMigration.down(t.db)
    await attachmentRefMigration.up(t.db)

    const refs = await t.db
      .selectFrom('attachment_ref')
      .select(['attachment_id', 'task_id', 'plan_id', 'pointer'])
      .execute()
    expect(refs).toEqual([
      { attachment_id: id, task_id: aTask, plan_id: a.planId, pointer: '/evidence/0' },
    ])
    expect((await aReviewer.get(`/api/attachments/${id}`)).status).toBe(200)
    expect((await bFinance.get(`/api/attachments/${id}`)).status).toBe(404)
  })
})
