/**
 * A plan's progress is kept by each process while its progress epoch stands still: a leader's
 * dashboard follows every change to what it counts — a report, a cleared red light, a state, a
 * deadline, a task added or withdrawn — made by any code path of any process; what changes none
 * of it (a saved draft) leaves the epoch alone.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../server/db/database.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { planProgress, recountedGroups } from '../../server/plans/progress.ts'
import { startOfficePlan } from '../helpers/office-documents.ts'
import { loginAs, makeTestApp, secondInstance } from '../helpers/test-app.ts'

const epochOf = async (db: Kysely<Database>, planId: string) =>
  Number(
    (
      await db
        .selectFrom('progress_epoch')
        .select('n')
        .where('plan_id', '=', planId)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('GET /api/plans/:id/progress while the plan changes', () => {
  it('follows reports, a cleared red light, deadlines, roles, phases, tasks added, removed and withdrawn and a finished task’s day, written by another process; a saved draft leaves its epoch alone', async () => {
    const t = await makeTestApp()
    const { planId, hostileId, office } = await startOfficePlan(t)
    const other = await secondInstance(t)
    try {
      const progress = async () => {
        const response = await office.get(`/api/plans/${planId}/progress`)
        expect(response.status).toBe(200)
        return (await response.json()) as Record<string, unknown>
      }
      // The same progress read from every task and fact, in a process keeping nothing.
      const recounted = async () =>
        JSON.parse(
          JSON.stringify(
            await planProgress(
              other.db,
              t.clock,
              await loadPlanContext(other.db, planId),
              undefined,
              recountedGroups,
            ),
          ),
        ) as Record<string, unknown>
      const lights = (answer: Record<string, unknown>) =>
        (answer.summary as { lights: Record<string, number> }).lights

      const { policy_id: policyId } = await t.db
        .selectFrom('plan')
        .select('policy_id')
        .where('id', '=', planId)
        .executeTakeFirstOrThrow()
      const drafter = await loginAs(t, 'drafter', {
        units: [{ policyId, unitId: 'reform-office' }],
      })
      const send = async (event: object) =>
        expect((await drafter.post(`/api/tasks/${hostileId}/events`, event)).status).toBe(200)

      await progress()
      await send({ type: 'START' })
      const started = await progress()
      expect(started).toEqual(await recounted())

      // A saved draft changes nothing the progress counts: the epoch stands.
      const epoch = await epochOf(t.db, planId)
      await send({ type: 'SAVE', data: { summary: '初稿已成' } })
      expect(await epochOf(t.db, planId)).toBe(epoch)
      expect(await progress()).toEqual(started)

      // Each change below is made by the other process, outside the API; each read follows it.
      let last = started
      const follows = async (change: string) => {
        const now = await progress()
        expect(now, change).toEqual(await recounted())
        expect(now, change).not.toEqual(last)
        last = now
      }
      const { id: waiting } = await t.db
        .selectFrom('task')
        .select('id')
        .where('plan_id', '=', planId)
        .where('state', '=', 'assigned')
        .executeTakeFirstOrThrow()
      expect(lights(started)).toMatchObject({ green: 1, red: 2 })

      await other.db
        .insertInto('light_clearance')
        .values({
          id: 'clearance-1',
          plan_id: planId,
          task_id: hostileId,
          reason: '已说明原因',
          cleared_by: 'office',
          cleared_at: '2018-05-02T02:00:00.000Z',
        })
        .execute()
      await follows('a red light cleared')

      await other.db
        .updateTable('task')
        .set({ due_on: '2018-06-29' })
        .where('id', '=', waiting)
        .execute()
      await follows('a deadline moved')

      // Nothing done a third of the way to the deadline: behind 序时进度.
      await other.db
        .insertInto('progress_report')
        .values({
          id: 'report-1',
          plan_id: planId,
          task_id: waiting,
          period: '2018-05',
          percent: 0,
          text: '尚未开始',
          reported_by: 'office',
          reported_at: '2018-05-02T02:00:00.000Z',
        })
        .execute()
      await follows('a report behind schedule')

      await other.db.deleteFrom('progress_report').where('id', '=', 'report-1').execute()
      await follows('the report taken back')

      // Reported done, read; then the report corrected to nothing done.
      await other.db
        .insertInto('progress_report')
        .values({
          id: 'report-2',
          plan_id: planId,
          task_id: waiting,
          period: '2018-05',
          percent: 100,
          text: '已完成',
          reported_by: 'office',
          reported_at: '2018-05-02T03:00:00.000Z',
        })
        .execute()
      last = await progress()
      expect(last).toEqual(await recounted())
      await other.db
        .updateTable('progress_report')
        .set({ percent: 0 })
        .where('id', '=', 'report-2')
        .execute()
      await follows('a report changed')

      const copied = await t.db
        .selectFrom('task')
        .selectAll()
        .where('id', '=', waiting)
        .executeTakeFirstOrThrow()
      await other.db
        .insertInto('task')
        .values({ ...copied, id: 'task-added', period: 'added' })
        .execute()
      await follows('a task added')

      await other.db
        .updateTable('task')
        .set({ role: 'sub' })
        .where('id', '=', 'task-added')
        .execute()
      await follows('a role changed')

      await other.db.deleteFrom('task').where('id', '=', 'task-added').execute()
      await follows('a task removed')

      await other.db.updateTable('task').set({ phase_id: null }).where('id', '=', waiting).execute()
      await follows('a phase changed')

      // A finished task's day finished moves with its last change: finished after its deadline.
      const { id: finished } = await t.db
        .selectFrom('task')
        .select('id')
        .where('plan_id', '=', planId)
        .where('state', '=', 'approved')
        .executeTakeFirstOrThrow()
      await other.db
        .updateTable('task')
        .set({ updated_at: '2018-12-01T02:00:00.000Z' })
        .where('id', '=', finished)
        .execute()
      await follows('a finished task’s day moved')

      await other.db
        .updateTable('task')
        .set({ state: 'withdrawn' })
        .where('id', '=', waiting)
        .execute()
      await follows('a task withdrawn')
      expect(lights(last)).toEqual({ green: 1, blue: 0, yellow: 1, red: 0 })
    } finally {
      await other.close()
      await t.db.destroy()
    }
  })
})
