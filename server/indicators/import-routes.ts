/**
 * @module POST /api/plans/:id/indicator-values/import — import a CSV or .xlsx file (all or
 * nothing, or keeping the good rows; a dry run checks without writing). Mounted from routes.ts.
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { write, writesNothing } from '../http/write.ts'
import { decodeFileName } from '../http/file-name.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { EntryResolver, entryContext, unitAliases } from './entry-context.ts'
import { importValues } from './import/import-values.ts'
import type { ImportReport, RejectedEntry } from './import/import-values.ts'
import { takeImportSlot } from './import/import-slots.ts'
import { readImportRequest } from './import/read-request.ts'
import { weighImport } from './import/weigh-import.ts'
import { inputNames, readLocked, readStored } from './rules/check-write.ts'
import { visiblePlan } from '../plans/visible-plan.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { indicatorImportQuery } from '../../schemas/api/queries.schema.ts'
import { correctionsOf, LISTED_REJECTIONS, spread, storeValues } from './store-values.ts'

/** The most data rows one import takes. */
export const MAX_IMPORT_ROWS = 200_000

export const importRoutes = new Hono<AppEnv>().post(
  '/import',
  queryOf(indicatorImportQuery),
  async (c) => {
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
  },
)

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
