/**
 * 督办 over Pingnan's plan in simulated time, through the HTTP app, with its policy published with
 * three-colour lights and monthly progress reports added: the 县医改办's 制定方案 is extended to
 * 8 October 2018 (the Monday after National Day, whose make-up working days fell on 29–30
 * September), so its old ladder never fires and the new one does; a missed May report is reminded
 * and brought to the office; the light turns blue and red on the right days; 县人民医院 splits its
 * 组建方案 for a township health centre below it and may report only once that is approved; the
 * office's 催办 is read with a receipt. Every notification made is delivered once per channel of
 * its unit (e-mail for the 医改办, a 钉钉 robot for 县人民医院), reminders in one daily digest.
 */
import { readFileSync } from 'node:fs'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { runDueDeliveries } from '../../server/notifications/delivery-worker.ts'
import { nextTimerAt, runDueTimers } from '../../server/timers/scheduler.ts'
import { startRobotReceiver, startSmtpReceiver } from '../helpers/delivery-receivers.ts'
import type { RobotReceiver, SmtpReceiver } from '../helpers/delivery-receivers.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const SMTP_PORT = 4430
const ROBOT_PORT = 4431
const DING_SECRET = 'SECpingnan0secret0abcdef0123456789abcdef0123'
const SMTP_PASSWORD = 'pingnan0smtp0password'

/** Pingnan's bundled policy with the default ladder written out, lights and monthly reports. */
const POLICY = `${readFileSync('policies/pingnan/medical-alliance-2018.yaml', 'utf8')}
escalation:
  steps:
    - { level: remind, offset: -3, notify: [assignee] }
    - { level: urge, offset: 0, notify: [assignee, reviewer] }
    - { level: supervise, offset: 5, workingDays: true, notify: [assignee, office] }
    - { level: circulate, offset: 10, workingDays: true, notify: [leadership] }
  lights: { blueWithinWorkingDays: 2, yellowBehindPercent: 20 }
  progressReports: { every: month }
`
const HOSPITAL = 'county-peoples-hospital'
const TOWNSHIP = 'da-an-health-center'

let t: TestApp
let planId: string
let policyId: string
let draft: string
let smtp: SmtpReceiver
let robot: RobotReceiver

const as = (name: string, unitId: string, roles: string[] = []) =>
  loginAs(t, name, { roles: roles as never, units: [{ policyId, unitId }] })
const reform = () => as('reform', 'county-reform-office')
const office = () => as('office', 'leadership-group-office', ['reviewer'])

async function json(response: Response): Promise<{ status: number; body: any }> {
  return { status: response.status, body: await response.json() }
}

/** Sends every delivery due now, run after run, until nothing is left to send. */
async function drain(): Promise<void> {
  for (;;) {
    const run = await runDueDeliveries(t, t.clock, {
      smtp: {
        host: '127.0.0.1',
        port: SMTP_PORT,
        secure: false,
        user: 'luoshi',
        password: SMTP_PASSWORD,
        from: 'luoshi@example.gov.cn',
      },
      log: () => undefined,
    })
    expect(run.retried + run.failed).toBe(0)
    if (run.sent === 0) return
  }
}

/** Moves the clock forward, firing each timer on the way and delivering what is due each time. */
async function advanceTo(instant: string): Promise<void> {
  const target = new Date(instant).toISOString()
  for (;;) {
    const next = await nextTimerAt(t.db)
    if (!next || next > target) break
    t.clock.set(next)
    await runDueTimers(t, t.clock)
    await drain()
  }
  t.clock.set(target)
  await runDueTimers(t, t.clock)
  await drain()
}

const noticesOf = (taskIdValue: string) =>
  t.db
    .selectFrom('notification')
    .select(['kind', 'recipient', 'message', 'at'])
    .where('task_id', '=', taskIdValue)
    .orderBy('at')
    .orderBy('recipient')
    .execute()

async function lightOn(day: string): Promise<string> {
  await advanceTo(`${day}T09:00:00+08:00`)
  return (await (await reform()).get(`/api/tasks/${draft}`).then(json)).body.light
}

beforeAll(async () => {
  t = await makeTestApp('2018-04-02T09:00:00+08:00')
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml: POLICY,
    sourceText: readFileSync('policies/pingnan/source.txt', 'utf8'),
  })
  const plan = (await startPlan(t, t.clock, 'test', { versionId: version.id })).plan
  planId = plan.id
  policyId = plan.policy_id
  draft = await taskId(t, planId, 'step-draft-plan', 'county-reform-office')
  const regionId = (
    await t.db
      .selectFrom('policy')
      .select('region_id')
      .where('id', '=', policyId)
      .executeTakeFirstOrThrow()
  ).region_id
  const admin = await loginAs(t, 'region-officer', { roles: ['region-admin'], regionId })
  const channels = await admin.put(`/api/regions/${regionId}/channels`, {
    channels: [
      { unit: 'county-reform-office', kind: 'email', target: 'ygb@example.gov.cn' },
      {
        unit: HOSPITAL,
        kind: 'dingtalk',
        target: `http://127.0.0.1:${ROBOT_PORT}/robot/send?access_token=pingnan0token`,
        secret: DING_SECRET,
      },
    ],
  })
  expect(channels.status).toBe(200)
  smtp = await startSmtpReceiver(SMTP_PORT, 'luoshi', SMTP_PASSWORD)
  robot = await startRobotReceiver(ROBOT_PORT, DING_SECRET)
})

afterAll(async () => {
  await smtp?.close()
  await robot?.close()
  await t?.db.destroy()
})

describe('督办 of Pingnan’s plan, April to October 2018', () => {
  it('moves 制定方案 to 8 October on an approved extension, re-planning its ladder and asking for monthly reports', async () => {
    await advanceTo('2018-04-04T10:00:00+08:00')
    const asked = await (
      await reform()
    )
      .post(`/api/tasks/${draft}/extension`, {
        dueOn: '2018-10-08',
        reason: '方案须与医共体试点同步',
        percent: 5,
        progress: '已开始调研',
      })
      .then(json)
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({ reviewer: 'county-government', dueTo: '2018-10-08' })
    const decided = await (
      await as('county', 'county-government', ['reviewer'])
    )
      .post(`/api/tasks/${draft}/extension/decision`, { approve: true, note: '同意' })
      .then(json)
    expect(decided.status).toBe(200)
    expect((await (await reform()).get(`/api/tasks/${draft}`).then(json)).body).toMatchObject({
      dueOn: '2018-10-08',
      originalDueOn: '2018-04-10',
      light: 'green',
    })
    const timers = await t.db
      .selectFrom('timer')
      .select(['kind', 'status', 'fire_at', 'payload'])
      .where('task_id', '=', draft)
      .orderBy('fire_at')
      .execute()
    expect(timers.map((timer) => [timer.kind, timer.status, timer.fire_at])).toEqual([
      ['remind', 'cancelled', new Date('2018-04-07T09:00:00+08:00').toISOString()],
      ['progress-due', 'pending', new Date('2018-04-30T00:00:00+08:00').toISOString()],
      ['remind', 'pending', new Date('2018-10-05T09:00:00+08:00').toISOString()],
    ])
  })

  it('fires nothing of the old ladder past the old deadline of 10 April, and takes April’s report', async () => {
    await advanceTo('2018-04-20T10:00:00+08:00')
    expect((await noticesOf(draft)).map((n) => n.kind)).toEqual([
      'extension-requested',
      'extension-decided',
    ])
    const report = await (
      await reform()
    )
      .post(`/api/tasks/${draft}/progress`, { percent: 10, text: '已完成调研提纲' })
      .then(json)
    expect(report.status).toBe(201)
    expect(report.body.report.period).toBe('2018-04-30')
  })

  it('reminds the 医改办 of its missed May report on 31 May and tells the office 3 working days later', async () => {
    const progress = async () =>
      (await noticesOf(draft))
        .filter((n) => n.message.startsWith('周期反馈'))
        .map((n) => [n.kind, n.recipient, n.at.slice(0, 10)])
    await advanceTo('2018-05-31T08:00:00+08:00')
    expect(await progress()).toEqual([['remind', 'county-reform-office', '2018-05-30']])
    await advanceTo('2018-06-05T08:00:00+08:00')
    expect(await progress()).toEqual([
      ['remind', 'county-reform-office', '2018-05-30'],
      ['supervise', 'county-reform-office', '2018-06-04'],
      ['supervise', 'leadership-group-office', '2018-06-04'],
    ])
    const late = await (
      await reform()
    )
      .post(`/api/tasks/${draft}/progress`, { percent: 40, text: '方案初稿已成' })
      .then(json)
    expect(late.status).toBe(201)
    expect(late.body.report.period).toBe('2018-05-31')
  })

  it('has 县人民医院 split its 组建方案 for a township health centre below it, reporting only once that is approved', async () => {
    await advanceTo('2018-06-21T10:00:00+08:00')
    const parent = await taskId(t, planId, 'step-organize-alliances', HOSPITAL)
    const hospital = await as('hospital', HOSPITAL)
    const split = await hospital
      .post(`/api/tasks/${parent}/subtasks`, {
        items: [
          {
            unit: TOWNSHIP,
            name: '大安镇卫生院',
            dueOn: '2018-06-27',
            instruction: '报送本院加入医共体的意向和科室情况',
          },
        ],
      })
      .then(json)
    expect(split.status).toBe(201)
    const sub = split.body.subTasks[0].id as string
    const approvedOfAll = async () => {
      const subs = (await hospital.get(`/api/tasks/${parent}`).then(json)).body.subTasks as Array<{
        state: string
      }>
      return [subs.filter((s) => s.state === 'approved').length, subs.length]
    }
    expect(await approvedOfAll()).toEqual([0, 1])
    const send = (client: Client, id: string, body: unknown) =>
      client.post(`/api/tasks/${id}/events`, body)
    expect((await send(hospital, parent, { type: 'START' })).status).toBe(200)
    const early = await send(hospital, parent, { type: 'SUBMIT', data: { summary: '组建方案' } })
    expect(early.status).toBe(409)
    expect((await early.json()).error.openSubTasks).toHaveLength(1)

    const township = await as('township', TOWNSHIP)
    expect((await send(township, sub, { type: 'START' })).status).toBe(200)
    expect(
      (await send(township, sub, { type: 'SUBMIT', data: { summary: '同意加入，设全科门诊' } }))
        .status,
    ).toBe(200)
    expect((await send(hospital, sub, { type: 'APPROVE' })).status).toBe(200)
    expect(await approvedOfAll()).toEqual([1, 1])
    const done = await send(hospital, parent, {
      type: 'SUBMIT',
      data: { summary: '组建方案已汇总大安镇卫生院意见' },
    })
    expect(done.status).toBe(200)
  })

  it('is green on Friday 28 September, blue on the 调休 Saturday 29 September and on 8 October, red on 9 October', async () => {
    await advanceTo('2018-09-20T10:00:00+08:00')
    expect(
      (
        await (
          await reform()
        ).post(`/api/tasks/${draft}/progress`, { percent: 90, text: '方案已送审' })
      ).status,
    ).toBe(201)
    // 29 and 30 September and 8 October are working days; 1–7 October are not.
    expect(await lightOn('2018-09-28')).toBe('green')
    expect(await lightOn('2018-09-29')).toBe('blue')
    expect(await lightOn('2018-10-08')).toBe('blue')
    expect(await lightOn('2018-10-09')).toBe('red')
  })

  it('climbs the new ladder from 8 October: 提醒 on 5 October, 催办 after the deadline', async () => {
    const ladder = (await noticesOf(draft))
      .filter((n) => ['remind', 'urge'].includes(n.kind) && !n.message.startsWith('周期反馈'))
      .map((n) => [n.kind, n.recipient, n.at])
    expect(ladder).toEqual([
      ['remind', 'county-reform-office', new Date('2018-10-05T09:00:00+08:00').toISOString()],
      ['urge', 'county-government', new Date('2018-10-09T00:00:00+08:00').toISOString()],
      ['urge', 'county-reform-office', new Date('2018-10-09T00:00:00+08:00').toISOString()],
    ])
  })

  it('brings the office’s 催办 to the 医改办’s notifications, with a read receipt once read', async () => {
    await advanceTo('2018-10-10T10:00:00+08:00')
    const urged = await (
      await office()
    )
      .post(`/api/tasks/${draft}/urge`, { message: '请于本周内报送方案' })
      .then(json)
    expect(urged.status).toBe(201)
    const unit = await reform()
    const list = (await unit.get('/api/notifications?unread=true').then(json)).body
      .notifications as Array<{ id: string; kind: string; message: string }>
    const urge = list.find((n) => n.kind === 'urge' && n.message === '催办：请于本周内报送方案')
    expect(urge).toBeDefined()
    const before = (await (await office()).get(`/api/tasks/${draft}`).then(json)).body
    expect(before.urgeReads.at(-1)).toMatchObject({ notificationId: urge!.id, reads: [] })
    expect((await unit.post(`/api/notifications/${urge!.id}/read`)).status).toBe(200)
    const after = (await (await office()).get(`/api/tasks/${draft}`).then(json)).body
    expect(after.urgeReads.at(-1)).toMatchObject({
      notificationId: urge!.id,
      recipient: 'county-reform-office',
      reads: [
        { userId: expect.any(String), readAt: new Date('2018-10-10T10:00:00+08:00').toISOString() },
      ],
    })
    // The same day the office urges another task of the 医改办 and two of 县人民医院.
    const other = async (unit: string, sourceId: string) => taskId(t, planId, sourceId, unit)
    for (const [unit, sourceId, message] of [
      ['county-reform-office', 'duty-reform-office-and-health-bureau', '请报送评估材料'],
      [HOSPITAL, 'step-council-filing', '请按期备案理事会成员'],
      [HOSPITAL, 'duty-lead-hospitals', '请报送理事会运行情况'],
    ] as const) {
      const response = await (
        await office()
      ).post(`/api/tasks/${await other(unit, sourceId)}/urge`, { message })
      expect(response.status).toBe(201)
    }
  })

  it('delivered every notification once per channel of its unit, reminders in one digest a day', async () => {
    await advanceTo('2018-10-31T18:00:00+08:00')
    const rows = await t.db
      .selectFrom('outbox')
      .innerJoin('notification', 'notification.id', 'outbox.notification_id')
      .innerJoin('notify_channel', 'notify_channel.id', 'outbox.channel_id')
      .select([
        'outbox.status',
        'outbox.idempotency_key',
        'outbox.digest_key',
        'notify_channel.kind as channel',
        'notification.id as notification',
        'notification.recipient',
        'notification.kind',
      ])
      .execute()
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([])
    // Each notification of a unit with a channel has exactly one delivery on it; others none.
    const notifications = await t.db
      .selectFrom('notification')
      .select(['id', 'recipient', 'kind'])
      .execute()
    const channelOf: Record<string, string> = {
      'county-reform-office': 'email',
      [HOSPITAL]: 'dingtalk',
    }
    for (const notification of notifications) {
      const deliveries = rows.filter((row) => row.notification === notification.id)
      const expected = channelOf[notification.recipient]
      expect([notification.kind, deliveries.map((row) => row.channel)]).toEqual([
        notification.kind,
        expected ? [expected] : [],
      ])
    }
    // Something of every kind the run made went through the channels.
    const reached = new Set(rows.map((row) => `${row.channel}:${row.kind}`))
    for (const kind of ['extension-decided', 'remind', 'supervise', 'urge'])
      expect(reached).toContain(`email:${kind}`)
    for (const kind of ['submitted', 'remind', 'supervise'])
      expect(reached).toContain(`dingtalk:${kind}`)
    // One message arrived per key — each digest (one unit, one channel, one day) and each 督办 —
    // none twice and none missing.
    const keys = (channel: string) =>
      [...new Set(rows.filter((row) => row.channel === channel).map((r) => r.idempotency_key))]
        .map((key) => `<${key}@luoshi>`)
        .sort()
    expect(smtp.mails.map((mail) => mail.messageId).sort()).toEqual(keys('email'))
    expect(robot.requests).toHaveLength(keys('dingtalk').length)
    expect(robot.requests.every((request) => request.signed)).toBe(true)
    // Reminders waited for their day's digest; 督办 went alone.
    for (const row of rows)
      expect([row.kind, row.digest_key === null]).toEqual([row.kind, row.kind === 'supervise'])
    const digests = (channel: string) =>
      rows.filter((row) => row.channel === channel && row.digest_key).map((row) => row.digest_key)
    // The 催办 of 10 October went as one digest per unit and channel.
    for (const channel of ['email', 'dingtalk'])
      expect(digests(channel).filter((key) => key!.endsWith('/2018-10-10'))).toHaveLength(2)
    const tenth = smtp.mails.filter((mail) => mail.messageId.endsWith('.2018-10-10@luoshi>'))
    expect(tenth).toHaveLength(1)
    expect(tenth[0]!.text).toContain('请于本周内报送方案')
    expect(tenth[0]!.text).toContain('请报送评估材料')
    const tenthDing = robot.requests.filter((request) =>
      request.body.markdown.text!.includes('请按期备案理事会成员'),
    )
    expect(tenthDing).toHaveLength(1)
    expect(tenthDing[0]!.body.markdown.text).toContain('请报送理事会运行情况')
    const mailDays = smtp.mails
      .map((mail) => /^<digest\..+\.(\d{4}-\d{2}-\d{2})@luoshi>$/.exec(mail.messageId)?.[1])
      .filter((day) => day !== undefined)
    expect(mailDays).toHaveLength(new Set(mailDays).size)
    expect(mailDays).toHaveLength(new Set(digests('email')).size)
  })
})
