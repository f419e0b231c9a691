/**
 * @module /api/plans/:id/indicator-values — a plan's indicator data: read values, PUT a batch
 * (all or nothing), import a CSV or .xlsx file (all or nothing, or keeping the good rows; a dry
 * run checks without writing), download the Excel template, and the catalogue of inputs.
 * Departments read and write their own units; those who oversee the policy, authors and admins
 * every unit and the region. Every write appends one audit entry in the request's transaction.
 */
import { policyTitle } from '../../domain/compiler/policy-names.ts'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Context } from 'hono'
import { importRoutes } from './import-routes.ts'
import { correctionsOf, LISTED_REJECTIONS, spread, storeValues } from './store-values.ts'
import { indicatorValuesBody } from '../../schemas/api/requests.schema.ts'
import { AppError } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { write } from '../http/write.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { checkEntries } from './check-entries.ts'
import {
  EntryResolver,
  entryContext,
  planReadableUnits,
  planWritableUnits,
  unitAliases,
} from './entry-context.ts'
import { XLSX_TYPE } from './import/parse-table.ts'
import { entryInputs, findInput, REGION_UNIT } from './inputs.ts'
import { parsePeriod } from './periods.ts'
import { buildTemplate, RANGE_ZH } from './template.ts'
import type { TemplateLayout } from './template.ts'
import { readValues } from './value-store.ts'
import {
  inputNames,
  readLocked,
  readStored,
  valueIssue,
  valuesRefused,
  weighValues,
} from './rules/check-write.ts'
import type { ValueIssue } from './rules/check-write.ts'
import { visiblePlan } from '../plans/visible-plan.ts'
import { recordDenied } from '../audit/denials.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { indicatorTemplateQuery, indicatorValuesQuery } from '../../schemas/api/queries.schema.ts'

/** The largest file accepted: the app's request body limit (8 MiB) bounds it first. */
export { MAX_IMPORT_BYTES } from './import/read-request.ts'
export { MAX_IMPORT_ROWS } from './import-routes.ts'
/** Values one GET returns at most. */
const MAX_READ = 100_000

/** Refuses a plan the user may not see (404, audited) before anything else about the request. */
const planBeforeBody = createMiddleware<AppEnv>(async (c, next) => {
  await visiblePlan(c, { entity: 'indicator_value' })
  await next()
})

export const indicatorValueRoutes = new Hono<AppEnv>()
  .get('/', queryOf(indicatorValuesQuery), async (c) => {
    const { reads } = c.get('deps')
    const plan = await visiblePlan(c, { entity: 'indicator_value' })
    const readable = planReadableUnits(plan, c.get('user'))
    const q = c.req.query()
    const inputs = entryInputs(plan.model.config)
    // Units are named against the whole plan, so a unit the user may not read is known as such.
    const resolver = new EntryResolver(
      entryContext(plan, { system: c.get('user').id }, '', 'api'),
      unitAliases(plan),
    )
    const asked = q.unit
      ? q.unit
          .split(',')
          .map((unit) => resolver.unit(unit))
          .map((unit) => (unit.ok ? unit.value : ''))
      : undefined
    const units = readable ? (asked ?? [...readable]).filter((unit) => readable.has(unit)) : asked
    // Units asked for by name that the user may not read are left out, and the attempt recorded.
    for (const unit of new Set(
      readable && asked ? asked.filter((u) => u !== '' && !readable.has(u)) : [],
    )) {
      await recordDenied(c.get('deps'), c.get('user'), 'indicator_value', `${plan.plan.id}/${unit}`)
    }
    const elements = q.element
      ? q.element.split(',').map((element) => findInput(inputs, element)?.id ?? element)
      : undefined
    const parsedPeriod = q.period ? parsePeriod(q.period) : undefined
    const period = parsedPeriod?.ok ? parsedPeriod.period.text : q.period
    const rows = await readValues(reads, plan.plan.id, {
      ...(units ? { units } : {}),
      ...(elements ? { elements } : {}),
      ...(period ? { periodPrefix: period } : {}),
    })
    const names = plan.model.actors(plan.members)
    const people = await userNames(c, [...new Set(rows.map((row) => row.entered_by))])
    return c.json({
      count: rows.length,
      truncated: rows.length > MAX_READ,
      values: rows.slice(0, MAX_READ).map((row) => {
        const input = inputs.get(row.element_id)
        return {
          element: row.element_id,
          name: input?.name ?? row.element_id,
          valueType: input?.valueType ?? null,
          measure: input?.unit ?? null,
          unit: row.unit_id,
          unitName:
            row.unit_id === REGION_UNIT
              ? plan.model.config.metadata.region.name
              : (names.get(row.unit_id)?.name ?? row.unit_id),
          period: row.period,
          value: row.value,
          version: row.version,
          source: row.source,
          taskId: row.task_id,
          enteredBy: { id: row.entered_by, name: people.get(row.entered_by) ?? row.entered_by },
          enteredAt: row.entered_at,
        }
      }),
    })
  })
  // The plan is checked before the body: a plan the user may not see is a 404 whatever is sent.
  .put('/', planBeforeBody, validJson(indicatorValuesBody), async (c) => {
    const deps = c.get('deps')
    const plan = await visiblePlan(c, { entity: 'indicator_value' })
    const body = c.req.valid('json')
    const now = deps.clock.now().toISOString()
    const resolver = new EntryResolver(
      entryContext(plan, { user: c.get('user') }, now, 'api'),
      unitAliases(plan),
    )
    const checked = checkEntries(body.values, resolver)
    if (checked.issues.length > 0) {
      throw new AppError(
        422,
        'invalid-values',
        {
          zh: `${checked.issues.length} 处数值有误，均未保存`,
          en: `${checked.issues.length} problem(s) in the values; nothing was saved`,
        },
        { issues: checked.issues.slice(0, LISTED_REJECTIONS), issueCount: checked.issues.length },
      )
    }
    const response: {
      applied: number
      submittedTasks: number
      corrected?: number
      warnings?: ValueIssue[]
    } = { applied: checked.accepted.length, submittedTasks: 0 }
    const names = inputNames(resolver.context.inputs)
    return write(c, async (trx) => {
      // Locks and rules are weighed against what is stored, in the transaction that writes.
      const stored = await readStored(trx, plan.plan.id, checked.accepted)
      const locked = await readLocked(
        trx,
        plan.model,
        plan.plan.id,
        checked.accepted,
        deps.clock.now(),
      )
      const weighed = weighValues(plan.model.config, checked.accepted, stored, locked, names)
      const pointer = (index: number) => `/values/${checked.indexes[index]}/value`
      if (weighed.errors.length > 0)
        throw valuesRefused(
          weighed.errors.map((problem) => valueIssue(problem, pointer(problem.index))),
        )
      const { corrections, submittedTasks } = await storeValues(
        c,
        trx,
        plan,
        checked.accepted,
        stored,
        {
          at: now,
          action: 'indicator-values.put',
          payload: (corrections) => ({
            values: checked.accepted.length,
            ...spread(checked.accepted),
            ...correctionsOf(corrections),
          }),
        },
      )
      response.submittedTasks = submittedTasks
      if (corrections.length > 0) response.corrected = corrections.length
      if (weighed.warnings.length > 0)
        response.warnings = weighed.warnings.map((problem) =>
          valueIssue(problem, pointer(problem.index)),
        )
      return c.json(response)
    })
  })
  .route('/', importRoutes)
  .get('/template.xlsx', queryOf(indicatorTemplateQuery), async (c) => {
    const plan = await visiblePlan(c, { entity: 'indicator_value' })
    const layout = (c.req.query('layout') ?? 'wide') as TemplateLayout
    if (layout !== 'wide' && layout !== 'long')
      throw new AppError(400, 'bad-request', {
        zh: 'layout 应为 wide 或 long',
        en: 'layout must be wide or long',
      })
    const periodText = c.req.query('period')
    const period = periodText ? parsePeriod(periodText) : undefined
    if (period && !period.ok) throw new AppError(400, 'bad-request', period.message)
    const bytes = await buildTemplate({
      layout,
      inputs: [...entryInputs(plan.model.config).values()],
      units: templateUnits(plan, planWritableUnits(plan, c.get('user'))),
      period: period?.period.text,
      config: plan.model.config,
    })
    const name = `${policyTitle(plan.model.config.metadata)}-数据填报模板.xlsx`
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    })
  })
  .get('/inputs', async (c) => {
    const plan = await visiblePlan(c, { entity: 'indicator_value' })
    const config = plan.model.config
    const names = new Map<string, string>(
      [...plan.model.actors(plan.members)].map(([id, actor]) => [id, actor.name]),
    )
    for (const group of config.organizations.groups ?? []) names.set(group.id, group.name)
    const indicators = new Map(
      (config.indicators ?? []).map((indicator) => [indicator.id, indicator.name]),
    )
    const writable = planWritableUnits(plan, c.get('user'))
    return c.json({
      inputs: [...entryInputs(config).values()].map((input) => ({
        id: input.id,
        name: input.name,
        kind: input.kind,
        valueType: input.valueType,
        unit: input.unit,
        range: RANGE_ZH[input.valueType],
        frequency: input.frequency,
        owners: input.owners.map((id) => ({ id, name: names.get(id) ?? id })),
        indicators: input.indicators.map((id) => ({ id, name: indicators.get(id) ?? id })),
      })),
      units: templateUnits(plan, writable),
    })
  })

/** The units a user may write, as rows: their own, or every unit of the plan and the region. */
function templateUnits(
  plan: PlanContext,
  writable: ReadonlySet<string> | null,
): Array<{ id: string; name: string }> {
  const actors = plan.model.actors(plan.members)
  const region = { id: REGION_UNIT, name: plan.model.config.metadata.region.name }
  if (writable)
    return [
      ...(writable.has(REGION_UNIT) ? [region] : []),
      ...[...writable]
        .filter((id) => actors.has(id))
        .map((id) => ({ id, name: actors.get(id)!.name })),
    ]
  const external = new Set(
    plan.model.config.organizations.units.filter((unit) => unit.external).map((unit) => unit.id),
  )
  return [
    region,
    ...[...actors.values()]
      .filter((actor) => actor.kind !== 'body' && !external.has(actor.id))
      .map(({ id, name }) => ({ id, name })),
  ]
}

async function userNames(c: Context<AppEnv>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const users = await c
    .get('deps')
    .reads.selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', ids.slice(0, 1000))
    .execute()
  return new Map(users.map((user) => [user.id, user.display_name]))
}
