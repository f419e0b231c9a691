/**
 * @module Resuming a suspended plan, and what becomes of the timers that fell due while it was
 * suspended (none of them fired: the scheduler claims only a running plan's timers).
 *
 * Decisions, as the README's plan lifecycle section states them:
 * - **Notices** — reminders, overdue and escalation steps — fell due for a time nobody worked.
 *   By default they are cancelled (each listed in the `plan.resume` audit entry) and each task's
 *   ladder goes on from its next step still ahead, so a later escalation still comes. When the
 *   office asks (`fireMissed: true`) they fire now, once each, as the scheduler would have.
 * - **The plan's schedule** — a recurring duty's period opening, a phase opening or ending — fires
 *   now either way: cancelling it would drop a period's tasks or leave a phase stuck. The tasks a
 *   period opens keep their dates; their notices already due follow the rule above.
 * - **Deadlines do not move.** A suspension pauses the machinery, not the policy's dates: a task
 *   due during it is overdue after it, and shows so. Moving dates is a change of the policy,
 *   made by publishing a revised version and migrating the plan onto it.
 */
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, PlanRow, TimerRow } from '../db/database.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import { LEVELS } from '../plan-model/fire-times.ts'
import type { EscalationLevel } from '../plan-model/fire-times.ts'
import { fireTimer } from '../timers/fire-timer.ts'
import { insertChunked, timerRow } from '../tasks/task-rows.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { readJson } from '../db/json-columns.ts'
import { progressTimerAfter } from '../tasks/progress-reports.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { movePlan } from './plan-lifecycle.ts'
import type { LifecycleActor } from './plan-lifecycle.ts'

/** Timers that keep the plan's schedule: they fire on resume whatever the office chose. */
const SCHEDULE_KINDS: ReadonlySet<TimerRow['kind']> = new Set([
  'period-open',
  'phase-open',
  'phase-end',
])

/** A timer that fell due during the suspension, as the answer and the audit entry list it. */
export interface MissedTimer {
  id: string
  kind: TimerRow['kind']
  taskId: string | null
  fireAt: string
}

export interface ResumeResult {
  plan: PlanRow
  /** When the suspension began. */
  suspendedAt: string | null
  fireMissed: boolean
  fired: MissedTimer[]
  cancelled: MissedTimer[]
  /** Tasks whose escalation ladder goes on from a later step. */
  rescheduled: number
}

const missed = (timer: TimerRow): MissedTimer => ({
  id: timer.id,
  kind: timer.kind,
  taskId: timer.task_id,
  fireAt: timer.fire_at,
})

/**
 * Resumes a suspended plan inside the caller's transaction and settles the timers that fell due
 * meanwhile (see the module's decisions); records `plan.resume` in the audit log and closes the
 * suspension's log row.
 * @throws AppError 409 `plan-status` unless suspended
 */
export async function resumePlan(
  trx: Transaction<Database>,
  plan: PlanRow,
  fireMissed: boolean,
  by: LifecycleActor,
): Promise<ResumeResult> {
  const at = by.now.toISOString()
  const moved = await movePlan(
    trx,
    plan,
    { from: ['suspended'], to: 'running', action: { zh: '恢复', en: 'resumed' } },
    { suspended_at: null },
  )
  const suspendedAt = plan.suspended_at
  const context = await loadPlanContext(trx, plan.id)
  const fired: MissedTimer[] = []
  const cancelled: MissedTimer[] = []
  let rescheduled = 0
  const owner = `resume-${by.requestId ?? 'system'}`
  // Firing a schedule timer can make timers already due (a period's first notices): settle
  // rounds until nothing of the plan is due. Each round ends every timer it read, so it stops.
  for (;;) {
    const due = await trx
      .selectFrom('timer')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .where('status', '=', 'pending')
      .where('fire_at', '<=', at)
      .orderBy('fire_at')
      .orderBy('id')
      .execute()
    if (due.length === 0) break
    const next = []
    for (const timer of due) {
      if (fireMissed || SCHEDULE_KINDS.has(timer.kind)) {
        if (await fireTimer(trx, timer, by.now, owner)) fired.push(missed(timer))
        continue
      }
      await trx
        .updateTable('timer')
        .set({ status: 'cancelled' })
        .where('id', '=', timer.id)
        .where('status', '=', 'pending')
        .execute()
      cancelled.push(missed(timer))
      const step = await laterStep(trx, context.model, timer, at)
      if (step) next.push(step)
    }
    await insertChunked(trx, 'timer', next)
    rescheduled += next.length
  }
  await trx
    .updateTable('plan_suspension')
    .set({
      resumed_at: at,
      resumed_by: by.actor,
      fire_missed: fireMissed ? 1 : 0,
      missed_fired: fired.length,
      missed_cancelled: cancelled.length,
    })
    .where('plan_id', '=', plan.id)
    .where('resumed_at', 'is', null)
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor: by.actor,
      action: 'plan.resume',
      entity: 'plan',
      entityId: plan.id,
      planId: plan.id,
      payload: {
        suspendedAt,
        fireMissed,
        fired,
        cancelled,
        rescheduled,
        requestId: by.requestId ?? null,
      },
    },
  ])
  return { plan: moved, suspendedAt, fireMissed, fired, cancelled, rescheduled }
}

/**
 * The task's next escalation step after a cancelled one that is still ahead (`at`), or none:
 * the ladder goes on, skipping what fell in the suspension.
 */
async function laterStep(
  trx: Transaction<Database>,
  model: Awaited<ReturnType<typeof loadPlanContext>>['model'],
  timer: TimerRow,
  at: string,
) {
  if (!timer.task_id) return undefined
  const task = await trx
    .selectFrom('task')
    .selectAll()
    .where('id', '=', timer.task_id)
    .executeTakeFirst()
  if (
    !task?.due_on ||
    taskHasTag(model, task, 'finished') ||
    taskHasTag(model, task, 'withdrawn') ||
    taskHasTag(model, task, 'closed')
  )
    return undefined
  // 周期反馈: the reports missed in the suspension are let go; the next one ahead is asked.
  if (timer.kind === 'progress-due')
    return readJson('timer', 'payload', timer.payload).stage === 'remind'
      ? progressTimerAfter(model, task, civilDateAt(new Date(at)))
      : undefined
  const level = readJson('timer', 'payload', timer.payload).level as EscalationLevel
  const step = model
    .escalationFor(task.due_on)
    .find((s) => LEVELS[s.level] > LEVELS[level] && s.fireAt > at)
  if (!step) return undefined
  const kind = step.level === 'remind' ? 'remind' : step.level === 'urge' ? 'overdue' : 'escalate'
  return timerRow(
    task.plan_id,
    kind,
    step.fireAt,
    { level: step.level, notify: step.notify },
    task.id,
  )
}
