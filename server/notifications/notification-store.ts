/**
 * @module The notification centre's reads and writes. A person sees the notifications of the
 * units (and bodies) it acts for, in the plans it may see (access/visibility.ts); a read is
 * recorded per person, so a unit's colleagues each have their own unread count, and whoever
 * sent a 催办 sees who read it.
 */
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import { actorsOf, canSeePlan } from '../access/visibility.ts'
import type { NotificationView } from '../../schemas/api/responses.schema.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { titleOf } from '../task-kinds/registry.ts'

type Scope = Array<{ planId: string; units: string[] }>

/** The plans the user sees and the units it acts for in each: the notifications it reads. */
export async function notificationScope(
  db: Kysely<Database> | Transaction<Database>,
  user: CurrentUser,
): Promise<Scope> {
  const plans = await db.selectFrom('plan').select(['id', 'policy_id']).execute()
  return plans
    .filter((plan) => canSeePlan(user, plan.policy_id))
    .map((plan) => ({ planId: plan.id, units: [...actorsOf(user, plan.policy_id)] }))
    .filter((entry) => entry.units.length > 0)
}

const inScope = (scope: Scope) => (eb: ExpressionBuilder<Database, 'notification'>) =>
  scope.length === 0
    ? eb('notification.id', 'is', null)
    : eb.or(
        scope.map(({ planId, units }) =>
          eb.and([
            eb('notification.plan_id', '=', planId),
            eb('notification.recipient', 'in', units),
          ]),
        ),
      )

export interface ListOptions {
  limit: number
  offset: number
  unreadOnly: boolean
}

/** The user's notifications, newest first, with its unread count and the total. */
export async function listNotifications(
  db: Kysely<Database>,
  user: CurrentUser,
  options: ListOptions,
): Promise<{ notifications: NotificationView[]; unread: number; total: number }> {
  const scope = await notificationScope(db, user)
  const base = db
    .selectFrom('notification')
    .leftJoin('notification_read', (join) =>
      join
        .onRef('notification_read.notification_id', '=', 'notification.id')
        .on('notification_read.user_id', '=', user.id),
    )
    .where(inScope(scope))
  const counts = await base
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn
        .count<number | string>('notification.id')
        .filterWhere('notification_read.read_at', 'is', null)
        .as('unread'),
    ])
    .executeTakeFirstOrThrow()
  const rows = await base
    .leftJoin('plan', 'plan.id', 'notification.plan_id')
    .select([
      'notification.id',
      'notification.plan_id',
      'plan.name as plan_name',
      'notification.task_id',
      'notification.recipient',
      'notification.kind',
      'notification.message',
      'notification.at',
      'notification_read.read_at',
    ])
    .$if(options.unreadOnly, (q) => q.where('notification_read.read_at', 'is', null))
    .orderBy('notification.at', 'desc')
    .orderBy('notification.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute()
  const titles = await taskTitles(
    db,
    rows.flatMap((row) => (row.task_id ? [row.task_id] : [])),
  )
  return {
    notifications: rows.map((row) => ({
      id: row.id,
      planId: row.plan_id,
      planName: row.plan_name ?? row.plan_id,
      taskId: row.task_id,
      taskTitle: row.task_id ? (titles.get(row.task_id) ?? null) : null,
      recipient: row.recipient,
      kind: row.kind,
      message: row.message,
      at: row.at,
      readAt: row.read_at,
    })),
    unread: Number(counts.unread),
    total: Number(counts.total),
  }
}

/** The titles of tasks, as their plans' models name them. */
async function taskTitles(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const tasks = await db
    .selectFrom('task')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  const contexts = new Map<string, PlanContext>()
  const titles = new Map<string, string>()
  for (const task of tasks) {
    let context = contexts.get(task.plan_id)
    if (!context) {
      context = await loadPlanContext(db, task.plan_id)
      contexts.set(task.plan_id, context)
    }
    titles.set(task.id, titleOf(context.model, task))
  }
  return titles
}

/** How many of the user's notifications it has not read. */
export async function unreadCount(db: Kysely<Database>, user: CurrentUser): Promise<number> {
  const scope = await notificationScope(db, user)
  const row = await db
    .selectFrom('notification')
    .leftJoin('notification_read', (join) =>
      join
        .onRef('notification_read.notification_id', '=', 'notification.id')
        .on('notification_read.user_id', '=', user.id),
    )
    .where(inScope(scope))
    .where('notification_read.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number | string>().as('unread'))
    .executeTakeFirstOrThrow()
  return Number(row.unread)
}

/**
 * Marks notifications read for the user: the one named, or (`id` undefined) all it has unread.
 * @returns how many became read; undefined when the one named is not the user's to read
 */
export async function markRead(
  trx: Transaction<Database>,
  user: CurrentUser,
  id: string | undefined,
  now: Date,
): Promise<number | undefined> {
  const scope = await notificationScope(trx, user)
  const unread = await trx
    .selectFrom('notification')
    .select('notification.id')
    .where(inScope(scope))
    .$if(id !== undefined, (q) => q.where('notification.id', '=', id!))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notification_read')
            .select('notification_read.user_id')
            .whereRef('notification_read.notification_id', '=', 'notification.id')
            .where('notification_read.user_id', '=', user.id),
        ),
      ),
    )
    .execute()
  if (id !== undefined && unread.length === 0) {
    const mine = await trx
      .selectFrom('notification')
      .select('id')
      .where(inScope(scope))
      .where('notification.id', '=', id)
      .executeTakeFirst()
    if (!mine) return undefined
  }
  const readAt = now.toISOString()
  for (let index = 0; index < unread.length; index += 500)
    await trx
      .insertInto('notification_read')
      .values(
        unread
          .slice(index, index + 500)
          .map((row) => ({ notification_id: row.id, user_id: user.id, read_at: readAt })),
      )
      .execute()
  return unread.length
}

/** Who read each 催办 (urge) of a task, and when: shown in the task's history. */
export async function urgeReadReceipts(
  db: Kysely<Database>,
  taskId: string,
): Promise<
  Array<{
    notificationId: string
    at: string
    recipient: string
    reads: Array<{ userId: string; name: string; readAt: string }>
  }>
> {
  const rows = await db
    .selectFrom('notification')
    .leftJoin('notification_read', 'notification_read.notification_id', 'notification.id')
    .leftJoin('app_user', 'app_user.id', 'notification_read.user_id')
    .select([
      'notification.id',
      'notification.at',
      'notification.recipient',
      'notification_read.user_id',
      'notification_read.read_at',
      'app_user.display_name',
    ])
    .where('notification.task_id', '=', taskId)
    .where('notification.kind', '=', 'urge')
    .orderBy('notification.at')
    .orderBy('notification.id')
    .orderBy('notification_read.read_at')
    .execute()
  const receipts = new Map<
    string,
    {
      notificationId: string
      at: string
      recipient: string
      reads: Array<{ userId: string; name: string; readAt: string }>
    }
  >()
  for (const row of rows) {
    const receipt = receipts.get(row.id) ?? {
      notificationId: row.id,
      at: row.at,
      recipient: row.recipient,
      reads: [],
    }
    receipts.set(row.id, receipt)
    if (row.user_id && row.read_at)
      receipt.reads.push({
        userId: row.user_id,
        name: row.display_name ?? row.user_id,
        readAt: row.read_at,
      })
  }
  return [...receipts.values()]
}
