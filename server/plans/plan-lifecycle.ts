/**
 * @module The rest of a plan's life after it starts: `running` ⇄ `suspended` → `closed` →
 * `archived`. Each move is a governed action (who may: {@link mayGovernLifecycle}), written in the
 * request's one transaction with its audit entry, and made only from the status it was asked from
 * (a conditional update, so two offices acting at once cannot both succeed). What each status
 * refuses is said once, in access/plan-writable.ts.
 *
 * - **Suspended**: the plan's timers stay pending and are not claimed (timers/fire-timer.ts); task
 *   events and phase sign-off are refused; reading, indicator values and assessments go on.
 * - **Closed** (at or after the end of its effective period, see close-plan.ts): every open task
 *   ends `closed` (未完成关闭, counted as undone), every pending timer is cancelled.
 * - **Archived**: read-only; every write to the plan, its tasks, values, assessments and members
 *   is refused with 409 `plan-archived`.
 */
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, PlanRow, PlanStatus } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { newId } from '../ids.ts'
import { mayGovernPlan } from '../access/plan-governance.ts'
import { actorsOf } from '../access/visibility.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

/** How each status is named to people. */
export const PLAN_STATUS_NAMES: Record<PlanStatus, LocalizedText> = {
  running: { zh: '运行中', en: 'running' },
  suspended: { zh: '已暂停', en: 'suspended' },
  closed: { zh: '已关闭', en: 'closed' },
  archived: { zh: '已归档', en: 'archived' },
}

/** Who acted, when, and for which request. */
export interface LifecycleActor {
  actor: string
  now: Date
  requestId?: string | null
}

/**
 * True when the user may suspend, resume, close or archive the plan: whoever governs it
 * ({@link mayGovernPlan}: a system admin, its region's administrator, its office) and its
 * leadership group, the body that decides for it (config `governance`).
 */
export function mayGovernLifecycle(
  user: CurrentUser,
  context: Pick<PlanContext, 'plan' | 'model'>,
): boolean {
  if (mayGovernPlan(user, context)) return true
  const leadership = context.model.leadership
  return leadership !== null && actorsOf(user, context.plan.policy_id).has(leadership)
}

/** The 403 for a user who may not govern the plan's lifecycle. */
export function lifecycleForbidden(): AppError {
  return new AppError(403, 'forbidden', {
    zh: '只有本计划的办公室、领导小组、系统管理员或地区管理员可以暂停、恢复、关闭或归档计划。',
    en: 'Only the plan’s office or leadership group, an admin or a region admin may suspend, resume, close or archive it.',
  })
}

/** The 409 for a move the plan's current status does not allow. */
export function wrongStatus(
  plan: Pick<PlanRow, 'status'>,
  action: LocalizedText,
  from: readonly PlanStatus[],
): AppError {
  const names = (lang: 'zh' | 'en') =>
    from.map((status) => PLAN_STATUS_NAMES[status][lang]).join(lang === 'zh' ? '或' : ' or ')
  const now = PLAN_STATUS_NAMES[plan.status]
  return new AppError(
    409,
    'plan-status',
    {
      zh: `计划当前${now.zh}，不能${action.zh}：只有${names('zh')}的计划可以${action.zh}。请刷新后查看。`,
      en: `The plan is ${now.en}, so it cannot be ${action.en}: only a ${names('en')} plan can. Reload to see it.`,
    },
    { status: plan.status, expected: from },
  )
}

/**
 * Moves the plan from one of `from` to `to` with `fields`, only if it is still where it was read
 * (so a concurrent move makes this one a 409).
 * @returns the plan row as written.
 * @throws AppError 409 `plan-status`
 */
export async function movePlan(
  trx: Transaction<Database>,
  plan: PlanRow,
  move: { from: readonly PlanStatus[]; to: PlanStatus; action: LocalizedText },
  fields: Partial<Omit<PlanRow, 'id' | 'status'>> = {},
): Promise<PlanRow> {
  const stored = await trx
    .selectFrom('plan')
    .selectAll()
    .where('id', '=', plan.id)
    .executeTakeFirstOrThrow()
  if (!move.from.includes(stored.status)) throw wrongStatus(stored, move.action, move.from)
  const updated = await trx
    .updateTable('plan')
    .set({ ...fields, status: move.to })
    .where('id', '=', plan.id)
    .where('status', '=', stored.status)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw wrongStatus(stored, move.action, move.from)
  return { ...stored, ...fields, status: move.to }
}

/**
 * Suspends a running plan: its timers wait, its tasks take no events, until it is resumed.
 * @throws AppError 409 `plan-status` unless running
 */
export async function suspendPlan(
  trx: Transaction<Database>,
  plan: PlanRow,
  reason: string,
  by: LifecycleActor,
): Promise<PlanRow> {
  const at = by.now.toISOString()
  const moved = await movePlan(
    trx,
    plan,
    { from: ['running'], to: 'suspended', action: { zh: '暂停', en: 'suspended' } },
    { suspended_at: at },
  )
  await trx
    .insertInto('plan_suspension')
    .values({
      id: newId(),
      plan_id: plan.id,
      suspended_at: at,
      suspended_by: by.actor,
      reason,
      resumed_at: null,
      resumed_by: null,
      fire_missed: null,
      missed_fired: null,
      missed_cancelled: null,
    })
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor: by.actor,
      action: 'plan.suspend',
      entity: 'plan',
      entityId: plan.id,
      planId: plan.id,
      payload: { reason, requestId: by.requestId ?? null },
    },
  ])
  return moved
}

/**
 * Archives a closed plan: from then on it is read-only.
 * @throws AppError 409 `plan-status` unless closed
 */
export async function archivePlan(
  trx: Transaction<Database>,
  plan: PlanRow,
  by: LifecycleActor,
): Promise<PlanRow> {
  const at = by.now.toISOString()
  const moved = await movePlan(
    trx,
    plan,
    { from: ['closed'], to: 'archived', action: { zh: '归档', en: 'archived' } },
    { archived_at: at, archived_by: by.actor },
  )
  await appendAudit(trx, [
    {
      at,
      actor: by.actor,
      action: 'plan.archive',
      entity: 'plan',
      entityId: plan.id,
      planId: plan.id,
      payload: { requestId: by.requestId ?? null },
    },
  ])
  return moved
}
