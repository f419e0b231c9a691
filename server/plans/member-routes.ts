/**
 * @module /api/plans/:id/groups/:groupId/members — a group's members in a running plan: read them,
 * preview a change (`?dryRun=true`, writes nothing) or apply it (`If-Match` with the members'
 * version, so two offices editing at once do not overwrite each other). Mounted from routes.ts.
 */
import { Hono } from 'hono'
import { planMembersBody } from '../../schemas/api/requests.schema.ts'
import { planMembersQuery } from '../../schemas/api/queries.schema.ts'
import { mayGovernPlan } from '../access/plan-governance.ts'
import { AppError } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write, writesNothing } from '../http/write.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import {
  applyMemberChange,
  groupOf,
  membersChanged,
  membersVersion,
  planMemberChange,
} from './change-members.ts'
import { changeView, membersView } from './member-views.ts'
import { visiblePlan } from './visible-plan.ts'
import { refuseWorkUnlessRunning } from '../access/plan-writable.ts'

/** The version an `If-Match` header names (`"abc"`, `W/"abc"`), or undefined without one. */
function ifMatchOf(header: string | undefined): string | undefined {
  return header === undefined ? undefined : header.replace(/^W\//, '').replace(/"/g, '').trim()
}

export const memberRoutes = new Hono<AppEnv>()
  .get('/:id/groups/:groupId/members', async (c) => {
    const context = await visiblePlan(c)
    const view = membersView(context, c.get('user'), c.req.param('groupId'))
    return c.json(view, 200, { ETag: `"${view.version}"` })
  })
  .put(
    '/:id/groups/:groupId/members',
    queryOf(planMembersQuery),
    validJson(planMembersBody),
    async (c) => {
      const { reads, clock } = c.get('deps')
      const context = await visiblePlan(c)
      const user = c.get('user')
      const groupId = c.req.param('groupId')
      groupOf(context.model, groupId)
      // A closed plan's work is over: no member brings new tasks into it. (Archived: visiblePlan.)
      if (context.plan.status === 'closed') refuseWorkUnlessRunning(context.plan)
      if (!mayGovernPlan(user, context))
        throw new AppError(403, 'forbidden', {
          zh: '只有本计划的办公室、系统管理员或地区管理员可以调整组织成员。',
          en: 'Only the plan’s office, an admin or a region admin may change a group’s members.',
        })
      const dryRunParam = c.req.query('dryRun')
      if (dryRunParam !== undefined && dryRunParam !== 'true' && dryRunParam !== 'false')
        throw new AppError(400, 'bad-request', {
          zh: `dryRun 应为 true 或 false，收到「${dryRunParam}」`,
          en: `dryRun must be true or false, not "${dryRunParam}"`,
        })
      const dryRun = dryRunParam === 'true'
      const expected = ifMatchOf(c.req.header('if-match'))
      const current = membersVersion(context.plan.extra_units)
      if (expected !== undefined && expected !== current) throw membersChanged()
      const { members } = c.req.valid('json')
      if (dryRun) {
        writesNothing(c)
        const change = await planMemberChange(reads, context, groupId, members, clock.now())
        return c.json(changeView(context, change, true, current), 200, { ETag: `"${current}"` })
      }
      if (expected === undefined)
        throw new AppError(428, 'bad-request', {
          zh: '请在 If-Match 中给出读取时的成员版本（GET 成员时的 ETag），以免覆盖他人的修改。',
          en: 'Send the members’ version you read (the ETag of GET …/members) as If-Match, so that no one’s change is overwritten.',
        })
      return write(c, async (trx) => {
        const now = clock.now()
        // Laid out inside the transaction: a period opening meanwhile cannot slip between.
        const fresh = await loadPlanContext(trx, context.plan.id)
        if (membersVersion(fresh.plan.extra_units) !== expected) throw membersChanged()
        const change = await planMemberChange(trx, fresh, groupId, members, now)
        await applyMemberChange(trx, fresh, change, {
          actor: user.id,
          now,
          requestId: c.get('requestId'),
        })
        const version = membersVersion(JSON.stringify(change.members))
        return c.json(changeView(fresh, change, false, version), 200, { ETag: `"${version}"` })
      })
    },
  )
