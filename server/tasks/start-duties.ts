/**
 * @module Conditional duties (`startsWhen`): a duty that starts when an event happens in the plan
 * — a procedure's step done (Meishan: a county's reform launched after its evaluation), an
 * assessment's results published. Until then the plan holds no task and no timer for it; when the
 * event first happens, its tasks are made for the occurrences still open (begun and not yet past
 * due) and the next period's timer is set, and a `duty_start` row records it, once.
 * Optional duties (`optional`) never start on their own.
 */
import type { Kysely, Transaction } from 'kysely'
import { compareDates } from '../../domain/deadlines/index.ts'
import { civilDateAt, startOfDayInstant } from '../../domain/deadlines/index.ts'
import type { Responsibility } from '../../schemas/index.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database } from '../db/database.ts'
import { openingOccurrences } from '../plan-model/duty-occurrences.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { planDuties } from '../task-kinds/registry.ts'
import type { KindedDuty } from '../task-kinds/registry.ts'
import { tasksForDuty } from './create-tasks.ts'
import { insertChunked, timerRow } from './task-rows.ts'

/** An event a conditional duty may wait for. */
export type DutyEvent =
  | { event: 'procedure-step'; procedure: string; step: string }
  | { event: 'assessment-published'; assessment: string }

/** True for a duty the plan does not start with: it waits for an event or an activation. */
export function startsLater(duty: Responsibility): boolean {
  return duty.startsWhen !== undefined || duty.optional !== undefined
}

/** The ids of a version's duties that start later (see {@link startsLater}). */
export function laterDutyIds(model: PlanModel): Set<string> {
  return new Set(
    [...planDuties(model)].filter(({ duty }) => startsLater(duty)).map(({ duty }) => duty.id),
  )
}

/** The duties of a plan that start later and have started: those with a `duty_start` row. */
export async function startedDutyIds(db: Kysely<Database>, planId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('duty_start')
    .select('duty_id')
    .where('plan_id', '=', planId)
    .execute()
  return new Set(rows.map((row) => row.duty_id))
}

function waitsFor(duty: Responsibility, happened: DutyEvent): boolean {
  const when = duty.startsWhen
  if (!when || when.event !== happened.event) return false
  return happened.event === 'procedure-step'
    ? when.procedure === happened.procedure && when.step === happened.step
    : when.assessment === happened.assessment
}

function causeText(happened: DutyEvent): string {
  return happened.event === 'procedure-step'
    ? `procedure-step ${happened.procedure}/${happened.step}`
    : `assessment-published ${happened.assessment}`
}

/**
 * Starts every duty of the plan waiting for `happened` that has not started yet.
 * @returns the ids of the duties started now
 */
export async function startDutiesOn(
  trx: Transaction<Database>,
  context: PlanContext,
  happened: DutyEvent,
  now: Date,
  actor: string,
): Promise<string[]> {
  const waiting = [...planDuties(context.model)].filter(({ duty }) => waitsFor(duty, happened))
  if (waiting.length === 0) return []
  const started = await startedDutyIds(trx, context.plan.id)
  const begun: string[] = []
  for (const kinded of waiting) {
    if (started.has(kinded.duty.id)) continue
    await startDuty(trx, context, kinded, causeText(happened), now, actor)
    begun.push(kinded.duty.id)
  }
  return begun
}

/**
 * Starts one duty that starts later: its tasks for the occurrences still open (begun and not yet
 * past due), the next period's timer, the `duty_start` row and the audit entry.
 * @returns how many tasks were made
 */
export async function startDuty(
  trx: Transaction<Database>,
  context: PlanContext,
  kinded: KindedDuty,
  cause: string,
  now: Date,
  actor: string,
): Promise<number> {
  const { model, plan, members } = context
  const { duty } = kinded
  const today = civilDateAt(now)
  const at = now.toISOString()
  const { open, next } = openingOccurrences(model, duty, today)
  // What is still open: an occurrence past its due date before the duty existed is not owed.
  const owed = open.filter((o) => o.due === null || compareDates(o.due, today) >= 0)
  const tasks = []
  const timers = []
  for (const occurrence of owed) {
    const created = tasksForDuty(model, plan.id, kinded, occurrence, members, at)
    tasks.push(...created.tasks)
    timers.push(...created.timers)
  }
  if (next)
    timers.push(
      timerRow(plan.id, 'period-open', startOfDayInstant(next.start).toISOString(), {
        duty: duty.id,
        index: next.index,
      }),
    )
  await insertChunked(trx, 'task', tasks)
  await insertChunked(trx, 'timer', timers)
  await trx
    .insertInto('duty_start')
    .values({ plan_id: plan.id, duty_id: duty.id, started_at: at, cause })
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor,
      action: 'duty.start',
      entity: 'plan',
      entityId: plan.id,
      payload: { duty: duty.id, cause, tasks: tasks.length },
    },
  ])
  return tasks.length
}
