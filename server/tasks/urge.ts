/**
 * @module 催办 by a person: the office may urge any unit's task, a lead unit the task of a unit
 * supporting it. The message goes into the task's history and the unit's notifications (kind
 * `urge`, with the sender); a finished task is not urged, and one sender urges one task at most
 * once a day.
 */
import type { Transaction } from 'kysely'
import { addDays, civilDateAt, startOfDayInstant } from '../../domain/deadlines/index.ts'
import { actorsOf } from '../access/visibility.ts'
import { refuseWorkUnlessRunning } from '../access/plan-writable.ts'
import type { Database, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { insertNotification } from '../notifications/insert-notification.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { finishedTask, isFinished } from './extension.ts'
import type { ActingOn } from './extension.ts'
import { recordTaskEvent } from './record-event.ts'

/**
 * The unit the user urges each task as — the office (a task not its own), or the lead a supporting
 * unit's task serves — for the tasks the user may urge; the others are left out.
 */
export async function urgersOf(
  db: Pick<Transaction<Database>, 'selectFrom'>,
  context: PlanContext,
  user: CurrentUser,
  tasks: readonly TaskRow[],
): Promise<Map<string, string>> {
  const mine = actorsOf(user, context.plan.policy_id)
  const office = context.model.office
  const urgers = new Map<string, string>()
  const supports: TaskRow[] = []
  for (const task of tasks) {
    if (office && mine.has(office) && task.assignee !== office) urgers.set(task.id, office)
    else if (task.role === 'support' && task.parent_task_id) supports.push(task)
  }
  if (supports.length === 0) return urgers
  const leads = await db
    .selectFrom('task')
    .select(['id', 'assignee'])
    .where('id', 'in', [...new Set(supports.map((task) => task.parent_task_id!))])
    .execute()
  const leadOf = new Map(leads.map((lead) => [lead.id, lead.assignee]))
  for (const task of supports) {
    const lead = leadOf.get(task.parent_task_id!)
    if (lead !== undefined && mine.has(lead)) urgers.set(task.id, lead)
  }
  return urgers
}

/** The unit the user urges the task as (see {@link urgersOf}), or undefined. */
export async function urgesAs(
  db: Pick<Transaction<Database>, 'selectFrom'>,
  context: PlanContext,
  user: CurrentUser,
  task: TaskRow,
): Promise<string | undefined> {
  return (await urgersOf(db, context, user, [task])).get(task.id)
}

/**
 * Sends the 催办; returns the event's instant and the unit it was sent as.
 * @throws AppError 403 (neither the office nor the lead); 409 `task-finished`; 429
 *   `urge-too-soon` with `nextAt` (the next day's start, Asia/Shanghai)
 */
export async function urgeTask(
  trx: Transaction<Database>,
  context: PlanContext,
  taskId: string,
  message: string,
  by: ActingOn,
): Promise<{ at: string; from: string }> {
  const task = await trx
    .selectFrom('task')
    .selectAll()
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow()
  const from = await urgesAs(trx, context, by.user, task)
  if (!from)
    throw new AppError(403, 'forbidden', {
      zh: '只有办公室或牵头单位（对其配合单位）可以催办该任务。',
      en: 'Only the office, or the lead unit (of a unit supporting it), may urge this task.',
    })
  if (isFinished(context.model, task)) throw finishedTask()
  const plan = await trx
    .selectFrom('plan')
    .select('status')
    .where('id', '=', task.plan_id)
    .executeTakeFirstOrThrow()
  refuseWorkUnlessRunning(plan)
  const today = civilDateAt(by.now)
  const already = await trx
    .selectFrom('task_event')
    .select('at')
    .where('task_id', '=', task.id)
    .where('type', '=', 'URGE')
    .where('actor', '=', by.user.id)
    .where('at', '>=', startOfDayInstant(today).toISOString())
    .executeTakeFirst()
  if (already) {
    const nextAt = startOfDayInstant(addDays(today, 1)).toISOString()
    throw new AppError(
      429,
      'urge-too-soon',
      {
        zh: `今天已催办过该任务，明天（${addDays(today, 1)}）起可再次催办。`,
        en: `You already urged this task today; you may urge it again from ${addDays(today, 1)}.`,
      },
      {
        nextAt,
        retryAfter: Math.max(1, Math.ceil((Date.parse(nextAt) - by.now.getTime()) / 1000)),
      },
    )
  }
  const at = by.now.toISOString()
  await recordTaskEvent(
    trx,
    task,
    'URGE',
    { message, from },
    { actor: by.user.id, now: by.now, requestId: by.requestId ?? null },
  )
  await insertNotification(trx, {
    planId: task.plan_id,
    taskId: task.id,
    recipient: task.assignee,
    kind: 'urge',
    message: `催办：${message}`,
    at,
    sender: by.user.id,
  })
  return { at, from }
}
