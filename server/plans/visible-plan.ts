/** @module The plan a route names (`:id`), with its model — a 404 for a plan this user may not see. */
import type { Context } from 'hono'
import { notFound } from '../errors.js'
import type { AppEnv } from '../http/env.js'
import { canSeePlan } from '../access/visibility.js'
import { loadPlanContext } from './plan-context.js'
import type { PlanContext } from './plan-context.js'

export async function visiblePlan(c: Context<AppEnv>): Promise<PlanContext> {
  const context = await loadPlanContext(c.get('deps').reads, c.req.param('id')!)
  if (!canSeePlan(c.get('user'), context.plan.policy_id)) throw notFound({ zh: '找不到该计划', en: 'No such plan' })
  return context
}
