/**
 * @module Which audit entries a reader may see, as a condition in SQL. Admins see the whole log.
 * Anyone else sees their own actions and the entries about what they may see — by the one
 * visibility rule (access/visibility.ts): the plans they may see and their phases, assessments,
 * indicator values and runs; the tasks they may see; files they uploaded or that such a task
 * refers to; the versions of those plans' policies; for a region administrator, its region and its
 * region's accounts. Other users' logins and everything of other regions stay out.
 */
import type { ExpressionBuilder, Kysely } from 'kysely'
import { sql } from 'kysely'
import { visiblePlans, visibleTaskFilter } from '../access/visibility.ts'
import type { Database } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'

/** Entities whose id is a plan id, or starts with `<plan id>/` (`plan_phase`: `<plan>/<phase>`). */
export const PLAN_SCOPED_ENTITIES = ['plan', 'plan_phase', 'assessment', 'indicator_value'] as const

/** The condition on `audit_log` rows this user may read; undefined when they may read all. */
export async function auditScope(db: Kysely<Database>, user: CurrentUser) {
  if (user.roles.includes('admin')) return undefined
  const plans = await visiblePlans(db, user)
  const planIds = plans.map((context) => context.plan.id)
  const policyIds = [...new Set(plans.map((context) => context.plan.policy_id))]
  return (eb: ExpressionBuilder<Database, 'audit_log'>) => {
    const visibleTasks = eb
      .selectFrom('task')
      .select('task.id')
      .where((tb) => visibleTaskFilter(tb, user, plans))
    const planScoped = planIds.flatMap((id) => [
      eb('audit_log.entity_id', '=', id),
      sql<boolean>`${eb.ref('audit_log.entity_id')} like ${`${escapeLike(id)}/%`} escape '\\'`,
    ])
    const region = user.roles.includes('region-admin') ? user.regionId : null
    return eb.or([
      eb('audit_log.actor', '=', user.id),
      ...(region !== null
        ? [
            eb.and([eb('audit_log.entity', '=', 'region'), eb('audit_log.entity_id', '=', region)]),
            eb.and([
              eb('audit_log.entity', '=', 'user'),
              eb(
                'audit_log.entity_id',
                'in',
                eb
                  .selectFrom('app_user')
                  .select('app_user.id')
                  .where('app_user.region_id', '=', region),
              ),
            ]),
          ]
        : []),
      eb.and([eb('audit_log.entity', '=', 'task'), eb('audit_log.entity_id', 'in', visibleTasks)]),
      eb.and([eb('audit_log.entity', 'in', [...PLAN_SCOPED_ENTITIES]), eb.or(planScoped)]),
      ...(planIds.length
        ? [
            eb.and([
              eb('audit_log.entity', '=', 'assessment_run'),
              eb(
                'audit_log.entity_id',
                'in',
                eb
                  .selectFrom('assessment_run')
                  .select('assessment_run.id')
                  .where('assessment_run.plan_id', 'in', planIds),
              ),
            ]),
          ]
        : []),
      ...(policyIds.length
        ? [
            eb.and([
              eb('audit_log.entity', '=', 'policy_version'),
              eb(
                'audit_log.entity_id',
                'in',
                eb
                  .selectFrom('policy_version')
                  .select('policy_version.id')
                  .where('policy_version.policy_id', 'in', policyIds),
              ),
            ]),
          ]
        : []),
      eb.and([
        eb('audit_log.entity', '=', 'attachment'),
        eb.or([
          eb(
            'audit_log.entity_id',
            'in',
            eb
              .selectFrom('attachment')
              .select('attachment.id')
              .where('attachment.user_id', '=', user.id),
          ),
          eb(
            'audit_log.entity_id',
            'in',
            eb
              .selectFrom('attachment_ref')
              .select('attachment_ref.attachment_id')
              .where('attachment_ref.task_id', 'in', visibleTasks),
          ),
        ]),
      ]),
    ])
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
