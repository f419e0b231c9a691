/**
 * A duty with a lead and supporting units, through the real API: contributions, consolidation,
 * a form error corrected, a return with a reason, the resubmission and the approval.
 */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'
const unit = (unitId: string) => ({ units: [{ policyId: POLICY, unitId }] })

async function send(
  client: Client,
  id: string,
  body: object,
  headers: Record<string, string> = {},
) {
  const response = await client.post(`/api/tasks/${id}/events`, body, headers)
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

describe('a measure with a lead and supporting units (Pingnan 四、(二) 完善投入政策)', () => {
  let t: TestApp
  let planId: string
  let finance: Client
  let reformOffice: Client
  let health: Client
  let office: Client

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    finance = await loginAs(t, 'finance', unit('county-finance-bureau'))
    reformOffice = await loginAs(t, 'reform-office', unit('county-reform-office'))
    health = await loginAs(t, 'health', unit('county-health-bureau'))
    office = await loginAs(t, 'office', { roles: ['reviewer'], ...unit('leadership-group-office') })
  })

  it('gives the lead a task that waits for two contributions, each reviewed by the lead', async () => {
    const lead = await (
      await finance.get(
        `/api/tasks/${await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')}`,
      )
    ).json()
    expect(lead).toMatchObject({
      title: '完善投入政策',
      role: 'lead',
      state: 'assigned',
      reviewer: 'leadership-group-office',
    })
    expect(lead.source).toEqual({
      clause: '四、(二)',
      quote: '(牵头单位:县财政局;配合单位:县医改办、卫计局)',
    })
    expect(lead.context.pendingContributions).toBe(2)
    expect(
      lead.contributions.map((c: { assignee: { name: string } }) => c.assignee.name).sort(),
    ).toEqual(['县医改办', '县卫计局'])
    const inbox = await (await reformOffice.get('/api/tasks')).json()
    const contribution = inbox.tasks.find(
      (task: { sourceId: string }) => task.sourceId === 'safeguard-funding',
    )
    expect(contribution).toMatchObject({ role: 'support', state: 'assigned' })
  })

  it('refuses the lead’s submission while contributions are outstanding, saying which events it accepts', async () => {
    const id = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    const refused = await send(finance, id, { type: 'SUBMIT', data: { summary: '已落实' } })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({
      code: 'event-not-accepted',
      state: 'assigned',
      accepted: ['SAVE', 'START'],
    })
  })

  it('takes contributions, shows a form error at its field, and counts each accepted one down', async () => {
    const lead = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    for (const [client, unitId] of [
      [reformOffice, 'county-reform-office'],
      [health, 'county-health-bureau'],
    ] as const) {
      const id = await taskId(t, planId, 'safeguard-funding', unitId)
      const empty = await send(client, id, { type: 'SUBMIT', data: { summary: '' } })
      expect(empty.status).toBe(422)
      expect(empty.body.error.issues[0]).toMatchObject({ pointer: '/data/summary', code: 'empty' })
      const upload = await client.raw('/api/attachments', {
        method: 'POST',
        headers: {
          'content-type': 'application/pdf',
          'x-filename': encodeURIComponent('配合意见.pdf'),
        },
        body: '%PDF-1.4 test',
      })
      expect(upload.status).toBe(201)
      const attachment = (await upload.json()) as { id: string }
      expect(
        (
          await send(client, id, {
            type: 'SUBMIT',
            data: { summary: `${unitId} 配合意见`, evidence: [attachment.id] },
          })
        ).status,
      ).toBe(200)
      // The lead reviews its supporting units' contributions.
      expect((await send(finance, id, { type: 'APPROVE' })).body.state).toBe('approved')
    }
    const detail = await (await finance.get(`/api/tasks/${lead}`)).json()
    expect(detail.context.pendingContributions).toBe(0)
    expect(
      detail.contributions.map((c: { data: { summary: string } }) => c.data.summary).sort(),
    ).toEqual(['county-health-bureau 配合意见', 'county-reform-office 配合意见'])
  })

  it('runs submit → return with a reason → resubmit → approve, and keeps the history', async () => {
    const id = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    expect(
      (await send(finance, id, { type: 'SUBMIT', data: { summary: '已统筹落实补助资金' } })).body
        .state,
    ).toBe('submitted')
    expect((await send(office, id, { type: 'RETURN' })).status).toBe(409) // a return needs its reason
    const returned = await send(office, id, { type: 'RETURN', reason: '请补充资金到位情况' })
    expect(returned.body.state).toBe('returned')
    expect((await send(finance, id, { type: 'APPROVE' })).status).toBe(403) // the lead cannot approve itself
    expect(
      (
        await send(finance, id, {
          type: 'RESUBMIT',
          data: { summary: '已统筹落实补助资金，到位率100%' },
        })
      ).body.state,
    ).toBe('submitted')
    expect((await send(office, id, { type: 'APPROVE', comment: '同意' })).body.state).toBe(
      'approved',
    )
    const detail = await (await office.get(`/api/tasks/${id}`)).json()
    expect(detail.history.map((event: { type: string }) => event.type)).toEqual([
      'CONTRIBUTION_ACCEPTED',
      'CONTRIBUTION_ACCEPTED',
      'SUBMIT',
      'RETURN',
      'RESUBMIT',
      'APPROVE',
    ])
    expect(detail.history[3].payload).toEqual({ reason: '请补充资金到位情况' })
    expect(detail.data).toEqual({ summary: '已统筹落实补助资金，到位率100%' })
    expect(detail.allowedEvents).toEqual([])
  })

  it('notifies the reviewer of a submission and the unit of a return', async () => {
    const kinds = await t.db
      .selectFrom('notification')
      .select(['recipient', 'kind'])
      .where('kind', 'in', ['submitted', 'returned'])
      .execute()
    expect(kinds).toEqual(
      expect.arrayContaining([
        { recipient: 'leadership-group-office', kind: 'submitted' },
        { recipient: 'county-finance-bureau', kind: 'returned' },
      ]),
    )
  })

  it('writes every change to a hash-chained audit log that verifies', async () => {
    const admin = await loginAs(t, 'admin', { roles: ['admin'] })
    const verify = await (await admin.get('/api/audit/verify')).json()
    expect(verify.ok).toBe(true)
    const entries = await (
      await admin.get(
        `/api/audit?entity=task&entityId=${await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')}`,
      )
    ).json()
    expect(entries.entries.map((entry: { action: string }) => entry.action).reverse()).toEqual([
      'task.contribution_accepted',
      'task.contribution_accepted',
      'task.submit',
      'task.return',
      'task.resubmit',
      'task.approve',
    ])
  })

  it('reports the first broken link, in the tampered row’s chain, when a row is tampered with', async () => {
    await t.db
      .updateTable('audit_log')
      .set({ payload: '{"forged":true}' })
      .where('seq', '=', 3)
      .execute()
    const tampered = await t.db
      .selectFrom('audit_log')
      .select(['chain', 'chain_seq'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow()
    const admin = await loginAs(t, 'admin2', { roles: ['admin'] })
    expect(await (await admin.get('/api/audit/verify')).json()).toMatchObject({
      ok: false,
      chain: tampered.chain,
      brokenAt: tampered.chain_seq,
    })
  })
})
