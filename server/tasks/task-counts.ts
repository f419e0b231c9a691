/**
 * @module The counts of an inbox page from groups of tasks, not from the tasks: `task_count` (kept
 * by triggers as tasks are written, migration 2026_12_08_0800) holds how many tasks share a kind,
 * duty, state, window, deadline and escalation, which is all a task's light, overdue flag and
 * escalation need on a given day. The few tasks whose light also reads a progress report or a
 * cleared red light are taken out of their group and counted one by one.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { isClosedState, isWithdrawnState } from '../../domain/workflow/task-states.ts'
import { TASK_LIGHTS } from '../../schemas/api/responses.schema.ts'
import type { TaskList } from '../../schemas/api/responses.schema.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { dueSoonOf, lightOf, NO_FACTS } from './task-lights.ts'
import type { SupervisionFacts } from './task-lights.ts'

type Light = (typeof TASK_LIGHTS)[number]

/** Tasks alike in all an inbox counts by, and how many they are. */
export interface TaskGroup {
  kind: TaskRow['kind']
  source_id: string
  state: string
  opens_on: string | null
  created_at: string
  due_on: string | null
  escalated: boolean
  n: number
  /** Set on a task counted alone, whose light reads its progress report or clearance. */
  light?: Light
}

/** Which tasks of a plan an inbox page shows: by assignee or reviewer, of some units or all. */
export interface TaskScope {
  side: 'assignee' | 'reviewer'
  /** null: every unit (an overseer's `scope=all`). */
  parties: string[] | null
}

/** What the page is narrowed to by the query, where the counted groups can narrow it too. */
export interface GroupFilters {
  states?: string[]
  dueAfter?: string
  dueBefore?: string
}

function narrowed<O>(
  query: SelectQueryBuilder<Database, 'task_count', O>,
  filters: GroupFilters,
): SelectQueryBuilder<Database, 'task_count', O> {
  let narrow = query
  if (filters.states) narrow = narrow.where('state', 'in', filters.states)
  if (filters.dueAfter) narrow = narrow.where('due_on', '>=', filters.dueAfter)
  if (filters.dueBefore)
    narrow = narrow.where('due_on', '<=', filters.dueBefore).where('due_on', '<>', '')
  return narrow
}

/** The counted groups of one plan's scope, read from `task_count`. */
export async function countedGroups(
  db: Kysely<Database>,
  planId: string,
  scope: TaskScope,
  filters: GroupFilters,
): Promise<TaskGroup[]> {
  let query = db
    .selectFrom('task_count')
    .select([
      'kind',
      'source_id',
      'state',
      'opens_on',
      'created_on',
      'due_on',
      'escalated',
      (eb) => eb.fn.sum<number>('n').as('n'),
    ])
    .where('plan_id', '=', planId)
    .where('side', '=', scope.side)
    .where('n', '>', 0)
  if (scope.parties) query = query.where('party', 'in', scope.parties)
  const rows = await narrowed(query, filters)
    .groupBy(['kind', 'source_id', 'state', 'opens_on', 'created_on', 'due_on', 'escalated'])
    .execute()
  return rows.map((row) => ({
    kind: row.kind,
    source_id: row.source_id,
    state: row.state,
    opens_on: row.opens_on || null,
    created_at: row.created_on,
    due_on: row.due_on || null,
    escalated: Number(row.escalated) === 1,
    n: Number(row.n),
  }))
}

/** The group key of a task row, as {@link groupKey} makes it of a group. */
function rowKey(task: TaskRow): string {
  return groupKey({
    kind: task.kind,
    source_id: task.source_id,
    state: task.state,
    opens_on: task.opens_on,
    created_at: task.opens_on === null ? task.created_at : '',
    due_on: task.due_on,
    escalated: task.escalation_level >= 3,
  })
}

function groupKey(group: Omit<TaskGroup, 'n' | 'light'>): string {
  return JSON.stringify([
    group.kind,
    group.source_id,
    group.state,
    group.opens_on,
    group.opens_on === null ? group.created_at : '',
    group.due_on,
    group.escalated,
  ])
}

/** A task as a group of one, with its own light (its facts read). */
export function groupOfOne(
  context: PlanContext,
  task: TaskRow,
  today: string,
  facts: SupervisionFacts,
): TaskGroup {
  return {
    kind: task.kind,
    source_id: task.source_id,
    state: task.state,
    opens_on: task.opens_on,
    created_at: task.created_at,
    due_on: task.due_on,
    escalated: task.escalation_level >= 3,
    n: 1,
    light: lightOf(context.model, task, today, facts),
  }
}

/**
 * Takes `tasks` (those of the groups whose light reads facts) out of their groups and adds each
 * as a group of one with its own light.
 */
export function withTasksAlone(
  groups: TaskGroup[],
  tasks: TaskRow[],
  context: PlanContext,
  today: string,
  facts: SupervisionFacts,
): TaskGroup[] {
  const byKey = new Map(groups.map((group) => [groupKey(group), group]))
  const alone: TaskGroup[] = []
  for (const task of tasks) {
    const group = byKey.get(rowKey(task))
    if (!group || group.n === 0) continue
    group.n--
    alone.push(groupOfOne(context, task, today, facts))
  }
  return [...groups.filter((group) => group.n > 0), ...alone]
}

/** What a group is on `today`: its light, whether overdue, whether escalated (督办). */
function judge(context: PlanContext, group: TaskGroup, today: string) {
  const { model } = context
  const task = { ...group, id: '' }
  return {
    light: group.light ?? lightOf(model, task, today, NO_FACTS),
    overdue:
      group.due_on !== null &&
      group.due_on < today &&
      !taskHasTag(model, task, 'finished') &&
      !taskHasTag(model, task, 'withdrawn') &&
      !taskHasTag(model, task, 'closed'),
    escalated: group.escalated && !isWithdrawnState(group.state) && !isClosedState(group.state),
    dueSoon: dueSoonOf(model, task, today),
  }
}

/** Counts as the task list gives them, from groups of several plans. */
export function countGroups(
  groups: Array<{ context: PlanContext; group: TaskGroup }>,
  today: string,
  options: { overdueOnly: boolean; lights: ReadonlySet<string> | null },
): TaskList['counts'] {
  const byLight = Object.fromEntries(TASK_LIGHTS.map((light) => [light, 0])) as Record<
    Light,
    number
  >
  const counts: TaskList['counts'] = {
    total: 0,
    overdue: 0,
    dueSoon: 0,
    escalated: 0,
    byState: {},
    byLight,
  }
  for (const { context, group } of groups) {
    const judged = judge(context, group, today)
    if (options.overdueOnly && !judged.overdue) continue
    byLight[judged.light] += group.n
    if (options.lights && !options.lights.has(judged.light)) continue
    counts.total += group.n
    if (judged.overdue) counts.overdue += group.n
    if (judged.dueSoon) counts.dueSoon += group.n
    if (judged.escalated) counts.escalated += group.n
    counts.byState[group.state] = (counts.byState[group.state] ?? 0) + group.n
  }
  return counts
}
