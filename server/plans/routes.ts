/**
 * @module /api/plans — start a plan, list and read plans, progress, phase sign-off; a group's
 * members (member-routes.ts).
 */
import { Hono } from 'hono'
import { signOffBody, startPlanBody } from '../../schemas/api/requests.schema.ts'
import { AppError, notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { requireRole } from '../http/middleware/authenticate.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { findVersion } from '../policies/repository.ts'
import { actorsOf, canSeePlan, managesPolicy, seesWholePlan } from '../access/visibility.ts'
import { summarize } from '../tasks/task-views.ts'
import { loadSupervisionFacts } from '../tasks/task-lights.ts'
import { urgersOf } from '../tasks/urge.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { STOPPED_STATES } from '../../domain/workflow/task-states.ts'
import { SUPERVISED_FROM } from '../../domain/supervision/escalation.ts'
import { planProgress } from './progress.ts'
import { signOffPhase } from './sign-off.ts'
import { insertPlan, preparePlan } from './start-plan.ts'
import { memberRoutes } from './member-routes.ts'
import { lifecycleRoutes } from './lifecycle-routes.ts'
import { dutyRoutes } from './duty-routes.ts'
import { planAsOfQuery, planListQuery } from '../../schemas/api/queries.schema.ts'
import { checkAsOf, endOfDay, tasksAsOf } from './as-of.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { migrationRoutes } from './migration-routes.ts'
import { visiblePlan } from './visible-plan.ts'

/** The most tasks each 督办 list (督办, 通报) shows: the earliest due first. */
const ESCALATION_PAGE = 200

export const planRoutes = new Hono<AppEnv>()
  .post(
    '/',
    requireRole('author', 'admin', 'region-admin'),
    validJson(startPlanBody),
    async (c) => {
      const { reads, clock } = c.get('deps')
      const body = c.req.valid('json')
      // Another region's policy is answered as missing: its versions are not this user's to see.
      const version = managesPolicy(c.get('user'), body.policyId)
        ? await findVersion(reads, body.policyId, body.version)
        : undefined
      if (!version) throw notFound({ zh: '找不到该政策版本', en: 'No such policy version' })
      const prepared = await preparePlan(version, clock.now(), c.get('user').id, {
        versionId: version.id,
        ...(body.name ? { name: body.name } : {}),
        ...(body.members ? { members: body.members } : {}),
      })
      return write(c, async (trx) => {
        const started = await insertPlan(trx, prepared)
        return c.json(
          { plan: started.plan, tasks: started.tasks, unassigned: started.unassigned },
          201,
        )
      })
    },
  )
  .get('/', queryOf(planListQuery), async (c) => {
    const { reads: db } = c.get('deps')
    const user = c.get('user')
    const { status, all } = c.req.valid('query')
    const statuses: readonly string[] = planListQuery.properties.status.enum
    if (status !== undefined && !statuses.includes(status))
      throw new AppError(400, 'bad-request', {
        zh: `status 应为 ${statuses.join('、')} 之一，收到「${status}」`,
        en: `status must be one of ${statuses.join(', ')}, not "${status}"`,
      })
    if (all !== undefined && all !== 'true' && all !== 'false')
      throw new AppError(400, 'bad-request', {
        zh: `all 应为 true 或 false，收到「${all}」`,
        en: `all must be true or false, not "${all}"`,
      })
    // Archived plans are out of the way unless asked for by status or with all=true.
    let query = db.selectFrom('plan').selectAll()
    if (status) query = query.where('status', '=', status)
    else if (all !== 'true') query = query.where('status', '<>', 'archived')
    const plans = await query.orderBy('started_at', 'desc').execute()
    return c.json({ plans: plans.filter((plan) => canSeePlan(user, plan.policy_id)) })
  })
  .get('/:id', async (c) => {
    const { reads: db } = c.get('deps')
    const context = await visiblePlan(c)
    const phases = await db
      .selectFrom('plan_phase')
      .selectAll()
      .where('plan_id', '=', context.plan.id)
      .orderBy('opens_on')
      .execute()
    const version = context.model.config.metadata
    return c.json({
      plan: context.plan,
      policy: { id: version.id, title: version.title, version: version.version },
      phases,
    })
  })
  .get('/:id/progress', queryOf(planAsOfQuery), async (c) => {
    const { reads: db, clock } = c.get('deps')
    const context = await visiblePlan(c)
    const asOf = checkAsOf(c.req.valid('query').asOf, context.plan.started_at, clock.now())
    return c.json(await planProgress(db, clock, context, asOf))
  })
  .get('/:id/escalations', queryOf(planAsOfQuery), async (c) => {
    const { reads: db, clock } = c.get('deps')
    const context = await visiblePlan(c)
    const user = c.get('user')
    const asOf = checkAsOf(c.req.valid('query').asOf, context.plan.started_at, clock.now())
    let query = db.selectFrom('task').selectAll().where('plan_id', '=', context.plan.id)
    if (!seesWholePlan(user, context.plan.policy_id, context.model))
      query = query.where('assignee', 'in', [...actorsOf(user, context.plan.policy_id), ''])
    // Today: each list's first page straight from the index by plan, level and deadline
    // (migration 2026_12_09_0200_read_indexes). As of a past day, the levels and states are those
    // of then (as-of.ts), so every task is read.
    const firstPage = (from: number, below?: number) =>
      query
        .where('escalation_level', '>=', from)
        .$if(below !== undefined, (q) => q.where('escalation_level', '<', below!))
        .where('state', 'not in', [...STOPPED_STATES])
        .orderBy('due_on')
        .orderBy('id')
        .limit(ESCALATION_PAGE)
        .execute()
    const rows = asOf
      ? (await tasksAsOf(db, context.plan.id, await query.execute(), asOf))
          .filter(
            (row) => row.escalation_level >= SUPERVISED_FROM && !STOPPED_STATES.includes(row.state),
          )
          .sort((a, b) => (a.due_on ?? '\uffff').localeCompare(b.due_on ?? '\uffff'))
          .slice(0, 1000)
      : [...(await firstPage(SUPERVISED_FROM, SUPERVISED_FROM + 1)), ...(await firstPage(4))]
    const today = asOf ?? civilDateAt(clock.now())
    const facts = await loadSupervisionFacts(
      db,
      context.plan.id,
      rows.map((row) => row.id),
      asOf && endOfDay(asOf),
    )
    const summaries = rows.map((row) => summarize(row, context, today, facts))
    const supervise = summaries.filter((task) => task.escalation === 3).slice(0, ESCALATION_PAGE)
    const circulate = summaries.filter((task) => task.escalation === 4).slice(0, ESCALATION_PAGE)
    const listed = new Set([...supervise, ...circulate].map((task) => task.id))
    const urgers = await urgersOf(
      db,
      context,
      user,
      rows.filter((row) => listed.has(row.id)),
    )
    return c.json({ supervise, circulate, urgeable: [...urgers.keys()] })
  })
  .post('/:id/phases/:phaseId/sign-off', validJson(signOffBody), async (c) => {
    const body = c.req.valid('json')
    const context = await visiblePlan(c)
    return write(c, async (trx) =>
      c.json(
        await signOffPhase(
          trx,
          context,
          c.get('user'),
          c.req.param('phaseId'),
          body.note,
          c.get('deps').clock.now(),
        ),
      ),
    )
  })
  .route('/', memberRoutes)
  .route('/', lifecycleRoutes)
  .route('/', dutyRoutes)
  .route('/', migrationRoutes)
