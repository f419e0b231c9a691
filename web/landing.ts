/**
 * @module Where each person lands after signing in, by what they do: those who lead or
 * administer on the plan's dashboard, reviewers on their review queue, assessors on their
 * assessments, authors in the editor, and everyone else on their tasks. A person with several
 * roles lands where the first of these applies.
 */
import type { Assessing, SessionUser } from '../schemas/api/responses.schema.ts'

/** The path (`#` + path) of the page a signed-in user opens on. */
export function landingPath(user: SessionUser, assessing: readonly Assessing[]): string {
  const holds = (...roles: string[]) => roles.some((role) => user.roles.includes(role))
  if (holds('leader', 'admin', 'region-admin')) return '/dashboard'
  if (holds('reviewer')) return '/inbox/review'
  const first = assessing[0]
  if (first) return `/plans/${encodeURIComponent(first.planId)}/assessments`
  if (holds('author')) return '/author'
  return '/inbox'
}
