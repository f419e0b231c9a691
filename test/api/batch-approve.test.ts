/**
 * POST /api/tasks/approve: a reviewer approves several submitted reports in one request. Each
 * approved task has its own transition, history entry and audit entry; each refused one is
 * reported with its reason and nothing of it is written.
 */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'
const unit = (unitId: string) => ({ units: [{ policyId: POLICY, unitId }] })

async function submitWithEvidence(client: Client, id: string, summary: string): Promise<void> {
  const upload = await client.raw('/api/attachments', {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', 'x-filename': encodeURIComponent('意见.pdf') },
    body: '%PDF-1.4 test',
  })
  const attachment = (await upload.json()) as { id: string }
  const response = await client.post(`/api/tasks/${id}/events`, {
    type: 'SUBMIT',
    data: { summary, evidence: [attachment.id] },
  })
  expect(response.status).toBe(200)
}

describe('POST /api/tasks/approve', () => {
  let t: TestApp
  let planId: string
  let finance: Client
  let admin: Client

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    finance = await loginAs(t, 'finance', unit('county-finance-bureau'))
    admin = await loginAs(t, 'admin', { roles: ['admin'] })
  })
  afterAll(async () => {
    await t.db.destroy()
  })

  it('approves each submitted report it may, and reports each refusal without writing it', async () => {
    const reform = await loginAs(t, 'reform-office', unit('county-reform-office'))
    const health = await loginAs(t, 'health', unit('county-health-bureau'))
    const fromReform = await taskId(t, planId, 'safeguard-funding', 'county-reform-office')
    const fromHealth = await taskId(t, planId, 'safeguard-funding', 'county-health-bureau')
    await submitWithEvidence(reform, fromReform, '医改办配合意见')
    await submitWithEvidence(health, fromHealth, '卫计局配合意见')
    // Its own lead task is not awaiting its review: refused as a single APPROVE would be.
    const own = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')

    const response = await finance.post('/api/tasks/approve', {
      taskIds: [fromReform, own, fromHealth, 'no-such-task'],
      comment: '同意',
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      approved: number
      failed: number
      results: Array<{
        id: string
        ok: boolean
        task?: { state: string }
        error?: { code: string; message: { zh: string; en: string } }
      }>
    }
    expect(body).toMatchObject({ approved: 2, failed: 2 })
    expect(body.results.map((result) => [result.id, result.ok])).toEqual([
      [fromReform, true],
      [own, false],
      [fromHealth, true],
      ['no-such-task', false],
    ])
    expect(body.results[0]!.task!.state).toBe('approved')
    expect(body.results[1]!.error!.code).toBe('forbidden')
    expect(body.results[1]!.error!.message.zh).toContain('APPROVE')
    expect(body.results[3]!.error!.code).toBe('not-found')

    // The lead task stays as it was, but for the two contributions its reviewer just accepted.
    const ownAfter = (await (await finance.get(`/api/tasks/${own}`)).json()) as {
      state: string
      context: { pendingContributions: number }
      history: Array<{ type: string }>
    }
    expect(ownAfter.state).toBe('assigned')
    expect(ownAfter.context.pendingContributions).toBe(0)
    expect(ownAfter.history.map((entry) => entry.type)).not.toContain('APPROVE')

    for (const id of [fromReform, fromHealth]) {
      const audit = (await (
        await admin.get(`/api/audit?entity=task&entityId=${id}&action=task.approve`)
      ).json()) as { entries: Array<{ payload: { from: string; to: string } }> }
      expect(audit.entries.map((entry) => [entry.payload.from, entry.payload.to])).toEqual([
        ['submitted', 'approved'],
      ])
    }
    const ownAudit = (await (
      await admin.get(`/api/audit?entity=task&entityId=${own}&action=task.approve`)
    ).json()) as { entries: unknown[] }
    expect(ownAudit.entries).toEqual([])
  })

  it('answers another unit’s task as a missing one and audits the attempt', async () => {
    const other = await taskId(t, planId, 'safeguard-funding', 'county-health-bureau')
    const price = await loginAs(t, 'price', unit('county-price-bureau'))
    const body = (await (await price.post('/api/tasks/approve', { taskIds: [other] })).json()) as {
      results: Array<{ ok: boolean; error?: { code: string } }>
    }
    expect(body.results).toEqual([
      { id: other, ok: false, error: { code: 'not-found', message: expect.any(Object) } },
    ])
    const denied = (await (
      await admin.get(`/api/audit?action=access.denied&entityId=${other}`)
    ).json()) as { entries: unknown[] }
    expect(denied.entries).toHaveLength(1)
  })

  it('refuses an empty list at /taskIds, writing nothing', async () => {
    const response = await finance.post('/api/tasks/approve', { taskIds: [] })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { issues: Array<{ pointer: string }> } }
    expect(body.error.issues[0]!.pointer).toBe('/taskIds')
  })
})
