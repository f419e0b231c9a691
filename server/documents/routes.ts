/**
 * @module The office's documents of a plan (mounted at /api/plans/:id): the ledger (台账) as JSON
 * and .xlsx, the 督办单 of one task and the 情况通报 of a period, each as JSON (for the print
 * page) and .docx. Each is read as the plan is: a plan the reader may not see is a 404, and the
 * rows are the tasks the reader may see.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { notFound } from '../errors.ts'
import { visiblePlan } from '../plans/visible-plan.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { visibleTask } from '../tasks/send-event.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { bulletinQuery, ledgerQuery } from '../../schemas/api/queries.schema.ts'
import { attachmentDisposition } from '../http/content-disposition.ts'
import { buildLedger, LEDGER_MAX_TASKS } from './ledger.ts'
import { ledgerFilters, ledgerPage } from './ledger-query.ts'
import { ledgerDisposition, ledgerWorkbook, XLSX_TYPE } from './ledger-workbook.ts'
import { supervisionNotice } from './supervision-notice.ts'
import { noticeDocx, noticeFileName } from './notice-docx.ts'
import { buildBulletin, bulletinPeriod } from './bulletin.ts'
import { bulletinDocx, bulletinFileName } from './bulletin-docx.ts'
import { DOCX_TYPE } from './docx-parts.ts'

const today = (c: Context<AppEnv>) => civilDateAt(c.get('deps').clock.now())

/** The ledger the request asks for: a page of it when `paged` and the query names one. */
async function ledgerOf(c: Context<AppEnv>, paged = false) {
  const context = await visiblePlan(c)
  const filters = ledgerFilters(c.req.query())
  const page = paged ? ledgerPage(c.req.query()) : undefined
  return buildLedger(
    c.get('deps').reads,
    context,
    c.get('user'),
    today(c),
    filters,
    LEDGER_MAX_TASKS,
    page,
  )
}

/** The notice of the task the route names, when it is of this plan and the reader sees it. */
async function noticeOf(c: Context<AppEnv>) {
  const context = await visiblePlan(c)
  const { task } = await visibleTask(c.get('deps'), c.get('user'), c.req.param('taskId')!)
  if (task.plan_id !== context.plan.id)
    throw notFound({ zh: '该计划中没有这个任务', en: 'No such task in this plan' })
  return supervisionNotice(c.get('deps').reads, context, task, today(c))
}

/** The first day a bulletin covers by default: the policy's effective date, or the plan's start if earlier. */
function periodStart(context: PlanContext): string {
  const started = civilDateAt(new Date(context.plan.started_at))
  const effective = context.model.horizon.from
  return effective < started ? effective : started
}

async function bulletinOf(c: Context<AppEnv>) {
  const context = await visiblePlan(c)
  const period = bulletinPeriod(c.req.query(), periodStart(context), today(c))
  return buildBulletin(c.get('deps').reads, context, c.get('user'), today(c), period)
}

export const documentRoutes = new Hono<AppEnv>()
  .get('/ledger', queryOf(ledgerQuery), async (c) => c.json(await ledgerOf(c, true)))
  .get('/ledger.xlsx', queryOf(ledgerQuery), async (c) => {
    const ledger = await ledgerOf(c)
    return c.body(new Uint8Array(await ledgerWorkbook(ledger)), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': ledgerDisposition(ledger),
    })
  })
  .get('/tasks/:taskId/supervision-notice', async (c) => c.json(await noticeOf(c)))
  .get('/tasks/:taskId/supervision-notice.docx', async (c) => {
    const notice = await noticeOf(c)
    return c.body(new Uint8Array(await noticeDocx(notice)), 200, {
      'content-type': DOCX_TYPE,
      'content-disposition': attachmentDisposition(
        noticeFileName(notice),
        'supervision-notice.docx',
      ),
    })
  })
  .get('/bulletin', queryOf(bulletinQuery), async (c) => c.json(await bulletinOf(c)))
  .get('/bulletin.docx', queryOf(bulletinQuery), async (c) => {
    const bulletin = await bulletinOf(c)
    return c.body(new Uint8Array(await bulletinDocx(bulletin)), 200, {
      'content-type': DOCX_TYPE,
      'content-disposition': attachmentDisposition(bulletinFileName(bulletin), 'bulletin.docx'),
    })
  })
