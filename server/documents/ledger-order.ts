/**
 * @module The order of the ledger (台账) and its pages. The ledger's order is worked out on the
 * few columns it depends on — deadline, duty, period, unit, phase or part, and the colour and
 * overdue mark its filters read — for every task that matches; only the rows of the page asked
 * for are then built in full (ledger-rows.ts). So the first page of a plan's ledger costs one
 * narrow read of the plan, not the whole sheet, and every page numbers and groups its rows
 * exactly as the whole ledger does.
 */
import type { TaskRow } from '../db/database.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { lightOf } from '../tasks/task-lights.ts'
import type { SupervisionFacts } from '../tasks/task-lights.ts'
import { clauseOf } from './ledger-rows.ts'
import type { LedgerCursor, LedgerFilters } from './ledger-query.ts'

/** The columns of a task the ledger's order and grouping read. */
export const PLACE_COLUMNS = [
  'id',
  'source_id',
  'due_on',
  'assignee',
  'role',
  'parent_task_id',
  'phase_id',
  'period',
] as const

/** With those, the columns a colour or overdue filter reads. */
export const ORDER_COLUMNS = [
  'id',
  'kind',
  'source_id',
  'state',
  'opens_on',
  'due_on',
  'created_at',
  'assignee',
  'role',
  'parent_task_id',
  'phase_id',
  'period',
] as const

export type OrderRow = Pick<TaskRow, (typeof ORDER_COLUMNS)[number]>

/** A row's place: its group (phase or part) and its number 序号 in the whole ledger. */
export interface Placed {
  task: OrderRow
  group: { key: string; name: string }
  index: number
}

const NO_PHASE = { key: '-', name: '日常工作（不分阶段）' }
const NO_PART = { key: '-', name: '其他' }

/** The part of the document a clause belongs to: `三、(二)` → `三、`. */
export function partOf(clause: string | null): string | null {
  const match = clause
    ? /^(附件[一二三四五六七八九十\d]*、?|[一二三四五六七八九十]+、)/.exec(clause)
    : null
  return match ? match[1]! : null
}

// The same order as String.prototype.localeCompare, without building a collator per comparison.
const collator = new Intl.Collator()

/**
 * The rank of each distinct value in collation order, values the collator calls equal ranked
 * equal: a plan has a few dozen deadlines, duties and units, so the rows are then sorted by
 * small integers in exactly the order the collator would give them.
 */
function ranks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort(collator.compare)
  const rank = new Map<string, number>()
  sorted.forEach((value, i) =>
    rank.set(
      value,
      i > 0 && collator.compare(sorted[i - 1]!, value) === 0 ? rank.get(sorted[i - 1]!)! : i,
    ),
  )
  return rank
}

/**
 * By deadline (none last), then duty, period and unit, as the ledger has always listed them
 * (each compared as `localeCompare` compares); a stable sort, so full ties keep their order.
 */
export function sortForLedger(rows: readonly OrderRow[]): OrderRow[] {
  const due = ranks(rows.map((row) => row.due_on ?? '9999'))
  const source = ranks(rows.map((row) => row.source_id))
  const period = ranks(rows.map((row) => row.period))
  const unit = ranks(rows.map((row) => row.assignee))
  // The four ranks as one number (mixed radix), exact while the product stays an integer.
  const [d, s, p, u] = [due.size, source.size, period.size, unit.size]
  const exact = d * s * p * u < Number.MAX_SAFE_INTEGER
  const keys = rows.map((row) => {
    const parts = [
      due.get(row.due_on ?? '9999')!,
      source.get(row.source_id)!,
      period.get(row.period)!,
      unit.get(row.assignee)!,
    ]
    return exact ? [((parts[0]! * s + parts[1]!) * p + parts[2]!) * u + parts[3]!] : parts
  })
  const order = rows.map((_, i) => i)
  order.sort((a, b) => {
    const ka = keys[a]!
    const kb = keys[b]!
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!
    return a - b
  })
  return order.map((i) => rows[i]!)
}

/** True when the ledger marks the row overdue (its summary's mark, tasks/task-views.ts). */
function overdueOf(context: PlanContext, task: OrderRow, today: string): boolean {
  const stopped =
    taskHasTag(context.model, task, 'finished') ||
    taskHasTag(context.model, task, 'withdrawn') ||
    taskHasTag(context.model, task, 'closed')
  return task.due_on !== null && task.due_on < today && !stopped
}

/**
 * Every row the ledger lists, in its order, grouped and numbered: `tasks` are the matching tasks
 * (support rows already folded), `facts` given when a colour or overdue filter is asked.
 */
export function placeRows(
  context: PlanContext,
  tasks: readonly OrderRow[],
  today: string,
  filters: LedgerFilters,
  facts: SupervisionFacts | null,
): Placed[] {
  let rows = sortForLedger(tasks)
  if (filters.overdue !== undefined)
    rows = rows.filter((task) => overdueOf(context, task, today) === filters.overdue)
  if (filters.lights && facts)
    rows = rows.filter((task) => filters.lights!.has(lightOf(context.model, task, today, facts)))
  const groupBy = filters.groupBy
  const order: Array<{ key: string; name: string }> = []
  if (groupBy === 'phase')
    order.push(
      ...context.model.config.timeline.phases.map((phase) => ({ key: phase.id, name: phase.name })),
    )
  const known = new Set(order.map((group) => group.key))
  const parts = new Map<string, string>()
  const partKey = (sourceId: string) => {
    let key = parts.get(sourceId)
    if (key === undefined)
      parts.set(sourceId, (key = partOf(clauseOf(context, sourceId)) ?? NO_PART.key))
    return key
  }
  const keyOf = (task: OrderRow) =>
    groupBy === 'phase' ? (task.phase_id ?? NO_PHASE.key) : partKey(task.source_id)
  const byKey = new Map<string, OrderRow[]>()
  for (const task of rows) {
    const key = keyOf(task)
    const list = byKey.get(key)
    if (list) list.push(task)
    else byKey.set(key, [task])
    if (!known.has(key)) {
      known.add(key)
      order.push(
        key === '-'
          ? groupBy === 'phase'
            ? NO_PHASE
            : NO_PART
          : { key, name: groupBy === 'part' ? `${key.replace(/、$/, '')}、部分` : key },
      )
    }
  }
  if (groupBy === 'part') order.sort((a, b) => (a.key === '-' ? 1 : b.key === '-' ? -1 : 0))
  const placed: Placed[] = []
  for (const group of order)
    for (const task of byKey.get(group.key) ?? [])
      placed.push({ task, group, index: placed.length + 1 })
  return placed
}

/** The cursor of the page after `row`: its number and its task (ledger-query.ts reads it). */
export function ledgerCursor(row: Placed): string {
  return Buffer.from(JSON.stringify([row.index, row.task.id])).toString('base64url')
}

/**
 * The rows of one page: after the cursor's task (or, when that task left the ledger since, after
 * its number), at most `size`.
 */
export function pageOf(placed: readonly Placed[], size: number, after: LedgerCursor | null) {
  let start = 0
  if (after) {
    const at = placed.findIndex((row) => row.task.id === after.id)
    start = at >= 0 ? at + 1 : Math.min(after.index, placed.length)
  }
  const rows = placed.slice(start, start + size)
  const more = start + size < placed.length
  return { rows, nextCursor: more && rows.length > 0 ? ledgerCursor(rows.at(-1)!) : null }
}
