/**
 * The notification centre through the real API: a person reads the notifications of its units,
 * newest first and paged, with its own unread count; a read is recorded per person, and whoever
 * sends a 催办 sees on the task who read it. A region's administrators set where its units are
 * reached, and never get a secret back.
 */
import { insertNotification } from '../../server/notifications/insert-notification.ts'
import type { NotificationKind } from '../../server/notifications/insert-notification.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'
const unit = (unitId: string) => ({ units: [{ policyId: POLICY, unitId }] })

describe('the notification centre', () => {
  let t: TestApp
  let planId: string
  let fundingTask: string
  let finance: Client
  let financeColleague: Client
  let health: Client

  async function notify(recipient: string, kind: NotificationKind, message: string) {
    t.clock.advance(60_000)
    const at = t.clock.now().toISOString()
    return t.writes.run((trx) =>
      insertNotification(trx, { planId, taskId: fundingTask, recipient, kind, message, at }),
    )
  }

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    fundingTask = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    finance = await loginAs(t, 'finance', unit('county-finance-bureau'))
    financeColleague = await loginAs(t, 'finance-2', unit('county-finance-bureau'))
    health = await loginAs(t, 'health', unit('county-health-bureau'))
    await notify('county-finance-bureau', 'remind', '提醒：任务截止日 2018-06-30')
    await notify('county-health-bureau', 'remind', '提醒：卫计局的任务')
    await notify('county-finance-bureau', 'urge', '催办：任务截止日 2018-06-30')
    await notify('county-finance-bureau', 'supervise', '督办：任务截止日 2018-06-30')
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  it('lists the notifications of my units newest first, with my unread count, and not another unit’s', async () => {
    const answer = await (await finance.get('/api/notifications')).json()
    expect(answer.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      'supervise',
      'urge',
      'remind',
    ])
    expect(answer).toMatchObject({ unread: 3, total: 3 })
    expect(answer.notifications[0]).toMatchObject({
      planId,
      taskId: fundingTask,
      taskTitle: '完善投入政策',
      recipient: 'county-finance-bureau',
      readAt: null,
    })
    const other = await (await health.get('/api/notifications')).json()
    expect(other.notifications.map((n: { message: string }) => n.message)).toEqual([
      '提醒：卫计局的任务',
    ])
    const page = await (await finance.get('/api/notifications?limit=2&offset=2')).json()
    expect(page.notifications.map((n: { kind: string }) => n.kind)).toEqual(['remind'])
    expect(await (await finance.get('/api/notifications/unread-count')).json()).toEqual({
      unread: 3,
    })
  })

  it('refuses a page size that is not a whole number from 1 to 100, saying so', async () => {
    const response = await finance.get('/api/notifications?limit=abc')
    expect(response.status).toBe(400)
    expect((await response.json()).error.message.zh).toContain('limit')
  })

  it('records a read per person: my colleague in the same unit still has it unread', async () => {
    const list = await (await finance.get('/api/notifications')).json()
    const urge = list.notifications.find((n: { kind: string }) => n.kind === 'urge')
    const read = await finance.post(`/api/notifications/${urge.id}/read`)
    expect(read.status).toBe(200)
    expect(await read.json()).toEqual({ read: 1 })
    expect(await (await finance.post(`/api/notifications/${urge.id}/read`)).json()).toEqual({
      read: 0,
    })
    expect((await (await finance.get('/api/notifications/unread-count')).json()).unread).toBe(2)
    expect(
      (await (await financeColleague.get('/api/notifications/unread-count')).json()).unread,
    ).toBe(3)
    const after = await (await finance.get('/api/notifications?unread=true')).json()
    expect(after.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      'supervise',
      'remind',
    ])
  })

  it('answers 404 for another unit’s notification, as for one that does not exist', async () => {
    const list = await (await finance.get('/api/notifications')).json()
    const response = await health.post(`/api/notifications/${list.notifications[0].id}/read`)
    expect(response.status).toBe(404)
    expect((await health.post('/api/notifications/nope/read')).status).toBe(404)
  })

  it('marks all of mine read at once', async () => {
    expect(await (await financeColleague.post('/api/notifications/read-all')).json()).toEqual({
      read: 3,
    })
    expect(
      (await (await financeColleague.get('/api/notifications/unread-count')).json()).unread,
    ).toBe(0)
    expect((await (await finance.get('/api/notifications/unread-count')).json()).unread).toBe(2)
  })

  it('shows on the task who of the unit read each 催办, and when', async () => {
    const detail = await (await finance.get(`/api/tasks/${fundingTask}`)).json()
    expect(detail.urgeReads).toHaveLength(1)
    expect(detail.urgeReads[0]).toMatchObject({ recipient: 'county-finance-bureau' })
    expect(detail.urgeReads[0].reads.map((r: { name: string }) => r.name).sort()).toEqual([
      'finance',
      'finance-2',
    ])
  })
})

describe('a region’s delivery channels', () => {
  let t: TestApp
  let regionId: string
  let admin: Client

  beforeAll(async () => {
    t = await makeTestApp()
    await startBundledPlan(t, 'pingnan')
    regionId = (
      await t.db
        .selectFrom('policy')
        .select('region_id')
        .where('id', '=', POLICY)
        .executeTakeFirstOrThrow()
    ).region_id
    admin = await loginAs(t, 'region-officer', { roles: ['region-admin'], regionId })
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  const DING = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef'
  const DING_SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef'
  const WECOM =
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'

  it('stores the channels and answers their secrets masked, in the answer, the list and the audit log', async () => {
    const response = await admin.put(`/api/regions/${regionId}/channels`, {
      channels: [
        { unit: 'county-finance-bureau', kind: 'email', target: 'czj@example.gov.cn' },
        { unit: 'county-finance-bureau', kind: 'dingtalk', target: DING, secret: DING_SECRET },
        { unit: 'county-health-bureau', kind: 'wecom', target: WECOM },
      ],
    })
    expect(response.status).toBe(200)
    const text = await response.text()
    const listed = await (await admin.get(`/api/regions/${regionId}/channels`)).text()
    const audit = await t.db
      .selectFrom('audit_log')
      .select('payload')
      .where('action', '=', 'region.channels')
      .execute()
    for (const shown of [text, listed, JSON.stringify(audit)]) {
      expect(shown).not.toContain('0123456789abcdef0123456789abcdef')
      expect(shown).not.toContain('693a91f6-7xxx')
    }
    const { channels } = JSON.parse(listed)
    expect(channels).toContainEqual(
      expect.objectContaining({
        kind: 'dingtalk',
        target: 'https://oapi.dingtalk.com/robot/send?access_token=0123…',
        secret: 'SEC0…',
      }),
    )
    expect(channels).toContainEqual(
      expect.objectContaining({ kind: 'email', target: 'czj@example.gov.cn', secret: null }),
    )
  })

  it('keeps a channel’s stored webhook and secret when it is named by id without them', async () => {
    const { channels } = await (await admin.get(`/api/regions/${regionId}/channels`)).json()
    const ding = channels.find((c: { kind: string }) => c.kind === 'dingtalk')
    const response = await admin.put(`/api/regions/${regionId}/channels`, {
      channels: [{ id: ding.id, unit: 'county-finance-bureau', kind: 'dingtalk' }],
    })
    expect(response.status).toBe(200)
    const stored = await t.db.selectFrom('notify_channel').selectAll().execute()
    expect(stored).toEqual([
      expect.objectContaining({ id: ding.id, target: DING, secret: DING_SECRET }),
    ])
  })

  it('refuses a bad address or webhook at its pointer, writing nothing', async () => {
    const response = await admin.put(`/api/regions/${regionId}/channels`, {
      channels: [
        { unit: 'county-finance-bureau', kind: 'email', target: 'not an address' },
        { unit: 'county-finance-bureau', kind: 'dingtalk', target: 'http://example.com/robot' },
        { unit: 'county-finance-bureau', kind: 'wecom', target: WECOM, secret: 'SECabcdefgh' },
      ],
    })
    expect(response.status).toBe(422)
    const { error } = await response.json()
    expect(error.issues.map((i: { pointer: string }) => i.pointer)).toEqual([
      '/channels/0/target',
      '/channels/1/target',
      '/channels/2/secret',
    ])
    expect(error.issues[1].message.zh).toContain('https://')
    expect(await t.db.selectFrom('notify_channel').select('id').execute()).toHaveLength(1)
  })

  it('lets only the region’s administrators read or set them', async () => {
    const department = await loginAs(t, 'dept', {
      regionId,
      units: [{ policyId: POLICY, unitId: 'county-finance-bureau' }],
    })
    expect((await department.get(`/api/regions/${regionId}/channels`)).status).toBe(403)
    expect(
      (await department.put(`/api/regions/${regionId}/channels`, { channels: [] })).status,
    ).toBe(403)
    expect((await admin.get('/api/regions/nowhere/channels')).status).toBe(404)
  })
})
