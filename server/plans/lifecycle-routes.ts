/**
 * @module /api/plans/:id/{lifecycle,suspend,resume,close,archive} — the rest of a plan's life
 * (plan-lifecycle.ts): what the plan's page may offer, and the four governed moves, each in the
 * request's one transaction with its audit entry. Mounted from routes.ts.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import {
  archivePlanBody,
  closePlanBody,
  resumePlanBody,
  suspendPlanBody,
} from '../../schemas/api/requests.schema.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { holdsRoleFor } from '../access/visibility.ts'
import { AppError } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write, writesNothing } from '../http/write.ts'
import { summarize } from '../tasks/task-views.ts'
import { checkMayClose, closePlan, periodEnd, planClose } from './close-plan.ts'
import {
  archivePlan,
  lifecycleForbidden,
  mayGovernLifecycle,
  suspendPlan,
  wrongStatus,
} from './plan-lifecycle.ts'
import { resumePlan } from './resume-plan.ts'
import { visiblePlan } from './visible-plan.ts'

/** The plan the route names, if the user may see it (404) and govern its lifecycle (403). */
async function governedPlan(c: Context<AppEnv>) {
  const context = await visiblePlan(c, { entity: 'plan' }, { lifecycle: true })
  if (!mayGovernLifecycle(c.get('user'), context)) throw lifecycleForbidden()
  return context
}

const by = (c: Context<AppEnv>) => ({
  actor: c.get('user').id,
  now: c.get('deps').clock.now(),
  requestId: c.get('requestId'),
})

export const lifecycleRoutes = new Hono<AppEnv>()
  .get('/:id/lifecycle', async (c) => {
    const { reads, clock } = c.get('deps')
    const context = await visiblePlan(c)
    const user = c.get('user')
    const { endsOn, ended } = periodEnd(context.model, clock.now())
    const policyId = context.plan.policy_id
    const suspensions = await reads
      .selectFrom('plan_suspension')
      .selectAll()
      .where('plan_id', '=', context.plan.id)
      .orderBy('suspended_at', 'desc')
      .limit(100)
      .execute()
    return c.json({
      status: context.plan.status,
      suspendedAt: context.plan.suspended_at,
      closedAt: context.plan.closed_at,
      closeReason: context.plan.close_reason,
      archivedAt: context.plan.archived_at,
      mayGovern: mayGovernLifecycle(user, context),
      mayForceClose:
        holdsRoleFor(user, 'admin', policyId) || holdsRoleFor(user, 'region-admin', policyId),
      endsOn,
      ended,
      suspensions: suspensions.map((row) => ({
        suspendedAt: row.suspended_at,
        suspendedBy: row.suspended_by,
        reason: row.reason,
        resumedAt: row.resumed_at,
        resumedBy: row.resumed_by,
        fireMissed: row.fire_missed === null ? null : row.fire_missed === 1,
        missedFired: row.missed_fired,
        missedCancelled: row.missed_cancelled,
      })),
    })
  })
  .post('/:id/suspend', validJson(suspendPlanBody), async (c) => {
    const context = await governedPlan(c)
    const { reason } = c.req.valid('json')
    return write(c, async (trx) =>
      c.json({ plan: await suspendPlan(trx, context.plan, reason.trim(), by(c)) }),
    )
  })
  .post('/:id/resume', validJson(resumePlanBody), async (c) => {
    const context = await governedPlan(c)
    const { fireMissed } = c.req.valid('json')
    return write(c, async (trx) =>
      c.json(await resumePlan(trx, context.plan, fireMissed === true, by(c))),
    )
  })
  .post('/:id/close', validJson(closePlanBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const context = await governedPlan(c)
    const body = c.req.valid('json')
    const force = body.force === true
    const today = civilDateAt(clock.now())
    if (context.plan.status !== 'running' && context.plan.status !== 'suspended')
      throw wrongStatus(context.plan, { zh: '关闭', en: 'closed' }, ['running', 'suspended'])
    if (body.dryRun) {
      writesNothing(c)
      const close = await planClose(reads, context, clock.now())
      return c.json({
        dryRun: true,
        plan: context.plan,
        endsOn: close.endsOn,
        ended: close.ended,
        openTasks: close.open.map((task) => summarize(task, context, today)),
        timers: close.timers,
      })
    }
    const reason = body.reason?.trim()
    if (!reason)
      throw new AppError(
        422,
        'invalid-body',
        { zh: '请填写关闭原因', en: 'Give the reason for closing' },
        {
          issues: [
            {
              pointer: '/reason',
              code: 'missing-field',
              message: {
                zh: '关闭原因会写入每个未完成的任务，必须填写',
                en: 'The reason is written on each open task; it is required',
              },
            },
          ],
        },
      )
    checkMayClose(c.get('user'), context.plan, periodEnd(context.model, clock.now()), force)
    return write(c, async (trx) => {
      const result = await closePlan(trx, context, { reason, force }, by(c))
      return c.json({
        dryRun: false,
        plan: result.plan,
        endsOn: result.close.endsOn,
        ended: result.close.ended,
        openTasks: result.closed.map((task) => summarize(task, context, today)),
        timers: result.timers,
      })
    })
  })
  .post('/:id/archive', validJson(archivePlanBody), async (c) => {
    const context = await governedPlan(c)
    return write(c, async (trx) => c.json({ plan: await archivePlan(trx, context.plan, by(c)) }))
  })
