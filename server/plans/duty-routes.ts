/**
 * @module POST /api/plans/:id/duties/:dutyId/activate — an office activates an optional duty
 * (`optional`: 条件成熟的……可) once it finds the condition holds: the duty starts then, its tasks
 * made for what is still open (tasks/start-duties.ts), in the request's one transaction with its
 * audit entry. Mounted from routes.ts.
 */
import { Hono } from 'hono'
import { activateDutyBody } from '../../schemas/api/requests.schema.ts'
import { AppError, notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { findDuty } from '../task-kinds/registry.ts'
import { startDuty, startedDutyIds } from '../tasks/start-duties.ts'
import { lifecycleForbidden, mayGovernLifecycle, wrongStatus } from './plan-lifecycle.ts'
import { visiblePlan } from './visible-plan.ts'

export const dutyRoutes = new Hono<AppEnv>().post(
  '/:id/duties/:dutyId/activate',
  validJson(activateDutyBody),
  async (c) => {
    const context = await visiblePlan(c, { entity: 'plan' }, { lifecycle: true })
    if (!mayGovernLifecycle(c.get('user'), context)) throw lifecycleForbidden()
    if (context.plan.status !== 'running')
      throw wrongStatus(context.plan, { zh: '启用任务', en: 'given a duty' }, ['running'])
    const kinded = findDuty(context.model, c.req.param('dutyId'))
    if (!kinded || kinded.kind !== 'responsibility')
      throw notFound({ zh: '本计划没有该任务', en: 'No such duty in this plan' })
    const { duty } = kinded
    if (!duty.optional)
      throw new AppError(
        422,
        'invalid-body',
        { zh: `「${duty.title}」不是可选任务`, en: `"${duty.title}" is not an optional duty` },
        {
          issues: [
            {
              pointer: '',
              code: 'invalid-value',
              message: {
                zh: '只有配置中写了 optional 的任务需要启用；其他任务随计划或其事件开始',
                en: 'Only a duty the config marks optional is activated; others start with the plan or their event',
              },
            },
          ],
        },
      )
    const { reason } = c.req.valid('json')
    const now = c.get('deps').clock.now()
    return write(c, async (trx) => {
      if ((await startedDutyIds(trx, context.plan.id)).has(duty.id))
        throw new AppError(409, 'conflict', {
          zh: `「${duty.title}」已经启用`,
          en: `"${duty.title}" is already active`,
        })
      const tasks = await startDuty(
        trx,
        context,
        kinded,
        `activated: ${reason.trim()}`,
        now,
        c.get('user').id,
      )
      return c.json({ duty: duty.id, condition: duty.optional!.condition, tasks }, 201)
    })
  },
)
