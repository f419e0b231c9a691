/**
 * @module The plan a route names (`:id`), with its model — a 404 for a plan this user may not
 * see, exactly as for a missing one, and the attempt recorded in the audit log. A mutating request
 * on an archived plan is refused here, once for every route under the plan (409 `plan-archived`).
 */
import type { Context } from 'hono'
import { deniedRead } from '../audit/denials.ts'
import type { DeniedEntity } from '../audit/denials.ts'
import { canSeePlan } from '../access/visibility.ts'
import type { AppEnv } from '../http/env.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { refuseArchivedWrite } from '../access/plan-writable.ts'

/** The plan each request loaded, by its Request (gone with it). */
const loaded = new WeakMap<Request, PlanContext>()

/**
 * The plan named by the route, if the user may see it.
 * @param denied What a refused read is recorded as: the plan itself (default), or what of it the
 *   route reads (`assessment` with the assessment id, `indicator_value`), under `<plan>/<id>`.
 * @param options `lifecycle`: the route moves the plan through its life (lifecycle-routes.ts),
 *   which answers for the plan's status itself.
 * @throws AppError 404 for a missing plan, and for one the user may not see (audited); 409
 *   `plan-archived` for a mutating request on an archived plan.
 */
export async function visiblePlan(
  c: Context<AppEnv>,
  denied: { entity: DeniedEntity; id?: string } = { entity: 'plan' },
  options: { lifecycle?: boolean } = {},
): Promise<PlanContext> {
  const planId = c.req.param('id')!
  // A route that checks the plan before its body asks again in the handler: one load per request.
  const seen = loaded.get(c.req.raw)
  const context =
    seen?.plan.id === planId ? seen : await loadPlanContext(c.get('deps').reads, planId)
  loaded.set(c.req.raw, context)
  if (canSeePlan(c.get('user'), context.plan.policy_id)) {
    // Only mutating requests carry the write seam's state (http/write.ts).
    if (c.get('seam') && !options.lifecycle) refuseArchivedWrite(context.plan)
    return context
  }
  throw await deniedRead(
    c.get('deps'),
    c.get('user'),
    denied.entity,
    denied.id ? `${planId}/${denied.id}` : planId,
    { zh: '找不到该计划', en: 'No such plan' },
  )
}
