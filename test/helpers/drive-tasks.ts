/** Moves tasks along directly through the runtime (no HTTP), for tests that need work done. */
import type { Kysely } from 'kysely'
import type { Clock } from '../../server/clock.ts'
import type { Database } from '../../server/db/database.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { applyTaskEvent } from '../../server/tasks/apply-event.ts'
import type { TaskEvent } from '../../domain/workflow/registry.ts'

/** Applies events to one task, each in its own transaction; throws on a refusal. */
export async function drive(
  db: Kysely<Database>,
  clock: Clock,
  planId: string,
  taskId: string,
  ...events: TaskEvent[]
): Promise<void> {
  const { model } = await loadPlanContext(db, planId)
  for (const event of events) {
    await db.transaction().execute(async (trx) => {
      const task = await trx
        .selectFrom('task')
        .selectAll()
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow()
      const result = await applyTaskEvent(trx, task, event, {
        model,
        now: clock.now(),
        actor: 'test',
      })
      if (!result.ok) throw new Error(`${event.type} refused in ${result.state}`)
    })
  }
}

/** Submits and approves every open task of a phase: contributions first, then the leads. */
export async function completePhaseTasks(
  db: Kysely<Database>,
  clock: Clock,
  planId: string,
  phaseId: string,
): Promise<void> {
  const open = await db
    .selectFrom('task')
    .select(['id', 'role', 'reviewer'])
    .where('plan_id', '=', planId)
    .where('phase_id', '=', phaseId)
    .where('state', '!=', 'approved')
    .execute()
  for (const role of ['support', 'lead']) {
    for (const task of open.filter((row) => row.role === role)) {
      await drive(
        db,
        clock,
        planId,
        task.id,
        { type: 'SUBMIT', data: { summary: '已完成' } },
        ...(task.reviewer ? [{ type: 'APPROVE' } as const] : []),
      )
    }
  }
}
