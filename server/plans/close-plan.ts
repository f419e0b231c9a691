/**
 * @module Closing a plan at the end of its effective period (`metadata.effective`): every task
 * still open ends `closed` (未完成关闭) with the reason — kept with its history and counted as
 * undone, so leaders see what was left — and every pending timer of the plan is cancelled. Before
 * the period ends only a system or region administrator may close it, with `force` and a reason.
 * The preview (`dryRun`) lists exactly the tasks a close would end.
 */
import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import { civilDateAt, compareDates } from '../../domain/deadlines/index.ts'
import { effectivePeriod } from '../../domain/compiler/checks/deadlines.ts'
import { STOPPED_STATES } from '../../domain/workflow/task-states.ts'
import type { Database, PlanRow, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { holdsRoleFor } from '../access/visibility.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { applyTaskEvent } from '../tasks/apply-event.ts'
import { movePlan } from './plan-lifecycle.ts'
import type { LifecycleActor } from './plan-lifecycle.ts'

/** The last day of the plan's effective period, or null when the config states no end. */
export function effectiveEnd(model: PlanModel): string | null {
  return effectivePeriod(model.config)?.to ?? null
}

/** The end of the effective period, and whether `now` has reached its last day. */
export function periodEnd(model: PlanModel, now: Date): { endsOn: string | null; ended: boolean } {
  const endsOn = effectiveEnd(model)
  return { endsOn, ended: endsOn !== null && compareDates(civilDateAt(now), endsOn) >= 0 }
}

/** What closing the plan now would do. */
export interface ClosePlan {
  /** The last day of the effective period (null: none stated). */
  endsOn: string | null
  /** Whether the period has reached its last day, so the plan may close without `force`. */
  ended: boolean
  /** The tasks still open: a close ends each of them `closed`. */
  open: TaskRow[]
  /** Pending timers a close cancels. */
  timers: number
}

/** Lays out the close of the plan as of `now`. Reads only. */
export async function planClose(
  db: Kysely<Database>,
  context: PlanContext,
  now: Date,
): Promise<ClosePlan> {
  const { endsOn, ended } = periodEnd(context.model, now)
  const open = await db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', context.plan.id)
    .where('state', 'not in', [...STOPPED_STATES])
    .orderBy('due_on')
    .orderBy('id')
    .execute()
  const timers = await db
    .selectFrom('timer')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('plan_id', '=', context.plan.id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return { endsOn, ended, open, timers: Number(timers.count) }
}

/**
 * Refuses a close before the effective period has ended, unless a system or region administrator
 * forces it with a reason.
 * @throws AppError 409 `plan-not-ended`, 403 for `force` by anyone else
 */
export function checkMayClose(
  user: CurrentUser,
  plan: Pick<PlanRow, 'policy_id'>,
  close: Pick<ClosePlan, 'endsOn' | 'ended'>,
  force: boolean,
): void {
  if (close.ended) return
  const until = close.endsOn
  if (!force)
    throw new AppError(
      409,
      'plan-not-ended',
      {
        zh: until
          ? `计划有效期至 ${until}，尚未届满，不能关闭。如确需提前关闭，请由系统管理员或地区管理员勾选「强制」并说明原因。`
          : '政策未规定有效期截止日，计划不能按期关闭。如确需关闭，请由系统管理员或地区管理员勾选「强制」并说明原因。',
        en: until
          ? `The plan is effective until ${until}, so it cannot close yet. To close it early, a system or region administrator sends force with a reason.`
          : 'The policy states no end of its effective period, so the plan cannot close on time. To close it, a system or region administrator sends force with a reason.',
      },
      { endsOn: until },
    )
  const admin =
    holdsRoleFor(user, 'admin', plan.policy_id) ||
    holdsRoleFor(user, 'region-admin', plan.policy_id)
  if (!admin)
    throw new AppError(403, 'forbidden', {
      zh: '只有系统管理员或地区管理员可以在有效期届满前强制关闭计划。',
      en: 'Only a system or region administrator may force a plan closed before its effective period ends.',
    })
}

/**
 * Closes the plan inside the caller's transaction: ends each open task `closed` with the reason
 * (a `CLOSE` event each, audited), cancels every pending timer, and records `plan.close`.
 * @throws AppError 409 `plan-status` unless running or suspended
 */
export async function closePlan(
  trx: Transaction<Database>,
  context: PlanContext,
  input: { reason: string; force: boolean },
  by: LifecycleActor,
): Promise<{ plan: PlanRow; closed: TaskRow[]; timers: number; close: ClosePlan }> {
  const at = by.now.toISOString()
  const plan = await movePlan(
    trx,
    context.plan,
    { from: ['running', 'suspended'], to: 'closed', action: { zh: '关闭', en: 'closed' } },
    { suspended_at: null, closed_at: at, closed_by: by.actor, close_reason: input.reason },
  )
  // Laid out inside the transaction, after the move: no event or timer can slip between.
  const close = await planClose(trx, context, by.now)
  const closed: TaskRow[] = []
  for (const task of close.open) {
    const result = await applyTaskEvent(
      trx,
      task,
      { type: 'CLOSE', reason: input.reason },
      { model: context.model, now: by.now, actor: by.actor, requestId: by.requestId ?? null },
    )
    if (result.ok) closed.push(result.task)
  }
  const cancelled = await trx
    .updateTable('timer')
    .set({ status: 'cancelled' })
    .where('plan_id', '=', plan.id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  await trx
    .updateTable('plan_suspension')
    .set({ resumed_at: at, resumed_by: by.actor, fire_missed: 0, missed_fired: 0 })
    .where('plan_id', '=', plan.id)
    .where('resumed_at', 'is', null)
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor: by.actor,
      action: 'plan.close',
      entity: 'plan',
      entityId: plan.id,
      planId: plan.id,
      payload: {
        reason: input.reason,
        force: input.force,
        endsOn: close.endsOn,
        early: !close.ended,
        closedTasks: closed.map((task) => task.id),
        cancelledTimers: Number(cancelled.numUpdatedRows),
        from: context.plan.status,
        requestId: by.requestId ?? null,
      },
    },
  ])
  return { plan, closed, timers: Number(cancelled.numUpdatedRows), close }
}
