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
import { ledgerEntries } from './ledger-rows.ts'
import type { LedgerEntry } from './ledger-rows.ts'
import type { LedgerFilters } from './ledger-query.ts'

/**
 * The most tasks one ledger holds: past it, the reader is asked to filter (by unit, phase or due
 * dates), rather than the server building a sheet of hundreds of thousands of rows.
 */
export const LEDGER_MAX_TASKS = 20_000

const NO_PHASE = { key: '-', name: '日常工作（不分阶段）' }
const NO_PART = { key: '-', name: '其他' }

/** The part of the document a clause belongs to: `三、(二)` → `三、`. */
export function partOf(clause: string | null): string | null {
  const match = clause
    ? /^(附件[一二三四五六七八九十\d]*、?|[一二三四五六七八九十]+、)/.exec(clause)
    : null
  return match ? match[1]! : null
}

async function visibleTasks(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  filters: LedgerFilters,
  maxTasks: number,
): Promise<TaskRow[]> {
  let query = db.selectFrom('task').selectAll().where('task.plan_id', '=', context.plan.id)
  if (!seesWholePlan(user, context.plan.policy_id, context.model))
    query = query.where((eb) => visibleTaskFilter(eb, user, [context]))
  // Withdrawn work is no longer owed: it leaves the ledger unless asked for by state.
  query = filters.states
    ? query.where('task.state', 'in', filters.states)
    : query.where('task.state', '<>', 'withdrawn')
  if (filters.phase) query = query.where('task.phase_id', '=', filters.phase)
  if (filters.period) query = query.where('task.period', '=', filters.period)
  if (filters.assignee) query = query.where('task.assignee', '=', filters.assignee)
  if (filters.dueAfter) query = query.where('task.due_on', '>=', filters.dueAfter)
  if (filters.dueBefore) query = query.where('task.due_on', '<=', filters.dueBefore)
  const { count } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow()
  if (Number(count) > maxTasks)
    throw new AppError(400, 'bad-request', {
      zh: `符合条件的任务有 ${count} 项，超过台账一次可列的 ${maxTasks} 项；请按牵头单位、阶段或时限筛选`,
      en: `${count} tasks match, more than the ${maxTasks} one ledger lists; filter by unit, phase or due dates`,
    })
  const tasks = await query.execute()
  // A supporting unit's share is shown in its lead's row (配合单位) when that row is listed.
  const listed = new Set(tasks.map((task) => task.id))
  return tasks.filter(
    (task) => !(task.role === 'support' && task.parent_task_id && listed.has(task.parent_task_id)),
  )
}

function groupsOf(context: PlanContext, entries: LedgerEntry[], groupBy: 'phase' | 'part') {
  const order: Array<{ key: string; name: string }> = []
  if (groupBy === 'phase')
    order.push(
      ...context.model.config.timeline.phases.map((phase) => ({ key: phase.id, name: phase.name })),
    )
  const keyOf = (entry: LedgerEntry) =>
    groupBy === 'phase' ? (entry.phaseId ?? NO_PHASE.key) : (partOf(entry.clause) ?? NO_PART.key)
  const byKey = new Map<string, LedgerEntry[]>()
  for (const entry of entries) {
    const key = keyOf(entry)
    byKey.set(key, [...(byKey.get(key) ?? []), entry])
    if (!order.some((group) => group.key === key))
      order.push(
        key === '-'
          ? groupBy === 'phase'
            ? NO_PHASE
            : NO_PART
          : { key, name: groupBy === 'part' ? `${key.replace(/、$/, '')}、部分` : key },
      )
  }
  if (groupBy === 'part') order.sort((a, b) => (a.key === '-' ? 1 : b.key === '-' ? -1 : 0))
  let index = 0
  return order
    .filter((group) => byKey.has(group.key))
    .map((group) => ({
      ...group,
      rows: byKey
        .get(group.key)!
        .map(({ phaseId: _phase, ...row }) => ({ index: ++index, ...row })),
    }))
}

/**
 * The ledger of the plan for this reader, on `today`.
 * @throws AppError 400 `bad-request` when more than `maxTasks` tasks match (filter them)
 */
export async function buildLedger(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  today: string,
  filters: LedgerFilters,
  maxTasks = LEDGER_MAX_TASKS,
): Promise<Ledger> {
  const tasks = await visibleTasks(db, context, user, filters, maxTasks)
  tasks.sort(
    (a, b) =>
      (a.due_on ?? '9999').localeCompare(b.due_on ?? '9999') ||
      a.source_id.localeCompare(b.source_id) ||
      a.period.localeCompare(b.period) ||
      a.assignee.localeCompare(b.assignee),
  )
  let entries = await ledgerEntries(db, context, tasks, today)
  if (filters.overdue !== undefined)
    entries = entries.filter((entry) => entry.overdue === filters.overdue)
  if (filters.lights) entries = entries.filter((entry) => filters.lights!.has(entry.light))
  const metadata = context.model.config.metadata
  const groups = groupsOf(context, entries, filters.groupBy)
  return {
    plan: { id: context.plan.id, name: context.plan.name },
    policyTitle: metadata.title,
    documentNumber: metadata.documentNumber ?? null,
    today,
    groupBy: filters.groupBy,
    total: entries.length,
    groups,
  }
}
