/**
 * @module The ledger's filters, read from the query and checked: the task list's filters (phase,
 * state, period, unit, overdue, due dates, lights) and the grouping. A bad value is a 400 that
 * names the parameter, never a silently empty ledger.
 */
import { AppError } from '../errors.ts'
import { isCivilDate } from '../../domain/deadlines/index.ts'
import type { LedgerQuery } from '../../schemas/api/queries.schema.ts'
import { TASK_LIGHTS } from '../../schemas/api/responses.schema.ts'
import type { Light } from '../../domain/supervision/index.ts'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../tasks/task-pages.ts'

/** The ledger's filters, checked. */
export interface LedgerFilters {
  phase?: string
  states?: string[]
  period?: string
  assignee?: string
  overdue?: boolean
  dueAfter?: string
  dueBefore?: string
  lights?: ReadonlySet<Light>
  groupBy: 'phase' | 'part'
}

function badQuery(name: string, zh: string, en: string): AppError {
  return new AppError(400, 'bad-request', {
    zh: `查询参数 ${name}：${zh}`,
    en: `Query parameter ${name}: ${en}`,
  })
}

function date(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  if (!isCivilDate(value))
    throw badQuery(
      name,
      `应为 YYYY-MM-DD 日期，收到「${value}」`,
      `expected YYYY-MM-DD, not "${value}"`,
    )
  return value
}

/**
 * Checks the query of a ledger request.
 * @throws AppError 400 `bad-request` naming the parameter that is wrong
 */
export function ledgerFilters(query: LedgerQuery): LedgerFilters {
  const lights = query.light ? query.light.split(',') : undefined
  const unknown = lights?.find((light) => !(TASK_LIGHTS as readonly string[]).includes(light))
  if (unknown !== undefined)
    throw badQuery(
      'light',
      `应为 ${TASK_LIGHTS.join('、')}，用逗号分隔，收到「${unknown}」`,
      `expected ${TASK_LIGHTS.join(', ')}, comma-separated, not "${unknown}"`,
    )
  if (query.overdue !== undefined && query.overdue !== 'true' && query.overdue !== 'false')
    throw badQuery('overdue', '应为 true 或 false', 'expected true or false')
  if (query.group !== undefined && query.group !== 'phase' && query.group !== 'part')
    throw badQuery('group', '应为 phase 或 part', 'expected phase or part')
  const dueAfter = date('dueAfter', query.dueAfter)
  const dueBefore = date('dueBefore', query.dueBefore)
  return {
    ...(query.phase ? { phase: query.phase } : {}),
    ...(query.state ? { states: query.state.split(',') } : {}),
    ...(query.period ? { period: query.period } : {}),
    ...(query.assignee ? { assignee: query.assignee } : {}),
    ...(query.overdue ? { overdue: query.overdue === 'true' } : {}),
    ...(dueAfter ? { dueAfter } : {}),
    ...(dueBefore ? { dueBefore } : {}),
    ...(lights ? { lights: new Set(lights as Light[]) } : {}),
    groupBy: query.group ?? 'phase',
  }
}

/** Where a page starts: after the row numbered `index`, which was the task `id`. */
export interface LedgerCursor {
  index: number
  id: string
}

/** A page of the ledger: at most `size` rows, after the cursor of the previous page. */
export interface LedgerPage {
  size: number
  after: LedgerCursor | null
}

export function parseLedgerCursor(text: string): LedgerCursor {
  try {
    const [index, id] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if (Number.isSafeInteger(index) && (index as number) >= 0 && typeof id === 'string')
      return { index: index as number, id }
  } catch {
    // refused below
  }
  throw new AppError(
    400,
    'bad-request',
    {
      zh: 'after 不是有效的翻页游标：请使用上一页返回的 nextCursor',
      en: 'after is not a page cursor: pass the nextCursor of the previous page',
    },
    {
      issues: [
        {
          pointer: '/after',
          message: {
            zh: '请使用上一页的 nextCursor',
            en: 'Use the nextCursor of the previous page',
          },
        },
      ],
    },
  )
}

/**
 * The page a ledger request asks for (`pageSize`, `after`), or undefined for the whole ledger.
 * @throws AppError 400 `bad-request` at /pageSize or /after
 */
export function ledgerPage(query: LedgerQuery): LedgerPage | undefined {
  if (query.pageSize === undefined && query.after === undefined) return undefined
  const size = query.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(query.pageSize)
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw badQuery(
      'pageSize',
      `应为 1–${MAX_PAGE_SIZE} 的整数，收到「${query.pageSize}」`,
      `expected a whole number from 1 to ${MAX_PAGE_SIZE}, not "${query.pageSize}"`,
    )
  return { size, after: query.after ? parseLedgerCursor(query.after) : null }
}
