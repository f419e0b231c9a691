/**
 * @module What a timer does when it fires. The first statement flips the row from pending to
 * fired inside the same transaction as the effect: when two processes reach one timer, the
 * second finds it fired and does nothing, so each timer takes effect exactly once. Only a running
 * plan's timers are claimed: the claim itself asks the plan's status, so a suspended plan's timers
 * stay pending in every process, on SQLite and PostgreSQL alike.
 */
import type { ExpressionBuilder, Transaction } from 'kysely'
import type { Database, TimerRow } from '../db/database.ts'
import { closePhaseIfGateHolds, openPhase } from '../plan-model/phase-gate.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { occurrences, startOfDayInstant } from '../../domain/deadlines/index.ts'
import { applyTaskEvent } from '../tasks/apply-event.ts'
import { tasksForDuty } from '../tasks/create-tasks.ts'
import { insertChunked, nextEscalationTimer, timerRow } from '../tasks/task-rows.ts'
import { findDuty, taskHasTag } from '../task-kinds/registry.ts'
import { LEVELS } from '../plan-model/fire-times.ts'
import type { EscalationLevel } from '../plan-model/fire-times.ts'
import type { TaskEvent } from '../../domain/workflow/registry.ts'
import { readJson } from '../db/json-columns.ts'
import { insertNotification } from '../notifications/insert-notification.ts'
import { fireProgressDue } from '../tasks/progress-reports.ts'

const LEVEL_NAMES: Record<EscalationLevel, string> = {
  remind: '提醒',
  urge: '催办',
  supervise: '督办',
  circulate: '通报',
}

/**
 * The condition that a timer belongs to a running plan: timers of a suspended plan wait, and a
 * closed or archived plan has none pending. Part of the due query and of the claim.
 */
export function ofRunningPlan(eb: ExpressionBuilder<Database, 'timer'>) {
  return eb.exists(
    eb
      .selectFrom('plan')
      .select('plan.id')
      .whereRef('plan.id', '=', 'timer.plan_id')
      .where('plan.status', '=', 'running'),
  )
}

/** Fires one timer; returns false when another process already did, or its plan is not running. */
export async function fireTimer(
  trx: Transaction<Database>,
  timer: TimerRow,
  now: Date,
  owner: string,
): Promise<boolean> {
  const at = now.toISOString()
  const claimed = await trx
    .updateTable('timer')
    .set({ status: 'fired', fired_at: at, claimed_by: owner, claimed_at: at })
    .where('id', '=', timer.id)
    .where('status', '=', 'pending')
    .where(ofRunningPlan)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) return false
  const context = await loadPlanContext(trx, timer.plan_id)
  const payload = readJson('timer', 'payload', timer.payload)
  switch (timer.kind) {
    case 'remind':
    case 'overdue':
    case 'escalate':
      await escalate(
        trx,
        context,
        timer,
        payload.level as EscalationLevel,
        payload.notify as string[],
        now,
      )
      break
    case 'period-open':
      await openPeriod(trx, context, timer.id, payload.duty as string, payload.index as number, now)
      break
    case 'phase-open':
      await openPhase(trx, timer.plan_id, payload.phase as string, now)
      break
    case 'phase-end':
      await closePhaseIfGateHolds(trx, context.model, timer.plan_id, payload.phase as string, now)
      break
    case 'progress-due':
      await fireProgressDue(trx, context, timer, now)
      break
  }
  return true
}

async function escalate(
  trx: Transaction<Database>,
  context: PlanContext,
  timer: TimerRow,
  level: EscalationLevel,
  notify: string[],
  now: Date,
): Promise<void> {
  const task = timer.task_id
    ? await trx.selectFrom('task').selectAll().where('id', '=', timer.task_id).executeTakeFirst()
    : undefined
  if (
    !task ||
    taskHasTag(context.model, task, 'finished') ||
    taskHasTag(context.model, task, 'withdrawn') ||
    taskHasTag(context.model, task, 'closed')
  )
    return
  // The next step is planned whatever the state: a task under review now may be returned later.
  const next = nextEscalationTimer(context.model, task.plan_id, task.id, task.due_on, LEVELS[level])
  if (next) await insertChunked(trx, 'timer', [next])
  // Reminders and escalation apply while the unit still owes the work.
  if (!taskHasTag(context.model, task, 'owing')) return
  const event: TaskEvent =
    level === 'remind'
      ? { type: 'REMIND' }
      : level === 'urge'
        ? { type: 'OVERDUE' }
        : { type: 'ESCALATE', level: LEVELS[level] }
  await applyTaskEvent(trx, task, event, { model: context.model, now, actor: 'system' })
  const recipients = new Set(
    notify.flatMap((audience) =>
      audience === 'assignee'
        ? [task.assignee]
        : audience === 'reviewer'
          ? task.reviewer
            ? [task.reviewer]
            : []
          : audience === 'office'
            ? context.model.office
              ? [context.model.office]
              : []
            : audience === 'leadership'
              ? context.model.leadership
                ? [context.model.leadership]
                : []
              : [audience],
    ),
  )
  // A duty's supervising party (督促/指导) hears of its work falling behind (催办 on overdue,
  // 督办, 通报) as the office does, while holding no task of it.
  if (level !== 'remind') for (const unit of supervisorsOf(context, task)) recipients.add(unit)
  const at = now.toISOString()
  const message = `${LEVEL_NAMES[level]}：任务截止日 ${task.due_on ?? '—'}`
  const kind = level
  for (const recipient of recipients) {
    await insertNotification(trx, {
      planId: task.plan_id,
      taskId: task.id,
      recipient,
      kind: kind === 'remind' ? 'remind' : kind,
      message,
      at,
    })
  }
}

/** The units supervising the duty a task carries out (its `supervisors`, groups resolved). */
function supervisorsOf(context: PlanContext, task: { kind: string; source_id: string }): string[] {
  if (task.kind !== 'responsibility') return []
  const duty = context.model.responsibility(task.source_id)
  return context.model.resolveOwners(duty?.supervisors ?? [], context.members).actors
}

async function openPeriod(
  trx: Transaction<Database>,
  context: PlanContext,
  timerId: string,
  dutyId: string,
  index: number,
  now: Date,
): Promise<void> {
  const { model, plan, members } = context
  const kinded = findDuty(model, dutyId)
  if (!kinded) return
  const { duty } = kinded
  const schedule = model.scheduleOf(duty)
  if (schedule.kind !== 'recurring') return
  const periods = occurrences(schedule.rule, schedule.range, { select: schedule.select })
  const period = periods[index]
  if (!period) return
  // A timer armed by an earlier schedule (entry once due at a year's end, now after it) may fire
  // before its period opens: it waits for the period rather than open it early.
  const opens = period.start ? startOfDayInstant(period.start) : null
  if (opens && opens.getTime() > now.getTime()) {
    await trx
      .updateTable('timer')
      .set({
        status: 'pending',
        fire_at: opens.toISOString(),
        fired_at: null,
        claimed_by: null,
        claimed_at: null,
      })
      .where('id', '=', timerId)
      .execute()
    return
  }
  const created = tasksForDuty(
    model,
    plan.id,
    kinded,
    { period: period.period, opens: period.start ?? null, due: period.due },
    members,
    now.toISOString(),
  )
  await insertChunked(trx, 'task', created.tasks)
  const following = periods[index + 1]
  const timers = [
    ...created.timers,
    ...(following
      ? [
          timerRow(plan.id, 'period-open', startOfDayInstant(following.start!).toISOString(), {
            duty: dutyId,
            index: index + 1,
          }),
        ]
      : []),
  ]
  await insertChunked(trx, 'timer', timers)
}
