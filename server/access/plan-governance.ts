/**
 * @module Who may govern a running plan — change what it is made of, such as a group's members:
 * the plan's office (the body that runs it day to day), system admins, and the administrators of
 * the plan's region. One rule, asked by every route that changes a plan's make-up.
 */
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { actorsOf, holdsRoleFor } from './visibility.ts'

/**
 * True when the user may govern the plan: a system `admin`, a `region-admin` of the plan's region,
 * or a member of a unit of the plan's office (its version's office, else its leadership group).
 * @param context The plan and its model, as `visiblePlan` loaded it.
 */
export function mayGovernPlan(
  user: CurrentUser,
  context: Pick<PlanContext, 'plan' | 'model'>,
): boolean {
  const policyId = context.plan.policy_id
  if (holdsRoleFor(user, 'admin', policyId) || holdsRoleFor(user, 'region-admin', policyId))
    return true
  const office = context.model.office
  return office !== null && actorsOf(user, policyId).has(office)
}
