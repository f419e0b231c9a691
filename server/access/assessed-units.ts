/**
 * @module What an assessing unit may see and enter of the units it assesses: an assessment's
 * assessor (考核主体) and the units it computes with (`with`) read and enter the indicator values
 * of the assessment's subjects, and view the indicators by those units and by the groups they are
 * named as — the assessor gathers and checks the data it scores.
 */
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { actorsOf } from './visibility.ts'

/** The units (and the groups named as subjects) the user's units assess in this plan. */
export function assessedUnits(
  context: PlanContext,
  user: CurrentUser,
): { units: Set<string>; groups: Set<string> } {
  const mine = actorsOf(user, context.plan.policy_id)
  const units = new Set<string>()
  const groups = new Set<string>()
  if (mine.size === 0) return { units, groups }
  const { model, members } = context
  for (const assessment of model.config.assessments ?? []) {
    const assessing = model.resolveOwners(
      [...assessment.assessor, ...(assessment.with ?? [])],
      members,
    ).actors
    if (!assessing.some((id) => mine.has(id))) continue
    for (const id of model.resolveOwners(assessment.subjects, members).actors) units.add(id)
    for (const id of assessment.subjects)
      if ((model.config.organizations.groups ?? []).some((group) => group.id === id)) groups.add(id)
  }
  return { units, groups }
}
