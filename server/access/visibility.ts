/**
 * @module Who may see what — the one place that decides it. A unit sees its plans, the tasks
 * assigned to it and those it reviews, and the procedures it acts in; leaders of a policy and
 * admins see everything of it, and a plan's office every task of that plan. Roles hold by region
 * (access/region-reach.ts): a region administrator oversees its region's policies, an author
 * authors them, and the leaders and administrators of a region read the regions below it; nobody
 * sees another region's data otherwise. The same rule is given twice: for a row in hand
 * ({@link canSeeTask}) and as SQL ({@link visibleTaskFilter}), so lists and logs filtered in the
 * database agree with a single read. Anything outside it is indistinguishable from nothing.
 */
import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { followedSources, taskKind } from '../task-kinds/registry.ts'
import { inHomeRegion } from './region-reach.ts'

/** The units and bodies the user acts for in a policy. */
export function actorsOf(user: CurrentUser, policyId: string): Set<string> {
  return new Set(user.units[policyId] ?? [])
}

/**
 * True when the user holds `role` for this policy: the policy is of the user's region, or the user
 * is above every region.
 */
export function holdsRoleFor(user: CurrentUser, role: string, policyId: string): boolean {
  // A region administrator is one by its region: without one it administers nothing.
  if (role === 'region-admin' && user.regionId === null) return false
  return user.roles.includes(role) && inHomeRegion(user.reach, policyId)
}

/**
 * True for users who direct a policy: its administrators (system, or of its region) and the
 * leaders among its units. They read and enter everything of it.
 */
export function directs(user: CurrentUser, policyId: string): boolean {
  return (
    holdsRoleFor(user, 'admin', policyId) ||
    holdsRoleFor(user, 'region-admin', policyId) ||
    (user.roles.includes('leader') && (user.units[policyId]?.length ?? 0) > 0)
  )
}

/** True for users who may publish a policy's versions and start its plans. */
export function managesPolicy(user: CurrentUser, policyId: string): boolean {
  return ['admin', 'region-admin', 'author'].some((role) => holdsRoleFor(user, role, policyId))
}

/**
 * True for users who oversee (read) every task of a policy: those who direct it, and the leaders
 * and administrators of a region above the policy's, who read down.
 */
export function oversees(user: CurrentUser, policyId: string): boolean {
  return (
    directs(user, policyId) ||
    ((user.roles.includes('leader') || user.roles.includes('region-admin')) &&
      user.reach.below.has(policyId))
  )
}

/**
 * True for users who see every task of a plan: those who oversee its policy, and its office
 * (the body that runs the plan day to day and chases what is late).
 */
export function seesWholePlan(user: CurrentUser, policyId: string, model: PlanModel): boolean {
  return (
    oversees(user, policyId) ||
    (model.office !== null && actorsOf(user, policyId).has(model.office))
  )
}

/** A policy and its plans are visible to its units, its leaders, its region's authors and admins. */
export function canSeePolicy(user: CurrentUser, policyId: string): boolean {
  return (
    oversees(user, policyId) ||
    holdsRoleFor(user, 'author', policyId) ||
    actorsOf(user, policyId).size > 0
  )
}

/** A plan is visible to whoever sees its policy ({@link canSeePolicy}). */
export const canSeePlan = canSeePolicy

export function canSeeTask(
  user: CurrentUser,
  policyId: string,
  task: TaskRow,
  model: PlanModel,
): boolean {
  const actors = actorsOf(user, policyId)
  if (
    seesWholePlan(user, policyId, model) ||
    actors.has(task.assignee) ||
    (task.reviewer !== null && actors.has(task.reviewer))
  )
    return true
  // Beyond their own tasks, a unit follows what its kind says (a procedure it acts in at some step).
  return taskKind(task.kind).followedBy?.(model, actors).includes(task.source_id) ?? false
}

/** The plans the user may see, with their models. */
export async function visiblePlans(
  db: Kysely<Database>,
  user: CurrentUser,
): Promise<PlanContext[]> {
  const plans = await db.selectFrom('plan').select(['id', 'policy_id']).execute()
  return Promise.all(
    plans
      .filter((plan) => canSeePlan(user, plan.policy_id))
      .map((plan) => loadPlanContext(db, plan.id)),
  )
}

/**
 * {@link canSeeTask} as a condition on the `task` table, over the plans the user may see
 * ({@link visiblePlans}): use it to filter in SQL.
 *
 * @example
 * db.selectFrom('task').select('id').where((eb) => visibleTaskFilter(eb, user, await visiblePlans(db, user)))
 */
export function visibleTaskFilter(
  eb: ExpressionBuilder<Database, 'task'>,
  user: CurrentUser,
  plans: readonly PlanContext[],
) {
  const perPlan = plans.map(({ plan, model }) => {
    if (seesWholePlan(user, plan.policy_id, model)) return eb('task.plan_id', '=', plan.id)
    const actors = [...actorsOf(user, plan.policy_id)]
    const followed = followedSources(model, new Set(actors))
    const sees = [
      ...(actors.length
        ? [eb('task.assignee', 'in', actors), eb('task.reviewer', 'in', actors)]
        : []),
      ...followed.map(({ kind, sourceIds }) =>
        eb.and([eb('task.kind', '=', kind), eb('task.source_id', 'in', sourceIds)]),
      ),
    ]
    return eb.and([eb('task.plan_id', '=', plan.id), eb.or(sees)])
  })
  return eb.or(perPlan)
}
