/**
 * @module Who does what in an assessment. The assessor (考核主体) and the units it works with
 * compute; only the assessor reviews and publishes; admins may do all of it. Each assessed unit
 * sees its own result; leaders, authors and the assessing units see every unit's.
 */
import type { Assessment } from '../../schemas/index.ts'
import { AppError, notFound } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { actorsOf, holdsRoleFor, oversees } from '../access/visibility.ts'

export type AssessmentAction = 'compute' | 'review' | 'publish'

export function findAssessment(context: PlanContext, assessmentId: string): Assessment {
  const assessment = context.model.config.assessments?.find((a) => a.id === assessmentId)
  if (!assessment)
    throw notFound({
      zh: `本计划没有考核「${assessmentId}」`,
      en: `This plan has no assessment "${assessmentId}"`,
    })
  return assessment
}

/** The units an assessment scores in this plan (group members included). */
export function subjectsOf(context: PlanContext, assessment: Assessment): string[] {
  return context.model.resolveOwners(assessment.subjects, context.members).actors
}

function assessors(context: PlanContext, assessment: Assessment, withPartners: boolean): string[] {
  const ids = [...assessment.assessor, ...(withPartners ? (assessment.with ?? []) : [])]
  return context.model.resolveOwners(ids, context.members).actors
}

/** The units that assess (the assessor and those it computes with). */
export function assessedBy(context: PlanContext, assessment: Assessment): string[] {
  return assessors(context, assessment, true)
}

export function mayDo(
  user: CurrentUser,
  context: PlanContext,
  assessment: Assessment,
  action: AssessmentAction,
): boolean {
  if (holdsRoleFor(user, 'admin', context.plan.policy_id)) return true
  const mine = actorsOf(user, context.plan.policy_id)
  return assessors(context, assessment, action === 'compute').some((id) => mine.has(id))
}

export function requireMay(
  user: CurrentUser,
  context: PlanContext,
  assessment: Assessment,
  action: AssessmentAction,
): void {
  if (mayDo(user, context, assessment, action)) return
  const names = assessors(context, assessment, action === 'compute')
    .map((id) => context.model.actors(context.members).get(id)?.name ?? id)
    .join('、')
  const verbs = {
    compute: ['计算', 'compute'],
    review: ['审核', 'review'],
    publish: ['公布', 'publish'],
  }[action]
  throw new AppError(403, 'forbidden', {
    zh: `只有考核主体（${names}）可以${verbs[0]}本考核结果。`,
    en: `Only the assessor (${names}) may ${verbs[1]} this assessment.`,
  })
}

/** The assessed units whose results this user may read; null for all of them. */
export function readableUnits(
  user: CurrentUser,
  context: PlanContext,
  assessment: Assessment,
): Set<string> | null {
  const policyId = context.plan.policy_id
  if (
    oversees(user, policyId) ||
    holdsRoleFor(user, 'author', policyId) ||
    mayDo(user, context, assessment, 'compute')
  )
    return null
  return actorsOf(user, policyId)
}
