/**
 * @module The ledger (台账) of a plan: every task the reader may see, filtered as the task list
 * filters, one row per task with its supporting units folded into the lead's row, grouped by
 * phase or by part of the document and numbered 序号 1…n. The JSON page and the .xlsx are built
 * from this one answer.
 */
import type { Kysely } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { seesWholePlan, visibleTaskFilter } from '../access/visibility.ts'
import { AppError } from '../errors.ts'
import type { Ledger } from '../../schemas/api/responses.schema.ts'
import { loadSupervisionFacts } from '../tasks/task-lights.ts'
import { ledgerEntries } from './ledger-rows.ts'
import type { LedgerFilters, LedgerPage } from './ledger-query.ts'
import { ORDER_COLUMNS, PLACE_COLUMNS, pageOf, placeRows } from './ledger-order.ts'
import { keepsLayout, ledgerLayout } from './ledger-layout.ts'
import type { OrderRow } from './ledger-order.ts'

export { partOf } from './ledger-order.ts'

/**
 * The most tasks one ledger holds: past it, the reader is asked to filter (by unit, phase or due
 * dates), rather than the server building a sheet of hundreds of thousands of rows.
 */
export const LEDGER_MAX_TASKS = 20_000

async function visibleTasks(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  wholePlan: boolean,
  filters: LedgerFilters,
  maxTasks: number,
): Promise<OrderRow[]> {
  // A ledger with no colour or overdue filter reads only what orders and groups its rows.
  const coloured = filters.lights !== undefined || filters.overdue !== undefined
  let query = db
    .selectFrom('task')
    .select(coloured ? ORDER_COLUMNS : PLACE_COLUMNS)
    .where('task.plan_id', '=', context.plan.id)
  if (!wholePlan) query = query.where((eb) => visibleTaskFilter(eb, user, [context]))
  // Withdrawn work is no longer owed: it leaves the ledger unless asked for by state.
  query = filters.states
    ? query.where('task.state', 'in', filters.states)
    : query.where('task.state', '<>', 'withdrawn')
  if (filters.phase) query = query.where('task.phase_id', '=', filters.phase)
  if (filters.period) query = query.where('task.period', '=', filters.period)
  if (filters.assignee) query = query.where('task.assignee', '=', filters.assignee)
  if (filters.dueAfter) query = query.where('task.due_on', '>=', filters.dueAfter)
  if (filters.dueBefore) query = query.where('task.due_on', '<=', filters.dueBefore)
  // One past the most a ledger holds tells that there are too many; only then are they counted.
  const tasks = (await query.limit(maxTasks + 1).execute()) as OrderRow[]
  if (tasks.length > maxTasks) {
    const { count } = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow()
    throw new AppError(400, 'bad-request', {
      zh: `符合条件的任务有 ${count} 项，超过台账一次可列的 ${maxTasks} 项；请按牵头单位、阶段或时限筛选`,
      en: `${count} tasks match, more than the ${maxTasks} one ledger lists; filter by unit, phase or due dates`,
    })
  }
  // A supporting unit's share is shown in its lead's row (配合单位) when that row is listed.
  const listed = new Set(tasks.map((task) => task.id))
  return tasks.filter(
    (task) => !(task.role === 'support' && task.parent_task_id && listed.has(task.parent_task_id)),
  )
}

/** Past this many ids a look-up is split, to stay under every dialect's limit of bound values. */
const BOUND_IDS = 500

/** The full rows of `ids`, in that order. */
async function fullRows(db: Kysely<Database>, ids: string[]): Promise<TaskRow[]> {
  const byId = new Map<string, TaskRow>()
  for (let from = 0; from < ids.length; from += BOUND_IDS)
    for (const row of await db
      .selectFrom('task')
      .selectAll()
      // By id alone (the primary key): the ids are this plan's, read just before.
      .where('id', 'in', ids.slice(from, from + BOUND_IDS))
      .execute())
      byId.set(row.id, row)
  return ids.map((id) => byId.get(id)!)
}

/**
 * The ledger of the plan for this reader, on `today`: whole, or the page asked for (its rows
 * numbered and grouped as in the whole ledger, `total` the whole ledger's, and `nextCursor`).
 * @throws AppError 400 `bad-request` when more than `maxTasks` tasks match (filter them)
 */
export async function buildLedger(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  today: string,
  filters: LedgerFilters,
  maxTasks = LEDGER_MAX_TASKS,
  page?: LedgerPage,
): Promise<Ledger & { nextCursor?: string | null }> {
  const wholePlan = seesWholePlan(user, context.plan.policy_id, context.model)
  const place = async () => {
    const tasks = await visibleTasks(db, context, user, wholePlan, filters, maxTasks)
    // A colour filter reads the reports and clearances of the tasks it colours.
    const facts = filters.lights
      ? await loadSupervisionFacts(
          db,
          context.plan.id,
          tasks.map((task) => task.id),
        )
      : null
    return placeRows(context, tasks, today, filters, facts)
  }
  const placed = keepsLayout(filters, wholePlan)
    ? await ledgerLayout(db, context, filters, maxTasks, place)
    : await place()
  const shown = page ? pageOf(placed, page.size, page.after) : { rows: placed, nextCursor: null }
  const full = await fullRows(
    db,
    shown.rows.map((row) => row.task.id),
  )
  const entries = await ledgerEntries(db, context, full, today)
  // Each group's size in the whole ledger: a page may hold only part of a group.
  const totals = new Map<string, number>()
  for (const row of placed) totals.set(row.group.key, (totals.get(row.group.key) ?? 0) + 1)
  const groups: Ledger['groups'] = []
  shown.rows.forEach((row, i) => {
    const { phaseId: _phase, ...entry } = entries[i]!
    let group = groups.at(-1)
    if (group?.key !== row.group.key)
      groups.push((group = { ...row.group, total: totals.get(row.group.key)!, rows: [] }))
    group.rows.push({ index: row.index, ...entry })
  })
  const metadata = context.model.config.metadata
  return {
    plan: { id: context.plan.id, name: context.plan.name },
    policyTitle: metadata.title,
    documentNumber: metadata.documentNumber ?? null,
    today,
    groupBy: filters.groupBy,
    total: placed.length,
    groups,
    ...(page ? { nextCursor: shown.nextCursor } : {}),
  }
}
