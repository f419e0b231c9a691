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
  plan_id: string
  kind: TaskRow['kind']
  source_id: string
  state: string
  opens_on: string | null
  created_at: string
  due_on: string | null
  /** 0 below 督办, 3 督办, 4 通报 or above. */
  escalation: 0 | 3 | 4
  /** The unit, when the groups were asked for by unit. */
  party?: string
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

/** The escalation tier a group counts a task's level in. */
export function escalationTier(level: number): TaskGroup['escalation'] {
  return level >= 4 ? 4 : level >= 3 ? 3 : 0
}

/**
 * The counted groups of a scope in plans of one version, read from `task_count`, summed over the
 * plans and given as of the first (the plans judge their tasks by the same model); with
 * `byParty`, per unit.
 */
export async function countedGroups(
  db: Kysely<Database>,
  planIds: readonly string[],
  scope: TaskScope,
  filters: GroupFilters,
  byParty = false,
): Promise<TaskGroup[]> {
  // Plans of one version judge their tasks alike: their groups are summed, as of the first plan.
  const dimensions = [
    'kind',
    'source_id',
    'state',
    'opens_on',
    'created_on',
    'due_on',
    'escalation',
    ...(byParty ? (['party'] as const) : []),
  ] as const
  let query = db
    .selectFrom('task_count')
    .select([...dimensions, (eb) => eb.fn.sum<number>('n').as('n')])
    .where('plan_id', 'in', [...planIds])
    .where('side', '=', scope.side)
    .where('n', '>', 0)
  if (scope.parties) query = query.where('party', 'in', scope.parties)
  const rows = await narrowed(query, filters)
    .groupBy([...dimensions])
    .execute()
  return rows.map((row) => ({
    plan_id: planIds[0]!,
    kind: row.kind,
    source_id: row.source_id,
    state: row.state,
    opens_on: row.opens_on || null,
    created_at: row.created_on,
    due_on: row.due_on || null,
    escalation: escalationTier(Number(row.escalation)),
    ...(byParty ? { party: (row as { party?: string }).party! } : {}),
    n: Number(row.n),
  }))
}

/** The group a task row counts in (one task), as `task_count` keeps it. */
export function groupOfRow(
  task: Pick<
    TaskRow,
    | 'plan_id'
    | 'kind'
    | 'source_id'
    | 'state'
    | 'opens_on'
    | 'created_at'
    | 'due_on'
    | 'escalation_level'
  >,
  n = 1,
): TaskGroup {
  return {
    plan_id: task.plan_id,
    kind: task.kind,
    source_id: task.kind === 'procedure' ? task.source_id : '',
    state: task.state,
    opens_on: task.opens_on,
    created_at: task.opens_on === null ? task.created_at : '',
    due_on: task.due_on,
    escalation: escalationTier(task.escalation_level),
    n,
  }
}

function groupKey(group: TaskGroup): string {
  return JSON.stringify([
    group.plan_id,
    group.kind,
    group.source_id,
    group.state,
    group.opens_on,
    group.opens_on === null ? group.created_at : '',
    group.due_on,
    group.escalation,
    group.party ?? null,
  ])
}

/** A task as a group of one, with its own light (its facts read). */
export function groupOfOne(
  context: PlanContext,
  task: TaskRow,
  today: string,
  facts: SupervisionFacts,
  party?: string,
): TaskGroup {
  return {
    ...groupOfRow(task),
    ...(party !== undefined ? { party } : {}),
    light: lightOf(context.model, task, today, facts),
  }
}

/**
 * Takes `tasks` (those of the groups whose light reads facts) out of their groups and adds each
 * as a group of one with its own light; the groups are as of `context`'s plan (countedGroups).
 */
export function withTasksAlone(
  groups: TaskGroup[],
  tasks: TaskRow[],
  context: PlanContext,
  today: string,
  facts: SupervisionFacts,
  partyOf?: (task: TaskRow) => string,
): TaskGroup[] {
  const byKey = new Map(groups.map((group) => [groupKey(group), group]))
  const alone: TaskGroup[] = []
  for (const task of tasks) {
    const party = partyOf?.(task)
    const plan_id = context.plan.id
    const group = byKey.get(groupKey({ ...groupOfRow(task), plan_id, ...(party ? { party } : {}) }))
    if (!group || group.n === 0) continue
    group.n--
    alone.push({ ...groupOfOne(context, task, today, facts, party), plan_id })
  }
  return [...groups.filter((group) => group.n > 0), ...alone]
}

/** What a group is on `today`: its light, whether overdue, whether escalated (督办). */
export function judge(context: PlanContext, group: TaskGroup, today: string) {
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
    escalated:
      group.escalation >= 3 && !isWithdrawnState(group.state) && !isClosedState(group.state),
    dueSoon: dueSoonOf(model, task, today),
  }
}

/** Counts as the task list gives them, from groups of several plans. */
export function countGroups(
  groups: TaskGroup[],
  contexts: ReadonlyMap<string, PlanContext>,
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
  for (const group of groups) {
    const judged = judge(contexts.get(group.plan_id)!, group, today)
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
