/** @module The policy a route names (`:policyId`) — a 404 for one this user may not see, as for none. */
import type { Context } from 'hono'
import { canSeePolicy } from '../access/visibility.ts'
import { notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'

/** The policy id the route names, if the user may see the policy. @throws AppError 404 otherwise */
export function visiblePolicy(c: Context<AppEnv>): string {
  const policyId = c.req.param('policyId')!
  if (!canSeePolicy(c.get('user'), policyId))
    throw notFound({ zh: '找不到该政策', en: 'No such policy' })
  return policyId
}
