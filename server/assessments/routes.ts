/**
 * @module /api/plans/:id/assessments — the assessment cycle over HTTP: list, compute a year,
 * review, publish (consequences and 整改 tasks), one run's results and one unit's report.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { computeAssessmentBody, reviewAssessmentBody } from '../../schemas/api/requests.schema.ts'
import { deniedRead } from '../audit/denials.ts'
import { AppError, notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { XLSX_TYPE } from '../indicators/import/parse-table.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { Transaction } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import { findAssessment, readableUnits, requireMay, subjectsOf } from './assessment-access.ts'
import type { AssessmentAction } from './assessment-access.ts'
import { listAssessments, runView, unitReport } from './assessment-views.ts'
import { computeRun } from './compute-run.ts'
import { publishRun, reviewRun } from './publish-run.ts'
import {
  attachmentDisposition,
  inputNames,
  runReportFileName,
  runReportWorkbook,
  unitReportFileName,
  unitReportWorkbook,
} from './report-workbook.ts'
import { visiblePlan } from '../plans/visible-plan.ts'

export const assessmentRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const context = await visiblePlan(c, { entity: 'assessment' })
    return c.json({
      assessments: await listAssessments(c.get('deps').reads, context, c.get('user')),
    })
  })
  .post('/:assessmentId/runs', validJson(computeAssessmentBody), async (c) => {
    const body = c.req.valid('json')
    return writeAssessment(c, 'compute', async (trx, context, assessmentId, clock) => {
      const { run, scores } = await computeRun(
        trx,
        context,
        assessmentId,
        body.year,
        c.get('user').id,
        clock.now(),
      )
      return c.json(
        {
          run: { year: Number(run.period), status: run.status, version: run.version },
          units: scores.length,
          complete: scores.filter((s) => s.complete).length,
        },
        201,
      )
    })
  })
  .get('/:assessmentId/runs/:year', async (c) => {
    const context = await visiblePlan(c, ofAssessment(c))
    return c.json(
      await runView(
        c.get('deps').reads,
        context,
        c.get('user'),
        c.req.param('assessmentId'),
        year(c),
      ),
    )
  })
  .post('/:assessmentId/runs/:year/review', validJson(reviewAssessmentBody), async (c) => {
    const body = c.req.valid('json')
    return writeAssessment(c, 'review', async (trx, context, assessmentId, clock) => {
      const run = await reviewRun(
        trx,
        context,
        assessmentId,
        year(c),
        c.get('user').id,
        clock.now(),
        body.note ?? null,
      )
      return c.json({ run: { year: Number(run.period), status: run.status, version: run.version } })
    })
  })
  .post('/:assessmentId/runs/:year/publish', async (c) => {
    return writeAssessment(c, 'publish', async (trx, context, assessmentId, clock) => {
      const published = await publishRun(
        trx,
        context,
        assessmentId,
        year(c),
        c.get('user').id,
        clock.now(),
      )
      return c.json({
        run: {
          year: Number(published.run.period),
          status: published.run.status,
          version: published.run.version,
        },
        rectifications: published.rectifications,
      })
    })
  })
  .get('/:assessmentId/runs/:year/units/:unitId', async (c) => {
    const context = await visiblePlan(c, ofAssessment(c))
    await requireReadableUnit(c, context)
    return c.json(
      await unitReport(
        c.get('deps').reads,
        context,
        c.get('user'),
        c.req.param('assessmentId'),
        year(c),
        c.req.param('unitId'),
      ),
    )
  })
  .get('/:assessmentId/runs/:year/report.xlsx', async (c) => {
    const context = await visiblePlan(c, ofAssessment(c))
    const view = await runView(
      c.get('deps').reads,
      context,
      c.get('user'),
      c.req.param('assessmentId'),
      year(c),
    )
    const bytes = await runReportWorkbook(view, inputNames(context.model.config))
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachmentDisposition(runReportFileName(view)),
    })
  })
  .get('/:assessmentId/runs/:year/units/:unitId/report.xlsx', async (c) => {
    const context = await visiblePlan(c, ofAssessment(c))
    await requireReadableUnit(c, context)
    const report = await unitReport(
      c.get('deps').reads,
      context,
      c.get('user'),
      c.req.param('assessmentId'),
      year(c),
      c.req.param('unitId'),
    )
    const bytes = await unitReportWorkbook(report, inputNames(context.model.config))
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachmentDisposition(unitReportFileName(report)),
    })
  })

/** Denied reads of an assessment are recorded under `<plan>/<assessment>`. */
function ofAssessment(c: Context<AppEnv>): { entity: 'assessment'; id: string } {
  return { entity: 'assessment', id: c.req.param('assessmentId')! }
}

/**
 * Writes to one assessment of a plan the user may see, once they may `action` it: a plan or
 * assessment they may not see, or an action they may not take, throws before anything is written.
 */
async function writeAssessment<R extends Response>(
  c: Context<AppEnv>,
  action: AssessmentAction,
  work: (
    trx: Transaction<Database>,
    context: PlanContext,
    assessmentId: string,
    clock: Clock,
  ) => Promise<R>,
): Promise<R> {
  const context = await visiblePlan(c, ofAssessment(c))
  const assessmentId = c.req.param('assessmentId')!
  requireMay(c.get('user'), context, findAssessment(context, assessmentId), action)
  const { clock } = c.get('deps')
  return write(c, (trx) => work(trx, context, assessmentId, clock))
}

/** A unit's result is a 404 for a user who may not read it (audited when the unit is assessed). */
async function requireReadableUnit(c: Context<AppEnv>, context: PlanContext): Promise<void> {
  const assessmentId = c.req.param('assessmentId')!
  const unitId = c.req.param('unitId')!
  const assessment = findAssessment(context, assessmentId)
  const readable = readableUnits(c.get('user'), context, assessment)
  if (readable === null || readable.has(unitId)) return
  const hidden = { zh: '找不到该单位的考核结果', en: 'No result for this unit' }
  if (!subjectsOf(context, assessment).includes(unitId)) throw notFound(hidden)
  throw await deniedRead(
    c.get('deps'),
    c.get('user'),
    'assessment',
    `${context.plan.id}/${assessmentId}/${year(c)}/${unitId}`,
    hidden,
  )
}

function year(c: Context<AppEnv>): number {
  const text = c.req.param('year') ?? ''
  if (!/^\d{4}$/.test(text)) {
    throw new AppError(400, 'bad-request', {
      zh: `年度「${text}」应为四位数字，如 2021`,
      en: `The year "${text}" must be four digits, e.g. 2021`,
    })
  }
  return Number(text)
}
