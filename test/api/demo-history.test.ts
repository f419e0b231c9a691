/**
 * The demo a first start loads today: every bundled plan whose period ended is closed with the
 * history it was driven through, a 【演示】 plan runs now with work in hand, the same seed on two
 * empty databases writes the same history, and a second seed on the same data adds nothing.
 */
import { LIVING_PLAN_PREFIX, endedBy } from '../../server/bootstrap/demo-plans.ts'
import { seedDemo } from '../../server/bootstrap/seed-demo.ts'
import { addDays, civilDateAt } from '../../domain/deadlines/index.ts'
import { effectiveEnd } from '../../server/plans/close-plan.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { makeTestApp } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

/** A day after the end of every bundled plan's stated period. */
const TODAY = '2026-12-07T09:00:00+08:00'

/** What the demo wrote, without the random ids: each task's state and history by its identity. */
async function fingerprint(t: TestApp) {
  const tasks = await t.db
    .selectFrom('task')
    .innerJoin('plan', 'plan.id', 'task.plan_id')
    .select([
      'plan.name',
      'plan.status',
      'task.source_id',
      'task.assignee',
      'task.period',
      'task.role',
      'task.state',
      'task.due_on',
      'task.escalation_level',
    ])
    .execute()
  const events = await t.db
    .selectFrom('task_event')
    .innerJoin('task', 'task.id', 'task_event.task_id')
    .innerJoin('plan', 'plan.id', 'task.plan_id')
    .select([
      'plan.name',
      'task.source_id',
      'task.assignee',
      'task.period',
      'task_event.type',
      'task_event.at',
    ])
    .execute()
  const key = (row: Record<string, unknown>) => JSON.stringify(row)
  return { tasks: tasks.map(key).sort(), events: events.map(key).sort() }
}

describe('the demo’s ended and running plans', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await makeTestApp(TODAY)
    await seedDemo(t, t.clock, 'policies')
  }, 120_000)

  it('closes each plan whose period ended, with a history of on-time, late, returned and extended work', async () => {
    const plans = await t.db.selectFrom('plan').selectAll().where('shift_years', '=', 0).execute()
    const ended = []
    for (const plan of plans) {
      const { model } = await loadPlanContext(t.db, plan.id)
      if (!endedBy(model, t.clock.now())) continue
      ended.push(plan)
      expect(plan.status).toBe('closed')
      // Closed the day after its period, not on the day the demo was loaded.
      expect(civilDateAt(new Date(plan.closed_at!))).toBe(addDays(effectiveEnd(model)!, 1))
      expect(civilDateAt(new Date(plan.started_at))).toBe(model.horizon.from)
      const states = await t.db
        .selectFrom('task')
        .select('state')
        .where('plan_id', '=', plan.id)
        .execute()
      const approved = states.filter((row) => row.state === 'approved').length
      expect(approved / states.length).toBeGreaterThan(0.6)
    }
    expect(ended.length).toBeGreaterThan(0)
    const types = new Set(
      (
        await t.db
          .selectFrom('task_event')
          .innerJoin('task', 'task.id', 'task_event.task_id')
          .select('task_event.type')
          .where(
            'task.plan_id',
            'in',
            ended.map((plan) => plan.id),
          )
          .execute()
      ).map((row) => row.type),
    )
    for (const type of ['SUBMIT', 'APPROVE', 'RETURN', 'RESUBMIT', 'OVERDUE', 'ESCALATE', 'CLOSE'])
      expect(types).toContain(type)
    const extensions = await t.db.selectFrom('extension_request').select('status').execute()
    expect(extensions).toHaveLength(1)
  })

  it('runs a 【演示】 plan now, with reports waiting for review and work still owed', async () => {
    const living = await t.db
      .selectFrom('plan')
      .selectAll()
      .where('shift_years', '>', 0)
      .executeTakeFirstOrThrow()
    expect(living.status).toBe('running')
    expect(living.name.startsWith(LIVING_PLAN_PREFIX)).toBe(true)
    const states = (
      await t.db.selectFrom('task').select('state').where('plan_id', '=', living.id).execute()
    ).map((row) => row.state)
    expect(states).toContain('submitted')
    expect(states).toContain('assigned')
    expect(states).toContain('approved')
  })

  it('writes the same history from the same start, and adds nothing when seeded again', async () => {
    const again = await makeTestApp(TODAY)
    await seedDemo(again, again.clock, 'policies')
    const first = await fingerprint(t)
    expect(await fingerprint(again)).toEqual(first)
    await seedDemo(again, again.clock, 'policies')
    expect(await fingerprint(again)).toEqual(first)
    const count = async (table: 'plan' | 'app_user' | 'policy_version') =>
      (await again.db.selectFrom(table).select('id').execute()).length
    expect({
      plans: await count('plan'),
      users: await count('app_user'),
      versions: await count('policy_version'),
    }).toEqual({
      plans: (await t.db.selectFrom('plan').select('id').execute()).length,
      users: (await t.db.selectFrom('app_user').select('id').execute()).length,
      versions: (await t.db.selectFrom('policy_version').select('id').execute()).length,
    })
  }, 180_000)
})
