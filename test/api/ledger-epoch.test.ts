/**
 * The ledger's order is kept by each process while its plan's ledger epoch stands still: a page
 * follows every change to the order, made by any code path of any process, and what leaves the
 * order as it is (the timers, a report) does not move the epoch.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../server/db/database.ts'
import type { Ledger } from '../../schemas/api/responses.schema.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { startOfficePlan } from '../helpers/office-documents.ts'
import { logIn, loginAs, makeTestApp, PASSWORD, secondInstance } from '../helpers/test-app.ts'

const taskIds = (ledger: Ledger) =>
  ledger.groups.flatMap((group) => group.rows.map((row) => row.taskId))

const epochOf = async (db: Kysely<Database>, planId: string) =>
  Number(
    (
      await db
        .selectFrom('ledger_epoch')
        .select('n')
        .where('plan_id', '=', planId)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('GET /api/plans/:id/ledger while the plan changes', () => {
  it('follows a deadline moved and a task withdrawn by another process, and keeps its epoch through the timers and a report', async () => {
    const t = await makeTestApp()
    const fixture = await startOfficePlan(t)
    const { planId, hostileId } = fixture
    let { office } = fixture
    const other = await secondInstance(t)
    try {
      const page = async () => {
        const response = await office.get(`/api/plans/${planId}/ledger?pageSize=500`)
        expect(response.status).toBe(200)
        return (await response.json()) as Ledger
      }
      const before = await page()
      const order = taskIds(before)
      expect(order.length).toBeGreaterThanOrEqual(2)
      const epoch = await epochOf(t.db, planId)

      // What leaves the order alone leaves the epoch alone: the timers, and a unit reporting.
      t.clock.set('2018-05-09T09:00:00+08:00')
      await runDueTimers(t, t.clock)
      office = await logIn(t, 'office', PASSWORD) // the session of a week ago has lapsed
      const policyId = (
        await t.db
          .selectFrom('plan')
          .select('policy_id')
          .where('id', '=', planId)
          .executeTakeFirstOrThrow()
      ).policy_id
      const drafter = await loginAs(t, 'drafter', {
        units: [{ policyId, unitId: 'reform-office' }],
      })
      for (const event of [{ type: 'START' }, { type: 'SAVE', data: { summary: '初稿已成' } }])
        expect((await drafter.post(`/api/tasks/${hostileId}/events`, event)).status).toBe(200)
      expect(await epochOf(t.db, planId)).toBe(epoch)
      expect(taskIds(await page())).toEqual(order)

      // The last row moved into the first group, its deadline before every other, by another
      // process, outside the API.
      const last = order.at(-1)!
      await other.db
        .updateTable('task')
        .set({ phase_id: before.groups[0]!.key, due_on: '2018-01-01' })
        .where('id', '=', last)
        .execute()
      expect(await epochOf(t.db, planId)).toBeGreaterThan(epoch)
      const moved = await page()
      expect(taskIds(moved)).toEqual([last, ...order.slice(0, -1)])
      expect(moved.groups.flatMap((group) => group.rows.map((row) => row.index))).toEqual(
        order.map((_, i) => i + 1),
      )

      // Withdrawn, it leaves the ledger; the total follows.
      await other.db
        .updateTable('task')
        .set({ state: 'withdrawn' })
        .where('id', '=', last)
        .execute()
      const withdrawn = await page()
      expect(taskIds(withdrawn)).toEqual(order.slice(0, -1))
      expect(withdrawn.total).toBe(before.total - 1)
    } finally {
      await other.close()
      await t.db.destroy()
    }
  })
})
