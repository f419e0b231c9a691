/**
 * @module Who may govern a running plan — change what it is made of, such as a group's members:
 * the plan's office (the body that runs it day to day), system admins, and region admins. One
 * rule, asked by every route that changes a plan's make-up.
 */
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { actorsOf } from './visibility.ts'

/** The role of those who administer a region's plans (granted where regions are managed). */
export const REGION_ADMIN_ROLE = 'region-admin'

/**
 * True when the user may govern the plan: an `admin`, a `region-admin`, or a member of a unit
 * of the plan's office (its version's office, else its leadership group).
 * @param context The plan and its model, as `visiblePlan` loaded it.
 */
export function mayGovernPlan(
  user: CurrentUser,
  context: Pick<PlanContext, 'plan' | 'model'>,
): boolean {
  const roles: readonly string[] = user.roles
  if (roles.includes('admin') || roles.includes(REGION_ADMIN_ROLE)) return true
  const office = context.model.office
  return office !== null && actorsOf(user, context.plan.policy_id).has(office)
}
