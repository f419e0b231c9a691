/** @module /api/plans/:id/indicators — indicators against targets by year, for a unit, a group or the region. */
import { Hono } from 'hono'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { AppError } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { recordDenied } from '../audit/denials.ts'
import { visiblePlan } from '../plans/visible-plan.ts'
import { actorsOf, holdsRoleFor, oversees } from '../access/visibility.ts'
import { assessedUnits } from '../access/assessed-units.ts'
import { indicatorScopes, indicatorSeries, planYears } from './indicator-series.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { indicatorSeriesQuery } from '../../schemas/api/queries.schema.ts'

export const indicatorSeriesRoutes = new Hono<AppEnv>().get(
  '/',
  queryOf(indicatorSeriesQuery),
  async (c) => {
    const { reads, clock } = c.get('deps')
    const context = await visiblePlan(c, { entity: 'indicator_value' })
    const user = c.get('user')
    const policyId = context.plan.policy_id
    const mine = actorsOf(user, policyId)
    const everything = oversees(user, policyId) || holdsRoleFor(user, 'author', policyId)
    // A unit sees its own figures and the region's; leaders and authors see every scope; an
    // assessor also the units it assesses and the groups they are assessed as.
    const all = indicatorScopes(context)
    const assessed = assessedUnits(context, user)
    const scopes = all.filter(
      (scope) =>
        everything ||
        scope.kind === 'region' ||
        (scope.kind === 'unit' && (mine.has(scope.id) || assessed.units.has(scope.id))) ||
        (scope.kind === 'group' && assessed.groups.has(scope.id)),
    )
    // By default one's own unit; for an assessor without figures of its own, the group it assesses.
    const fallback = everything
      ? scopes.find((scope) => scope.kind === 'unit')
      : (scopes.find((scope) => scope.kind === 'unit' && mine.has(scope.id)) ??
        scopes.find((scope) => scope.kind === 'group'))
    const wanted = c.req.query('scope') ?? fallback?.id ?? 'region'
    const scope = scopes.find((s) => s.id === wanted)
    if (!scope) {
      if (all.some((s) => s.id === wanted))
        await recordDenied(c.get('deps'), user, 'indicator_value', `${context.plan.id}/${wanted}`)
      throw new AppError(400, 'bad-request', {
        zh: `「${wanted}」不是可查看的范围。可选：${scopes.map((s) => s.id).join('、')}`,
        en: `"${wanted}" is not a scope you can see. Choose one of: ${scopes.map((s) => s.id).join(', ')}`,
      })
    }
    const years = planYears(context, civilDateAt(clock.now()))
    return c.json({
      scope: { id: scope.id, name: scope.name, kind: scope.kind, members: scope.members.length },
      scopes: scopes.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
      years,
      indicators: await indicatorSeries(reads, context, scope, years),
    })
  },
)
