/**
 * Notifications on PostgreSQL: two delivery workers on two connections work one outbox, and each
 * delivery reaches the (real, loopback) robot receiver exactly once; the notification centre
 * lists, counts and marks read there as on SQLite.
 */
import type { Kysely } from 'kysely'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { runDueDeliveries } from '../../server/notifications/delivery-worker.ts'
import { insertNotification } from '../../server/notifications/insert-notification.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { startRobotReceiver } from '../helpers/delivery-receivers.ts'
import type { RobotReceiver } from '../helpers/delivery-receivers.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE } from '../helpers/minimal-policy.ts'
import { postgresTestApp, startMigratedPostgres } from '../helpers/postgres.ts'
import { loginAs } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const ROBOT_PORT = 4424
const SECRET = 'SECpostgres0secret0abcdef0123456789'

describe('notifications on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let second: Kysely<Database>
  let robot: RobotReceiver
  let t: TestApp
  let planId: string
  let policyId: string

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_notifications')
    second = await createDb({ kind: 'postgres', url: pg.url })
    t = postgresTestApp(pg, 'notifications', '2018-04-02T09:00:00+08:00')
    const clock = t.clock
    const { version } = await publishPolicy(t, clock, 'test', {
      yaml: MINIMAL_POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    const started = await startPlan(t, clock, 'test', { versionId: version.id })
    planId = started.plan.id
    policyId = started.plan.policy_id
    const { region_id: regionId } = await pg.db
      .selectFrom('policy')
      .select('region_id')
      .where('id', '=', policyId)
      .executeTakeFirstOrThrow()
    const admin = await loginAs(t, 'root', { roles: ['admin'] })
    const base = `http://127.0.0.1:${ROBOT_PORT}`
    const channels = await admin.put(`/api/regions/${regionId}/channels`, {
      channels: [
        { unit: 'finance-bureau', kind: 'wecom', target: `${base}/wecom?key=k0123456789abcdef` },
        {
          unit: 'finance-bureau',
          kind: 'dingtalk',
          target: `${base}/ding?access_token=t0123456789abcdef`,
          secret: SECRET,
        },
      ],
    })
    expect(channels.status).toBe(200)
    robot = await startRobotReceiver(ROBOT_PORT, SECRET)
  }, 120_000)

  afterAll(async () => {
    await robot?.close()
    await second?.destroy()
    await pg?.stop()
  })

  it('delivers each of twenty 督办 deliveries exactly once with two workers on two connections', async () => {
    for (let n = 0; n < 10; n++) {
      t.clock.advance(1000)
      const at = t.clock.now().toISOString()
      await t.writes.run((trx) =>
        insertNotification(trx, {
          planId,
          taskId: null,
          recipient: 'finance-bureau',
          kind: 'supervise',
          message: `督办 ${n}`,
          at,
        }),
      )
    }
    const runs = await Promise.all([
      runDueDeliveries(t, t.clock, { owner: 'one' }),
      runDueDeliveries({ db: second, writes: new GroupCommitter(second) }, t.clock, {
        owner: 'two',
      }),
    ])
    expect(runs[0].sent + runs[1].sent).toBe(20)
    const received = robot.requests.map(
      (request) =>
        `${request.path} ${request.body.markdown.text ?? request.body.markdown.content ?? ''}`,
    )
    expect(received).toHaveLength(20)
    for (let n = 0; n < 10; n++) {
      expect(
        received.filter((text) => text.startsWith('/ding') && text.includes(`督办 ${n}`)),
      ).toHaveLength(1)
      expect(
        received.filter((text) => text.startsWith('/wecom') && text.includes(`督办 ${n}`)),
      ).toHaveLength(1)
    }
    expect(
      robot.requests.filter((request) => request.path === '/ding').every((r) => r.signed),
    ).toBe(true)
  })

  it('lists, counts and marks read the unit’s notifications', async () => {
    const finance = await loginAs(t, 'finance', { units: [{ policyId, unitId: 'finance-bureau' }] })
    const list = await (await finance.get('/api/notifications?limit=3')).json()
    expect(list).toMatchObject({ unread: 10, total: 10 })
    expect(list.notifications.map((n: { message: string }) => n.message)).toEqual([
      '督办 9',
      '督办 8',
      '督办 7',
    ])
    expect(await (await finance.post('/api/notifications/read-all')).json()).toEqual({ read: 10 })
    expect(await (await finance.get('/api/notifications/unread-count')).json()).toEqual({
      unread: 0,
    })
  })
})
