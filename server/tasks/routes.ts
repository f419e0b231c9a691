/** @module /api/tasks — my unit's tasks, one task's page, and events on it. */
import { Hono } from 'hono'
import {
  batchApproveBody,
  extensionDecisionBody,
  extensionRequestBody,
  lightClearanceBody,
  progressReportBody,
  subTasksBody,
  taskEventBody,
  transferTaskBody,
  urgeBody,
} from '../../schemas/api/requests.schema.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { isSupervised } from '../../domain/supervision/escalation.ts'
import { AppError, notFound } from '../errors.ts'
import { deniedRead } from '../audit/denials.ts'
import type { AppEnv } from '../http/env.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write, writesNothing } from '../http/write.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import { actorsOf, canSeeTask, oversees, seesWholePlan } from '../access/visibility.ts'
import { KINDS_WITH_OWN_ACTORS } from '../task-kinds/registry.ts'
import { actorsFor, mayAct } from './access.ts'
import { eventTarget, NO_SUCH_TASK, sendTaskEvent, visibleTask } from './send-event.ts'
import { extensionView, summarize, taskDetail } from './task-views.ts'
import { decideExtension, requestExtension, visibleOrDeciding } from './extension.ts'
import { urgeTask } from './urge.ts'
import { previewSplit, splitTask } from './split-task.ts'
import { transferTask } from './transfer-task.ts'
import { refuseWorkUnlessRunning } from '../access/plan-writable.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { taskListQuery } from '../../schemas/api/queries.schema.ts'
import { TASK_LIGHTS } from '../../schemas/api/responses.schema.ts'
import { loadSupervisionFacts } from './task-lights.ts'
import { taskListPage } from './task-pages.ts'
import { clearRedLight, reportProgress } from './progress-actions.ts'
import { approveTasks } from './batch-approve.ts'
import { matchesSearch, searchWords } from './task-search.ts'

export const taskRoutes = new Hono<AppEnv>()
  .get('/', queryOf(taskListQuery), async (c) => {
    const { reads: db, clock } = c.get('deps')
    const user = c.get('user')
    const q = c.req.query()
    // An archived plan's tasks leave the inbox, as the plan leaves the plan list; asked for by
    // name (`?plan=`), they are still read. Only those plans are read: a province has hundreds.
    const plansQuery = q.plan
      ? db.selectFrom('plan').where('id', '=', q.plan)
      : db.selectFrom('plan').where('status', '<>', 'archived')
    if (q.pageSize !== undefined || q.after !== undefined) {
      const named = await plansQuery.selectAll().execute()
      return c.json(await taskListPage(db, user, named, q, civilDateAt(clock.now())))
    }
    const limit = Math.min(Number(q.limit ?? 500) || 500, 5000)
    const visiblePlans = await plansQuery.select(['id', 'policy_id']).execute()
    const today = civilDateAt(clock.now())
    const rows = []
    for (const plan of visiblePlans) {
      const mine = [...actorsOf(user, plan.policy_id)]
      if (mine.length === 0 && !oversees(user, plan.policy_id)) continue
      const context = await loadPlanContext(db, plan.id)
      const all = q.scope === 'all' && seesWholePlan(user, plan.policy_id, context.model)
      if (!all && mine.length === 0) continue
      let query = db.selectFrom('task').selectAll().where('plan_id', '=', plan.id)
      if (!all)
        query =
          q.role === 'review'
            ? query.where('reviewer', 'in', mine)
            : query.where('assignee', 'in', mine)
      if (q.phase) query = query.where('phase_id', '=', q.phase)
      if (q.state) query = query.where('state', 'in', q.state.split(','))
      if (q.period) query = query.where('period', '=', q.period)
      if (q.assignee) query = query.where('assignee', '=', q.assignee)
      if (q.dueAfter) query = query.where('due_on', '>=', q.dueAfter)
      if (q.dueBefore) query = query.where('due_on', '<=', q.dueBefore)
      const found = await query.execute()
      const filtered = !!(
        q.phase ||
        q.state ||
        q.period ||
        q.assignee ||
        q.dueAfter ||
        q.dueBefore ||
        q.role === 'review'
      )
      if (!all && !filtered) {
        // Procedures come to each actor when their step is reached (the city sees applications to evaluate).
        const seen = new Set(found.map((task) => task.id))
        const procedures = await db
          .selectFrom('task')
          .selectAll()
          .where('plan_id', '=', plan.id)
          .where('kind', 'in', [...KINDS_WITH_OWN_ACTORS])
          .execute()
        found.push(
          ...procedures.filter(
            (task) =>
              !seen.has(task.id) &&
              mayAct(user, plan.policy_id, actorsFor(context.model, task, 'COMPLETE')),
          ),
        )
      }
      // The light is computed for the rows found, from the few report and clearance rows.
      const facts = await loadSupervisionFacts(
        db,
        plan.id,
        found.map((task) => task.id),
      )
      for (const task of found) rows.push(summarize(task, context, today, facts))
    }
    const wanted = searchWords(q.q)
    const unlit = rows.filter(
      (row) =>
        (q.overdue !== 'true' || row.overdue) &&
        (q.dueSoon !== 'true' || row.dueSoon) &&
        matchesSearch(row, wanted),
    )
    const byLight = Object.fromEntries(
      TASK_LIGHTS.map((light) => [light, unlit.filter((row) => row.light === light).length]),
    ) as Record<(typeof TASK_LIGHTS)[number], number>
    const lights = q.light ? new Set(q.light.split(',')) : null
    const filtered = lights ? unlit.filter((row) => lights.has(row.light)) : unlit
    filtered.sort(
      (a, b) =>
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.title.localeCompare(b.title),
    )
    const counts = {
      total: filtered.length,
      overdue: filtered.filter((row) => row.overdue).length,
      dueSoon: filtered.filter((row) => row.dueSoon).length,
      escalated: filtered.filter((row) => isSupervised(row.escalation)).length,
      byLight,
      byState: Object.fromEntries(
        [...new Set(filtered.map((row) => row.state))].map((state) => [
          state,
          filtered.filter((row) => row.state === state).length,
        ]),
      ),
    }
    return c.json({ counts, tasks: filtered.slice(0, limit) })
  })
  .post('/approve', validJson(batchApproveBody), async (c) => {
    const deps = c.get('deps')
    const { taskIds, comment } = c.req.valid('json')
    return write(c, async (trx) =>
      c.json(
        await approveTasks(
          trx,
          c.get('user'),
          taskIds,
          comment,
          deps.clock.now(),
          c.get('requestId') ?? null,
        ),
      ),
    )
  })
  .get('/:id', async (c) => {
    const deps = c.get('deps')
    const { task, context } = await visibleOrDeciding(deps, c.get('user'), c.req.param('id'))
    const detail = await taskDetail(
      deps.reads,
      task,
      context,
      c.get('user'),
      civilDateAt(deps.clock.now()),
    )
    c.header('ETag', `"${task.version}"`)
    return c.json(detail)
  })
  .post('/:id/events', validJson(taskEventBody), async (c) => {
    const deps = c.get('deps')
    const body = c.req.valid('json')
    const ifMatchHeader = c.req.header('if-match')
    const ifMatch =
      ifMatchHeader === undefined
        ? undefined
        : Number(ifMatchHeader.replace(/^W\//, '').replace(/"/g, ''))
    if (ifMatch !== undefined && !Number.isInteger(ifMatch)) {
      throw new AppError(400, 'bad-request', {
        zh: 'If-Match 应为任务版本号',
        en: 'If-Match must be the task version',
      })
    }
    const input = {
      taskId: c.req.param('id'),
      body,
      ...(ifMatch !== undefined ? { ifMatch } : {}),
      requestId: c.get('requestId'),
    }
    const user = c.get('user')
    // The task is read in the event's transaction, and only there: another unit's task answers
    // as a missing one, once nothing of the event is written, and the attempt is audited.
    let hidden = false
    try {
      return await write(c, async (trx) => {
        const target = await eventTarget(trx, input.taskId)
        if (!target) throw notFound(NO_SUCH_TASK)
        const { task: found, context } = target
        hidden = !canSeeTask(user, context.plan.policy_id, found, context.model)
        if (hidden) throw notFound(NO_SUCH_TASK)
        const now = deps.clock.now()
        const task = await sendTaskEvent(trx, target, user, input, now)
        const facts = await loadSupervisionFacts(trx, task.plan_id, [task.id])
        const summary = summarize(task, context, civilDateAt(now), facts)
        return c.json(summary, 200, { ETag: `"${summary.version}"` })
      })
    } catch (error) {
      if (hidden) throw await deniedRead(deps, user, 'task', input.taskId, NO_SUCH_TASK)
      throw error
    }
  })
  .post('/:id/progress', validJson(progressReportBody), async (c) => {
    const deps = c.get('deps')
    const body = c.req.valid('json')
    const { task, context } = await visibleTask(deps, c.get('user'), c.req.param('id'))
    return write(c, async (trx) => {
      const now = deps.clock.now()
      const report = await reportProgress(trx, context, c.get('user'), task, body, now)
      const facts = await loadSupervisionFacts(trx, task.plan_id, [task.id])
      return c.json({ report, task: summarize(task, context, civilDateAt(now), facts) }, 201)
    })
  })
  .post('/:id/clear-red', validJson(lightClearanceBody), async (c) => {
    const deps = c.get('deps')
    const body = c.req.valid('json')
    const { task, context } = await visibleTask(deps, c.get('user'), c.req.param('id'))
    return write(c, async (trx) => {
      const now = deps.clock.now()
      await clearRedLight(trx, context, c.get('user'), task, body, now)
      const facts = await loadSupervisionFacts(trx, task.plan_id, [task.id])
      return c.json(summarize(task, context, civilDateAt(now), facts))
    })
  })
  .post('/:id/extension', validJson(extensionRequestBody), async (c) => {
    const deps = c.get('deps')
    const body = c.req.valid('json')
    const { task, context } = await visibleTask(deps, c.get('user'), c.req.param('id'))
    return write(c, async (trx) => {
      const by = { user: c.get('user'), now: deps.clock.now(), requestId: c.get('requestId') }
      return c.json(extensionView(await requestExtension(trx, context, task.id, body, by)), 201)
    })
  })
  .post('/:id/extension/decision', validJson(extensionDecisionBody), async (c) => {
    const deps = c.get('deps')
    const body = c.req.valid('json')
    const { task, context } = await visibleOrDeciding(deps, c.get('user'), c.req.param('id'))
    return write(c, async (trx) => {
      const by = { user: c.get('user'), now: deps.clock.now(), requestId: c.get('requestId') }
      return c.json(extensionView(await decideExtension(trx, context, task.id, body, by)), 200)
    })
  })
  .post('/:id/urge', validJson(urgeBody), async (c) => {
    const deps = c.get('deps')
    const { message } = c.req.valid('json')
    const { task, context } = await visibleTask(deps, c.get('user'), c.req.param('id'))
    return write(c, async (trx) => {
      const by = { user: c.get('user'), now: deps.clock.now(), requestId: c.get('requestId') }
      return c.json(await urgeTask(trx, context, task.id, message.trim(), by), 201)
    })
  })
  .post('/:id/subtasks', validJson(subTasksBody), async (c) => {
    const deps = c.get('deps')
    const body = c.req.valid('json')
    const user = c.get('user')
    const { task, context } = await visibleTask(deps, user, c.req.param('id'))
    refuseWorkUnlessRunning(context.plan)
    const now = deps.clock.now()
    const today = civilDateAt(now)
    if (body.dryRun) {
      const preview = await previewSplit(deps.reads, context, user, task, body, now, today)
      writesNothing(c)
      return c.json({ dryRun: true, ...preview })
    }
    return write(c, async (trx) => {
      const { plan_status: status } = await trx
        .selectFrom('plan')
        .select('status as plan_status')
        .where('id', '=', context.plan.id)
        .executeTakeFirstOrThrow()
      refuseWorkUnlessRunning({ status })
      const made = await splitTask(
        trx,
        context,
        user,
        task.id,
        body,
        now,
        today,
        c.get('requestId') ?? null,
      )
      return c.json({ dryRun: false, ...made }, 201)
    })
  })
  .post('/:id/transfer', validJson(transferTaskBody), async (c) => {
    const deps = c.get('deps')
    const body = c.req.valid('json')
    const user = c.get('user')
    const { context } = await visibleTask(deps, user, c.req.param('id'))
    return write(c, async (trx) => {
      const { plan_status: status } = await trx
        .selectFrom('plan')
        .select('status as plan_status')
        .where('id', '=', context.plan.id)
        .executeTakeFirstOrThrow()
      refuseWorkUnlessRunning({ status })
      const now = deps.clock.now()
      const moved = await transferTask(
        trx,
        context,
        user,
        c.req.param('id'),
        body,
        now,
        c.get('requestId') ?? null,
      )
      const summary = summarize(moved, context, civilDateAt(now))
      return c.json(summary, 200, { ETag: `"${summary.version}"` })
    })
  })
