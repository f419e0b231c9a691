/**
 * 延期申请, 办结销号 and 催办 by a person on the minimal policy, in simulated time: an approved
 * extension moves the whole escalation ladder to the new date (the old 提醒/催办 never fire, the new
 * ones do, 督办 counted in working days), a refused one keeps the date, a request after the
 * deadline is refused; a duty that requires evidence is not closed out without an attachment; a
 * 催办 reaches the unit's history and notifications once a day at most; the audit chain holds.
 */
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { nextTimerAt, runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_SOURCE, validateWithSource, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

/** The minimal policy with 制定方案 closed out only with evidence. */
const POLICY = withReplaced(
  '    phase: drafting\n    due: 2018年4月上旬\n',
  '    phase: drafting\n    due: 2018年4月上旬\n    closeOut: { evidence: required }\n',
)

let t: TestApp
let planId: string
let policyId: string
let lead: string
let support: string

const as = (name: string, unitId: string, roles: string[] = []) =>
  loginAs(t, name, { roles: roles as never, units: [{ policyId, unitId }] })

/** Moves the clock forward, running the scheduler at each pending timer on the way. */
async function advanceTo(instant: string): Promise<void> {
  const target = new Date(instant).toISOString()
  for (;;) {
    const next = await nextTimerAt(t.db)
    if (!next || next > target) break
    t.clock.set(next)
    await runDueTimers(t, t.clock)
  }
  t.clock.set(target)
  await runDueTimers(t, t.clock)
}

const ladderOf = (taskId: string) =>
  t.db
    .selectFrom('timer')
    .select(['kind', 'status', 'fire_at'])
    .where('task_id', '=', taskId)
    .orderBy('fire_at')
    .orderBy('status')
    .execute()

const noticesTo = (recipient: string) =>
  t.db
    .selectFrom('notification')
    .select(['kind', 'task_id', 'sender', 'message', 'at'])
    .where('recipient', '=', recipient)
    .orderBy('at')
    .execute()

async function json(response: Response): Promise<{ status: number; body: any }> {
  return { status: response.status, body: await response.json() }
}

/** A fresh app with the plan of `yaml` started on 2 April 2018. */
async function start(yaml = POLICY): Promise<void> {
  t = await makeTestApp('2018-04-02T09:00:00+08:00')
  const { version } = await publishPolicy(t, t.clock, 'test', { yaml, sourceText: MINIMAL_SOURCE })
  const started = await startPlan(t, t.clock, 'test', { versionId: version.id })
  planId = started.plan.id
  policyId = started.plan.policy_id
  lead = await taskId(t, planId, 'draft-plan', 'reform-office')
  support = await taskId(t, planId, 'draft-plan', 'health-bureau')
}

describe('延期申请', () => {
  beforeEach(() => start())

  it('moves the ladder with an approved extension: the old 提醒 and 催办 never fire, the new ones do on the new date', async () => {
    t.clock.set('2018-04-04T10:00:00+08:00')
    const unit = await as('reform', 'reform-office')
    expect((await unit.get(`/api/tasks/${lead}`).then(json)).body).toMatchObject({
      dueOn: '2018-04-10',
      originalDueOn: null,
      mayRequestExtension: true,
    })
    const asked = await unit
      .post(`/api/tasks/${lead}/extension`, {
        dueOn: '2018-04-20',
        reason: '需补充调研',
        percent: 60,
        progress: '已完成初稿',
      })
      .then(json)
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({
      status: 'pending',
      dueFrom: '2018-04-10',
      dueTo: '2018-04-20',
    })
    const again = await unit
      .post(`/api/tasks/${lead}/extension`, { dueOn: '2018-04-21', reason: '再申请' })
      .then(json)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('extension-pending')
    const reviewerId = asked.body.reviewer as string
    expect((await noticesTo(reviewerId)).map((n) => n.kind)).toContain('extension-requested')

    const reviewer = await as('office', reviewerId, ['reviewer'])
    expect((await reviewer.get(`/api/tasks/${lead}`).then(json)).body.mayDecideExtension).toBe(true)
    const decided = await reviewer
      .post(`/api/tasks/${lead}/extension/decision`, { approve: true, note: '同意' })
      .then(json)
    expect(decided.status).toBe(200)
    expect(decided.body).toMatchObject({ status: 'approved', note: '同意' })
    const view = (await unit.get(`/api/tasks/${lead}`).then(json)).body
    expect(view).toMatchObject({ dueOn: '2018-04-20', originalDueOn: '2018-04-10' })
    expect(view.history.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['EXTENSION_REQUESTED', 'EXTENSION_APPROVED']),
    )
    expect((await noticesTo('reform-office')).map((n) => n.kind)).toContain('extension-decided')

    // Past the old date and the old 催办: nothing about this task has fired.
    await advanceTo('2018-04-13T12:00:00+08:00')
    const early = (await noticesTo('reform-office')).filter((n) => n.task_id === lead)
    expect(early.map((n) => n.kind)).toEqual(['extension-decided'])
    const ladder = await ladderOf(lead)
    expect(ladder.filter((timer) => timer.status === 'cancelled').map((x) => x.kind)).toEqual([
      'remind',
    ])
    expect(ladder.filter((timer) => timer.status === 'pending')).toEqual([
      {
        kind: 'remind',
        status: 'pending',
        fire_at: new Date('2018-04-17T09:00:00+08:00').toISOString(),
      },
    ])

    // The new ladder: 提醒 three days before 20 April, 催办 after it, 督办 five working days on.
    await advanceTo('2018-04-30T12:00:00+08:00')
    const fired = (await noticesTo('reform-office')).filter(
      (n) => n.task_id === lead && n.sender === null,
    )
    // 20 April 2018 is a Friday: five working days on is Friday 27 April.
    expect(fired.map((n) => [n.kind, n.at.slice(0, 10)])).toEqual([
      ['remind', '2018-04-17'],
      ['urge', '2018-04-20'],
      ['supervise', '2018-04-27'],
    ])
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })

  it('keeps the date and the ladder when the extension is refused', async () => {
    const unit = await as('reform', 'reform-office')
    const asked = await unit
      .post(`/api/tasks/${lead}/extension`, { dueOn: '2018-04-20', reason: '需补充调研' })
      .then(json)
    const before = await ladderOf(lead)
    const reviewer = await as('office', asked.body.reviewer, ['reviewer'])
    const refused = await reviewer
      .post(`/api/tasks/${lead}/extension/decision`, { approve: false, note: '请按期完成' })
      .then(json)
    expect(refused.body).toMatchObject({ status: 'refused' })
    expect((await unit.get(`/api/tasks/${lead}`).then(json)).body).toMatchObject({
      dueOn: '2018-04-10',
      originalDueOn: null,
    })
    expect(await ladderOf(lead)).toEqual(before)
    const told = (await noticesTo('reform-office')).find((n) => n.kind === 'extension-decided')
    expect(told?.message).toContain('未同意')
  })

  it('refuses a request after the deadline with 409 extension-too-late, in Chinese and English', async () => {
    t.clock.set('2018-04-11T09:00:00+08:00')
    const unit = await as('reform', 'reform-office')
    const late = await unit
      .post(`/api/tasks/${lead}/extension`, { dueOn: '2018-04-20', reason: '来不及' })
      .then(json)
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('extension-too-late')
    expect(late.body.error.message.zh).toContain('2018-04-10')
    expect(late.body.error.message.en).toContain('before')
    expect(await t.db.selectFrom('extension_request').selectAll().execute()).toEqual([])
  })

  it('refuses a date not after the current one, at /dueOn', async () => {
    const unit = await as('reform', 'reform-office')
    const same = await unit
      .post(`/api/tasks/${lead}/extension`, { dueOn: '2018-04-10', reason: '原因' })
      .then(json)
    expect(same.status).toBe(422)
    expect(same.body.error.issues[0].pointer).toBe('/dueOn')
  })
})

describe('办结销号', () => {
  beforeEach(() => start())

  it('refuses to approve a report without an attachment where evidence is required, then closes it out with one', async () => {
    const unit = await as('reform', 'reform-office')
    const health = await as('health', 'health-bureau')
    const reform = await unit.get(`/api/tasks/${lead}`).then(json)
    expect(reform.body.closeOutEvidence).toBe('required')
    // The supporting unit's contribution first, reviewed by the lead.
    expect(
      (
        await health.post(`/api/tasks/${support}/events`, {
          type: 'SUBMIT',
          data: { summary: '已配合' },
        })
      ).status,
    ).toBe(200)
    expect((await unit.post(`/api/tasks/${support}/events`, { type: 'APPROVE' })).status).toBe(200)
    expect(
      (
        await unit.post(`/api/tasks/${lead}/events`, {
          type: 'SUBMIT',
          data: { summary: '已拟订' },
        })
      ).status,
    ).toBe(200)
    const reviewerId = reform.body.reviewer as string
    const reviewer = await as('office', reviewerId, ['reviewer'])
    const refused = await reviewer.post(`/api/tasks/${lead}/events`, { type: 'APPROVE' }).then(json)
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({ code: 'evidence-required' })
    expect(refused.body.error.issues[0].pointer).toBe('/data')
    expect(
      (await reviewer.post(`/api/tasks/${lead}/events`, { type: 'RETURN', reason: '请附佐证' }))
        .status,
    ).toBe(200)
    const file = (await (
      await unit.raw('/api/attachments', {
        method: 'POST',
        headers: {
          'content-type': 'application/pdf',
          'x-filename': encodeURIComponent('方案.pdf'),
        },
        body: '%PDF-1.4',
      })
    ).json()) as { id: string }
    expect(
      (
        await unit.post(`/api/tasks/${lead}/events`, {
          type: 'RESUBMIT',
          data: { summary: '已拟订', evidence: [file.id] },
        })
      ).status,
    ).toBe(200)
    expect((await reviewer.post(`/api/tasks/${lead}/events`, { type: 'APPROVE' })).status).toBe(200)
    const closed = (await unit.get(`/api/tasks/${lead}`).then(json)).body
    expect(closed.closedOut).toMatchObject({ by: expect.any(String), at: expect.any(String) })
    const approve = closed.history.find((e: { type: string }) => e.type === 'APPROVE')
    expect(approve.payload).toMatchObject({ closeOut: true })
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })
})

describe('催办', () => {
  beforeEach(() => start())

  it('records the office’s 催办 in the history and the unit’s notifications, once a day', async () => {
    t.clock.set('2018-04-08T10:00:00+08:00')
    const office = await as('office', 'leading-group', ['reviewer'])
    const urged = await office
      .post(`/api/tasks/${lead}/urge`, { message: '请于本周内报送方案' })
      .then(json)
    expect(urged.status).toBe(201)
    expect(urged.body).toMatchObject({ from: 'leading-group' })
    const unit = await as('reform', 'reform-office')
    const view = (await unit.get(`/api/tasks/${lead}`).then(json)).body
    expect(view.history.find((e: { type: string }) => e.type === 'URGE')).toMatchObject({
      payload: { message: '请于本周内报送方案', from: 'leading-group' },
    })
    const notice = (await noticesTo('reform-office')).find((n) => n.kind === 'urge')
    expect(notice).toMatchObject({ task_id: lead, message: '催办：请于本周内报送方案' })
    expect(notice?.sender).toEqual(expect.any(String))

    const twice = await office.post(`/api/tasks/${lead}/urge`, { message: '再催' })
    expect(twice.status).toBe(429)
    expect(twice.headers.get('retry-after')).toBe(String(14 * 3600))
    const body = (await twice.json()) as { error: { code: string; nextAt: string } }
    expect(body.error).toMatchObject({
      code: 'urge-too-soon',
      nextAt: new Date('2018-04-09T00:00:00+08:00').toISOString(),
    })
    t.clock.set('2018-04-09T08:00:00+08:00')
    expect(
      (
        await (
          await as('office', 'leading-group', ['reviewer'])
        ).post(`/api/tasks/${lead}/urge`, { message: '再催' })
      ).status,
    ).toBe(201)
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })

  it('lets a lead urge its supporting unit, but not the other way round', async () => {
    const reform = await as('reform', 'reform-office')
    const health = await as('health', 'health-bureau')
    expect((await reform.get(`/api/tasks/${support}`).then(json)).body.mayUrge).toBe(true)
    expect(
      (await reform.post(`/api/tasks/${support}/urge`, { message: '请提供数据' })).status,
    ).toBe(201)
    expect((await noticesTo('health-bureau')).map((n) => n.kind)).toContain('urge')
    // The supporting unit does not see its lead's task at all.
    expect((await health.post(`/api/tasks/${lead}/urge`, { message: '催' })).status).toBe(404)
  })

  it('refuses to urge a finished task', async () => {
    const reform = await as('reform', 'reform-office')
    const health = await as('health', 'health-bureau')
    await health.post(`/api/tasks/${support}/events`, {
      type: 'SUBMIT',
      data: { summary: '已配合' },
    })
    expect((await reform.post(`/api/tasks/${support}/events`, { type: 'APPROVE' })).status).toBe(
      200,
    )
    const refused = await reform.post(`/api/tasks/${support}/urge`, { message: '催' }).then(json)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('task-finished')
  })
})

describe('escalation.extensions in the config', () => {
  const CONFIGURED = `${POLICY}escalation:
  steps:
    - { level: urge, offset: 0, notify: [assignee] }
  extensions: { reviewer: health-bureau, maxDays: 7 }
`

  it('sends requests to the configured reviewer and refuses a date past maxDays at /dueOn', async () => {
    await start(CONFIGURED)
    const unit = await as('reform', 'reform-office')
    const far = await unit
      .post(`/api/tasks/${lead}/extension`, { dueOn: '2018-04-20', reason: '需补充调研' })
      .then(json)
    expect(far.status).toBe(422)
    expect(far.body.error.issues).toEqual([
      expect.objectContaining({
        pointer: '/dueOn',
        message: expect.objectContaining({ zh: '最多可延期 7 天，即不晚于 2018-04-17' }),
      }),
    ])
    const near = await unit
      .post(`/api/tasks/${lead}/extension`, { dueOn: '2018-04-17', reason: '需补充调研' })
      .then(json)
    expect(near.body).toMatchObject({ status: 'pending', reviewer: 'health-bureau' })
    const office = await as('office', 'leading-group', ['reviewer'])
    expect(
      (await office.post(`/api/tasks/${lead}/extension/decision`, { approve: true })).status,
    ).toBe(403)
    const health = await as('health', 'health-bureau')
    // The configured reviewer opens the unit's task while the request waits for it.
    expect((await health.get(`/api/tasks/${lead}`).then(json)).body.mayDecideExtension).toBe(true)
    expect(
      (await health.post(`/api/tasks/${lead}/extension/decision`, { approve: true })).status,
    ).toBe(200)
  })

  it('names an unknown extension reviewer at its pointer', () => {
    const result = validateWithSource(
      CONFIGURED.replace('reviewer: health-bureau', 'reviewer: nobody-here'),
    )
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.issues.map((issue) => issue.pointer)).toContain(
      '/escalation/extensions/reviewer',
    )
  })
})

describe('an extension and a revision of the plan', () => {
  /** Extends 制定方案 to 20 April, then revises the plan to `yaml` (version 1.1.0). */
  async function extendThenRevise(yaml: string) {
    await start()
    const unit = await as('reform', 'reform-office')
    const asked = await unit
      .post(`/api/tasks/${lead}/extension`, { dueOn: '2018-04-20', reason: '需补充调研' })
      .then(json)
    const reviewer = await as('office', asked.body.reviewer, ['reviewer'])
    await reviewer.post(`/api/tasks/${lead}/extension/decision`, { approve: true })
    await publishPolicy(t, t.clock, 'test', { yaml, sourceText: MINIMAL_SOURCE })
    const office = await as('office', 'leading-group', ['reviewer'])
    const path = `/api/plans/${planId}/migration`
    const preview = await office.post(path, { toVersion: '1.1.0', dryRun: true }).then(json)
    const applied = await office.post(path, {
      toVersion: '1.1.0',
      planRevision: preview.body.planRevision,
    })
    expect(applied.status).toBe(200)
    return (await unit.get(`/api/tasks/${lead}`).then(json)).body
  }

  it('keeps the extension when the revision keeps the document’s deadline', async () => {
    const view = await extendThenRevise(
      withReplaced('  version: 1.0.0', '  version: 1.1.0', POLICY),
    )
    expect(view).toMatchObject({ dueOn: '2018-04-20', originalDueOn: '2018-04-10' })
  })

  it('takes the revision’s date when the revision moves the deadline', async () => {
    const moved = withReplaced(
      '    due: 2018年4月上旬\n    closeOut',
      '    due: 2018年4月30日前\n    closeOut',
      withReplaced('  version: 1.0.0', '  version: 1.1.0', POLICY),
    )
    const view = await extendThenRevise(moved)
    expect(view).toMatchObject({ dueOn: '2018-04-30', originalDueOn: null })
  })
})
