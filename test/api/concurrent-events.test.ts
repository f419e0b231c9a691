/**
 * Events sent to one task at the same moment: on PostgreSQL several writes run side by side, so
 * one can read the task just before another commits. Each event without If-Match is applied to
 * the task as it then is, every one of them; of events sent with the same If-Match exactly one
 * is applied and the rest answer 409. A write that loses a race at its update runs again.
 */
import { TaskChangedError } from '../../server/errors.ts'
import { startOfficePlan } from '../helpers/office-documents.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

let t: TestApp
let drafter: Client
let taskId: string

beforeEach(async () => {
  t = await makeTestApp()
  const { planId, hostileId } = await startOfficePlan(t)
  const { policy_id: policyId } = await t.db
    .selectFrom('plan')
    .select('policy_id')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow()
  drafter = await loginAs(t, 'drafter', { units: [{ policyId, unitId: 'reform-office' }] })
  taskId = hostileId
  expect((await drafter.post(`/api/tasks/${taskId}/events`, { type: 'START' })).status).toBe(200)
})
afterEach(async () => {
  await t.db.destroy()
})

const version = async () =>
  (
    await t.db
      .selectFrom('task')
      .select('version')
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow()
  ).version

const AT_ONCE = 12

describe('events sent to one task at once', () => {
  it('applies every one sent without If-Match, each on the task as the one before left it', async () => {
    const before = await version()
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, n) =>
        drafter.post(`/api/tasks/${taskId}/events`, {
          type: 'SAVE',
          data: { summary: `第${n}稿` },
        }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(AT_ONCE).fill(200))
    expect(await version()).toBe(before + AT_ONCE)
    const saves = await t.db
      .selectFrom('task_event')
      .select('seq')
      .where('task_id', '=', taskId)
      .where('type', '=', 'SAVE')
      .execute()
    expect(saves).toHaveLength(AT_ONCE)
  })

  it('applies one of those sent with the same If-Match and answers the rest 409', async () => {
    const before = await version()
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, n) =>
        drafter.post(
          `/api/tasks/${taskId}/events`,
          { type: 'SAVE', data: { summary: `第${n}稿` } },
          { 'if-match': String(before) },
        ),
      ),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([200, ...Array(AT_ONCE - 1).fill(409)])
    expect(await version()).toBe(before + 1)
  })
})

describe('a write that loses a race at its update', () => {
  it('runs again until a run wins, and answers with that run’s value', async () => {
    let runs = 0
    const value = await t.writes.run(async () => {
      runs += 1
      if (runs < 3) throw new TaskChangedError()
      return 'written'
    })
    expect([value, runs]).toEqual(['written', 3])
  })

  it('answers 409 version-mismatch when it keeps losing', async () => {
    let runs = 0
    const refused = await t.writes
      .run(async () => {
        runs += 1
        throw new TaskChangedError()
      })
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TaskChangedError)
    expect((refused as TaskChangedError).status).toBe(409)
    expect(runs).toBe(5)
  })
})
