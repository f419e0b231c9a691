/**
 * @module The assessments a user runs: those whose assessor (考核主体) or `with` units include one
 * of the user's units, in the plans the user sees that are not archived. The web app lands such a
 * user on them and shows 考核 in its navigation.
 */
import type { Kysely } from 'kysely'
import type { Assessing } from '../../schemas/api/responses.schema.ts'
import type { Database } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import { actorsOf, visiblePlans } from '../access/visibility.ts'
import { assessedBy } from './assessment-access.ts'

/** The user's assessments, plan by plan in the order plans were started. */
export async function assessingOf(db: Kysely<Database>, user: CurrentUser): Promise<Assessing[]> {
  const plans = await visiblePlans(db, user)
  return plans
    .filter((context) => context.plan.status !== 'archived')
    .sort((a, b) => a.plan.started_at.localeCompare(b.plan.started_at))
    .flatMap((context) => {
      const mine = actorsOf(user, context.plan.policy_id)
      if (mine.size === 0) return []
      return (context.model.config.assessments ?? [])
        .filter((assessment) => assessedBy(context, assessment).some((id) => mine.has(id)))
        .map((assessment) => ({
          planId: context.plan.id,
          planName: context.plan.name,
          assessmentId: assessment.id,
          assessmentName: assessment.name,
        }))
    })
}
