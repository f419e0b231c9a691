/**
 * @module The 情况通报 of a period: of the tasks due in it (those the reader may see, as the
 * ledger lists them), how many are done, on time or late, overdue, and of each colour; the units
 * ranked 晾晒-style (most red, then most yellow, then lowest on-time rate first); and the overdue
 * list, longest overdue first. Its title, opening and closing come from the policy's
 * `supervision.bulletin`, else from the default template.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { AppError } from '../errors.ts'
import { isCivilDate } from '../../domain/deadlines/index.ts'
import { DEFAULT_BULLETIN, fillPlaceholders } from '../../domain/supervision/bulletin-template.ts'
import type { BulletinQuery } from '../../schemas/api/queries.schema.ts'
import type { Bulletin, LedgerRow } from '../../schemas/api/responses.schema.ts'
import { buildLedger } from './ledger.ts'
import { issuingOffice } from './office-name.ts'

/** The period asked for: `from` defaults to `start` (see routes.ts), `to` to today. */
export function bulletinPeriod(
  query: BulletinQuery,
  start: string,
  today: string,
): { from: string; to: string } {
  for (const name of ['from', 'to'] as const) {
    const value = query[name]
    if (value !== undefined && !isCivilDate(value))
      throw new AppError(400, 'bad-request', {
        zh: `查询参数 ${name}：应为 YYYY-MM-DD 日期，收到「${value}」`,
        en: `Query parameter ${name}: expected YYYY-MM-DD, not "${value}"`,
      })
  }
  const from = query.from ?? start
  const to = query.to ?? today
  if (from > to)
    throw new AppError(400, 'bad-request', {
      zh: `通报期的起日 ${from} 晚于止日 ${to}；请交换两者`,
      en: `The period starts (${from}) after it ends (${to}); swap them`,
    })
  return { from, to }
}

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10

const onTime = (row: LedgerRow) =>
  row.doneOn !== null && (row.dueOn === null || row.doneOn <= row.dueOn)

function ranking(rows: readonly LedgerRow[]): Bulletin['ranking'] {
  const units = new Map<string, LedgerRow[]>()
  for (const row of rows) units.set(row.lead.id, [...(units.get(row.lead.id) ?? []), row])
  return [...units.values()]
    .map((own) => {
      const done = own.filter((row) => row.doneOn !== null).length
      const timely = own.filter(onTime).length
      return {
        unit: own[0]!.lead,
        total: own.length,
        red: own.filter((row) => row.light === 'red').length,
        yellow: own.filter((row) => row.light === 'yellow').length,
        done,
        onTime: timely,
        onTimeRate: rate(timely, own.length),
      }
    })
    .sort(
      (a, b) =>
        b.red - a.red ||
        b.yellow - a.yellow ||
        (a.onTimeRate ?? 100) - (b.onTimeRate ?? 100) ||
        a.unit.name.localeCompare(b.unit.name, 'zh'),
    )
}

/** The bulletin of the period for this reader, issued `today`. */
export async function buildBulletin(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  today: string,
  period: { from: string; to: string },
): Promise<Bulletin> {
  const ledger = await buildLedger(db, context, user, today, {
    dueAfter: period.from,
    dueBefore: period.to,
    groupBy: 'phase',
  })
  const rows = ledger.groups.flatMap((group) => group.rows)
  const byLight = { green: 0, blue: 0, yellow: 0, red: 0 }
  for (const row of rows) byLight[row.light] += 1
  const done = rows.filter((row) => row.doneOn !== null).length
  const timely = rows.filter(onTime).length
  const overdue = rows
    .filter((row) => row.overdue)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.index - b.index)
    .map((row, index) => ({ ...row, index: index + 1 }))
  const counts = {
    total: rows.length,
    done,
    onTime: timely,
    late: done - timely,
    overdue: overdue.length,
    byLight,
  }
  const office = issuingOffice(context)
  const values = {
    plan: context.plan.name,
    policy: context.model.config.metadata.title,
    office,
    from: period.from,
    to: period.to,
    total: counts.total,
    done,
    onTime: timely,
    late: counts.late,
    overdue: counts.overdue,
    red: byLight.red,
    yellow: byLight.yellow,
    onTimeRate: rate(timely, rows.length) ?? 0,
  }
  const template = { ...DEFAULT_BULLETIN, ...context.model.config.supervision?.bulletin }
  return {
    title: fillPlaceholders(template.title, values),
    opening: fillPlaceholders(template.opening, values),
    closing: fillPlaceholders(template.closing, values),
    office,
    issuedOn: today,
    from: period.from,
    to: period.to,
    plan: ledger.plan,
    counts,
    ranking: ranking(rows),
    overdue,
  }
}
