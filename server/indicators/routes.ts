/**
 * @module /api/plans/:id/indicator-values — a plan's indicator data: read values, PUT a batch
 * (all or nothing), import a CSV or .xlsx file (all or nothing, or keeping the good rows; a dry
 * run checks without writing), download the Excel template, and the catalogue of inputs.
 * Departments read and write their own units; those who oversee the policy, authors and admins
 * every unit and the region. Every write appends one audit entry in the request's transaction.
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import type { Context } from 'hono'
import { indicatorValuesBody } from '../../schemas/api/requests.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { AppError } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { write, writesNothing } from '../http/write.ts'
import { decodeFileName } from '../http/file-name.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { checkEntries } from './check-entries.ts'
import { EntryResolver, entryContext, planWritableUnits, unitAliases } from './entry-context.ts'
import { importValues } from './import/import-values.ts'
import type { ImportReport, RejectedEntry } from './import/import-values.ts'
import { takeImportSlot } from './import/import-slots.ts'
import { XLSX_TYPE } from './import/parse-table.ts'
import { readImportRequest } from './import/read-request.ts'
import { weighImport } from './import/weigh-import.ts'
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
  writeValues,
} from './rules/check-write.ts'
import type { Correction, StoredValues, ValueIssue } from './rules/check-write.ts'
import { settleEntryTasks } from './settle-entry-tasks.ts'
import type { NewIndicatorValue } from './value-store.ts'
import { visiblePlan } from '../plans/visible-plan.ts'
import { recordDenied } from '../audit/denials.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import {
  indicatorImportQuery,
  indicatorTemplateQuery,
  indicatorValuesQuery,
} from '../../schemas/api/queries.schema.ts'

/** The largest file accepted: the app's request body limit (8 MiB) bounds it first. */
export { MAX_IMPORT_BYTES } from './import/read-request.ts'
/** The most data rows one import takes. */
export const MAX_IMPORT_ROWS = 200_000
/** Rejected rows listed in a response; the count is always complete. */
const LISTED_REJECTIONS = 1000
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
    const writable = planWritableUnits(plan, c.get('user'))
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
    const units = writable ? (asked ?? [...writable]).filter((unit) => writable.has(unit)) : asked
    // Units asked for by name that the user may not read are left out, and the attempt recorded.
    for (const unit of new Set(
      writable && asked ? asked.filter((u) => u !== '' && !writable.has(u)) : [],
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
  .post('/import', queryOf(indicatorImportQuery), async (c) => {
    const plan = await visiblePlan(c, { entity: 'indicator_value' })
    const q = c.req.query()
    const mode = q.mode ?? 'all-or-nothing'
    if (mode !== 'all-or-nothing' && mode !== 'keep-good') {
      throw new AppError(400, 'bad-request', {
        zh: `mode 应为 all-or-nothing 或 keep-good，收到「${mode}」`,
        en: `mode must be all-or-nothing or keep-good, got "${mode}"`,
      })
    }
    const dryRun = q.dryRun === 'true' || q.dryRun === '1'
    const fileName = decodeFileName(c.req.header('x-filename'))
    const release = takeImportSlot(c.get('user').id)
    try {
      return await importFile(c, plan, { mode, dryRun, fileName })
    } finally {
      release()
    }
  })
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
    const name = `${plan.model.config.metadata.title}-数据填报模板.xlsx`
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

/**
 * Reads, checks and stores one uploaded file (the caller holds the user's import slot).
 * @throws AppError 413 for a file over 8 MB or one that unpacks too large, 415 for a type not
 * accepted, 422 `import-rejected` for a file that cannot be read or has problems (all-or-nothing)
 */
async function importFile(
  c: Context<AppEnv>,
  plan: PlanContext,
  options: { mode: 'all-or-nothing' | 'keep-good'; dryRun: boolean; fileName: string },
) {
  const { mode, dryRun, fileName } = options
  const deps = c.get('deps')
  const { bytes, table } = await readImportRequest(c, MAX_IMPORT_ROWS, fileName)
  const now = deps.clock.now().toISOString()
  const resolver = new EntryResolver(
    entryContext(plan, { user: c.get('user') }, now, 'import'),
    unitAliases(plan),
  )
  const report = importValues(table, resolver)
  const names = inputNames(resolver.context.inputs)
  // Locks and rules weigh the file's values with what is stored (in the writing transaction).
  const weigh = async (db: Kysely<Database>) => {
    if (report.fatal) return []
    const stored = await readStored(db, plan.plan.id, report.accepted)
    const locked = await readLocked(db, plan.model, plan.plan.id, report.accepted, deps.clock.now())
    return { stored, warnings: weighImport(report, plan.model.config, stored, locked, names) }
  }
  const summarize = (warnings: readonly RejectedEntry[]) => ({
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    layout: report.layout,
    mode,
    dryRun,
    rows: report.rows,
    accepted: report.accepted.length,
    rejectedCount: report.rejected.length,
    rejected: report.rejected.slice(0, LISTED_REJECTIONS),
    ...(warnings.length ? { warnings: warnings.slice(0, LISTED_REJECTIONS) } : {}),
  })
  if (dryRun) {
    const weighed = await weigh(deps.reads)
    writesNothing(c)
    return c.json({ ...summarize('warnings' in weighed ? weighed.warnings : []), applied: 0 })
  }
  const refuse = () => {
    const { rejected: _listed, ...counts } = summarize([])
    return importRejected(report, counts)
  }
  if (report.fatal || (mode === 'all-or-nothing' && report.rejected.length > 0)) throw refuse()
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return write(c, async (trx) => {
    const weighed = await weigh(trx)
    if (!('stored' in weighed)) throw refuse()
    if (mode === 'all-or-nothing' && report.rejected.length > 0) throw refuse()
    const response = {
      ...summarize(weighed.warnings),
      applied: report.accepted.length,
      submittedTasks: 0,
    }
    response.submittedTasks = (
      await storeValues(c, trx, plan, report.accepted, weighed.stored, {
        at: now,
        action: 'indicator-values.import',
        payload: (corrections) => ({
          fileName,
          sha256,
          bytes: bytes.length,
          format: table.format,
          layout: report.layout,
          mode,
          rows: report.rows,
          applied: report.accepted.length,
          rejected: report.rejected.length,
          ...spread(report.accepted),
          ...correctionsOf(corrections),
        }),
      })
    ).submittedTasks
    return c.json(response)
  })
}

/**
 * Writes checked values over what is stored, submits the entry tasks they complete and appends
 * the write's audit entry (its payload built once the corrections are known), all in the request's
 * transaction.
 */
async function storeValues(
  c: Context<AppEnv>,
  trx: Transaction<Database>,
  plan: PlanContext,
  values: NewIndicatorValue[],
  stored: StoredValues,
  audit: {
    at: string
    action: string
    payload: (corrections: readonly Correction[]) => Record<string, unknown>
  },
): Promise<{ corrections: Correction[]; submittedTasks: number }> {
  const actor = c.get('user').id
  const corrections = await writeValues(trx, values, stored, { actor, at: audit.at })
  const submittedTasks = await settleEntryTasks(trx, plan.model, plan.plan.id, values, {
    actor,
    now: c.get('deps').clock.now(),
  })
  await appendAudit(trx, [
    {
      at: audit.at,
      actor,
      action: audit.action,
      entity: 'plan',
      entityId: plan.plan.id,
      payload: audit.payload(corrections),
    },
  ])
  return { corrections, submittedTasks }
}

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

function importRejected(report: ImportReport, summary: object): AppError {
  const issues: Array<RequestIssue & { row: number; column?: string }> = report.rejected
    .slice(0, LISTED_REJECTIONS)
    .map((entry) => ({
      pointer: `/rows/${entry.row}${entry.column ? `/${entry.column}` : ''}`,
      code: entry.code,
      message: entry.message,
      row: entry.row,
      ...(entry.column ? { column: entry.column } : {}),
      ...(entry.rule ? { rule: entry.rule } : {}),
    }))
  const count = report.rejected.length
  return new AppError(
    422,
    'import-rejected',
    report.fatal
      ? {
          zh: `导入未执行：${report.rejected[0]!.message.zh}`,
          en: `Nothing was imported: ${report.rejected[0]!.message.en}`,
        }
      : {
          zh: `导入未执行：${count} 处问题，文件中的数据均未写入；改正后重新上传，或选择只导入正确的行`,
          en: `Nothing was imported: ${count} problem(s); fix them and upload again, or import only the good rows (mode=keep-good)`,
        },
    { issues, ...summary, applied: 0 },
  )
}

/** The corrections of a write, for its audit entry: how many, and the first 50 with old and new value. */
function correctionsOf(corrections: readonly Correction[]): {
  corrected?: number
  corrections?: Correction[]
} {
  return corrections.length
    ? { corrected: corrections.length, corrections: corrections.slice(0, 50) }
    : {}
}

/** Distinct units, elements and periods of a write, for its audit entry. */
function spread(rows: readonly NewIndicatorValue[]): {
  units: number
  elements: number
  periods: string[]
} {
  const units = new Set<string>()
  const elements = new Set<string>()
  const periods = new Set<string>()
  for (const row of rows) {
    units.add(row.unit_id)
    elements.add(row.element_id)
    periods.add(row.period)
  }
  return { units: units.size, elements: elements.size, periods: [...periods].sort().slice(0, 50) }
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
