/**
 * @module The task list a page at a time (`GET /api/tasks?pageSize=…&after=…`): the tasks in
 * deadline order (those without a deadline last, then by id), read through the indexes by plan
 * and unit from just after the cursor, and the counts of the whole list from the groups that
 * `task_count` keeps (task-counts.ts) — so neither grows with the number of tasks in a plan.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Database, PlanRow, TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import { AppError } from '../errors.ts'
import { planContextOf } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { actorsOf, oversees, seesWholePlan } from '../access/visibility.ts'
import { KINDS_WITH_OWN_ACTORS } from '../task-kinds/registry.ts'
import type { TaskList, TaskSummary } from '../../schemas/api/responses.schema.ts'
import type { TaskListQuery } from '../../schemas/api/queries.schema.ts'
import { actorsFor, mayAct } from './access.ts'
import { summarize } from './task-views.ts'
import { loadSupervisionFacts } from './task-lights.ts'
import type { SupervisionFacts } from './task-lights.ts'
import { countedGroups, countGroups, groupOfOne, withTasksAlone } from './task-counts.ts'
import type { TaskGroup, TaskScope } from './task-counts.ts'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

/** Where a page starts: just after this task in deadline order (no deadline: `due` null). */
interface Cursor {
  due: string | null
  id: string
}

function cursorOf(task: Pick<TaskRow, 'due_on' | 'id'>): string {
  return Buffer.from(JSON.stringify([task.due_on, task.id])).toString('base64url')
}

function parseCursor(text: string): Cursor {
  try {
    const [due, id] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if ((due === null || typeof due === 'string') && typeof id === 'string') return { due, id }
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

/** Deadline order: by due date, those without one last, then by id. */
function compare(a: Pick<TaskRow, 'due_on' | 'id'>, b: Pick<TaskRow, 'due_on' | 'id'>): number {
  if (a.due_on !== b.due_on) {
    if (a.due_on === null) return 1
    if (b.due_on === null) return -1
    return a.due_on < b.due_on ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

type TaskQuery = SelectQueryBuilder<Database, 'task', TaskRow>

/** The tasks of one plan the query and scope select, narrowed to `parties` when given. */
function taskQuery(
  db: Kysely<Database>,
  planId: string,
  scope: TaskScope,
  q: TaskListQuery,
  parties: string[] | null = scope.parties,
): TaskQuery {
  let query = db.selectFrom('task').selectAll().where('plan_id', '=', planId)
  if (parties) query = query.where(scope.side, 'in', parties)
  if (q.phase) query = query.where('phase_id', '=', q.phase)
  if (q.state) query = query.where('state', 'in', q.state.split(','))
  if (q.period) query = query.where('period', '=', q.period)
  if (q.assignee) query = query.where('assignee', '=', q.assignee)
  if (q.dueAfter) query = query.where('due_on', '>=', q.dueAfter)
  if (q.dueBefore) query = query.where('due_on', '<=', q.dueBefore)
  return query
}

/** Up to `n` tasks of `query` after `cursor`, in deadline order (two index range reads). */
async function tasksAfter(query: TaskQuery, cursor: Cursor | null, n: number): Promise<TaskRow[]> {
  const rows: TaskRow[] = []
  if (!cursor || cursor.due !== null) {
    let dated = query.where('due_on', 'is not', null)
    if (cursor)
      dated = dated.where((eb) =>
        eb(eb.refTuple('due_on', 'id'), '>', eb.tuple(cursor.due as string, cursor.id)),
      )
    rows.push(...(await dated.orderBy('due_on').orderBy('id').limit(n).execute()))
  }
  if (rows.length < n) {
    let undated = query.where('due_on', 'is', null)
    if (cursor && cursor.due === null) undated = undated.where('id', '>', cursor.id)
    rows.push(
      ...(await undated
        .orderBy('id')
        .limit(n - rows.length)
        .execute()),
    )
  }
  return rows
}

/** Groups counted live, for filters `task_count` does not keep (phase, period, a reviewer's assignee). */
async function liveGroups(query: TaskQuery): Promise<TaskGroup[]> {
  const rows = await query
    .clearSelect()
    .select([
      'kind',
      'source_id',
      'state',
      'opens_on',
      'created_at',
      'due_on',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.case().when('escalation_level', '>=', 3).then(1).else(0).end().as('escalated'),
    ])
    .groupBy(['kind', 'source_id', 'state', 'opens_on', 'created_at', 'due_on', 'escalation_level'])
    .execute()
  return rows.map((row) => ({
    kind: row.kind,
    source_id: row.source_id,
    state: row.state,
    opens_on: row.opens_on,
    created_at: row.opens_on === null ? row.created_at : '',
    due_on: row.due_on,
    escalated: Number(row.escalated) === 1,
    n: Number(row.n),
  }))
}

interface PlanPart {
  context: PlanContext
  groups: TaskGroup[]
  rows: TaskSummary[]
  last: Map<string, TaskRow>
}

/** One plan's share of the page: its groups and its first tasks after the cursor. */
async function planPart(
  db: Kysely<Database>,
  context: PlanContext,
  scope: TaskScope,
  q: TaskListQuery,
  options: { procedures: boolean; cursor: Cursor | null; size: number; today: string },
  keep: (summary: TaskSummary) => boolean,
  user: CurrentUser,
): Promise<PlanPart> {
  const { plan, model } = context
  const { today, cursor, size } = options
  const facts: SupervisionFacts = await loadSupervisionFacts(db, plan.id)
  const live = !!(q.phase || q.period || (q.assignee && scope.side === 'reviewer'))
  let groups = live
    ? await liveGroups(taskQuery(db, plan.id, scope, q))
    : await countedGroups(db, plan.id, scope, {
        ...(q.state ? { states: q.state.split(',') } : {}),
        ...(q.dueAfter ? { dueAfter: q.dueAfter } : {}),
        ...(q.dueBefore ? { dueBefore: q.dueBefore } : {}),
      })
  const factIds = [...new Set([...facts.percent.keys(), ...facts.cleared])]
  if (factIds.length > 0) {
    const lit = await taskQuery(db, plan.id, scope, q).where('id', 'in', factIds).execute()
    groups = withTasksAlone(groups, lit, context, today, facts)
  }
  const rows: TaskSummary[] = []
  const last = new Map<string, TaskRow>()
  // Procedures come to each actor when their step is reached (the city sees applications to evaluate).
  if (options.procedures) {
    const mine = new Set(scope.parties)
    const procedures = (
      await db
        .selectFrom('task')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('kind', 'in', [...KINDS_WITH_OWN_ACTORS])
        .execute()
    ).filter(
      (task) =>
        !mine.has(task.assignee) &&
        mayAct(user, plan.policy_id, actorsFor(model, task, 'COMPLETE')),
    )
    for (const task of procedures) {
      groups.push(groupOfOne(context, task, today, facts))
      if (cursor && compare(task, { due_on: cursor.due, id: cursor.id }) <= 0) continue
      const summary = summarize(task, context, today, facts)
      if (keep(summary)) {
        rows.push(summary)
        last.set(summary.id, task)
      }
    }
  }
  // One index range read per unit (the index orders by unit, then deadline), merged here.
  for (const party of scope.parties ?? [null]) {
    const query = taskQuery(db, plan.id, scope, q, party === null ? null : [party])
    let after = cursor
    let kept = 0
    while (kept <= size) {
      const chunk = await tasksAfter(query, after, size + 1)
      for (const task of chunk) {
        const summary = summarize(task, context, today, facts)
        if (!keep(summary)) continue
        rows.push(summary)
        last.set(summary.id, task)
        kept++
      }
      if (chunk.length <= size) break
      const end = chunk[chunk.length - 1]!
      after = { due: end.due_on, id: end.id }
    }
  }
  return { context, groups, rows, last }
}

/** The page of tasks `q` asks for, with the counts of the whole list and the next cursor. */
export async function taskListPage(
  db: Kysely<Database>,
  user: CurrentUser,
  plans: PlanRow[],
  q: TaskListQuery & { pageSize?: string; after?: string },
  today: string,
): Promise<TaskList & { nextCursor: string | null }> {
  const size = Math.min(
    Math.max(Number(q.pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE, 1),
    MAX_PAGE_SIZE,
  )
  const cursor = q.after ? parseCursor(q.after) : null
  const lights = q.light ? new Set(q.light.split(',')) : null
  const overdueOnly = q.overdue === 'true'
  const keep = (row: TaskSummary) =>
    (!overdueOnly || row.overdue) && (!lights || lights.has(row.light))
  const filtered = !!(
    q.phase ||
    q.state ||
    q.period ||
    q.assignee ||
    q.dueAfter ||
    q.dueBefore ||
    q.role === 'review'
  )
  const parts: PlanPart[] = []
  for (const plan of plans) {
    const mine = [...actorsOf(user, plan.policy_id)]
    if (mine.length === 0 && !oversees(user, plan.policy_id)) continue
    const context = await planContextOf(db, plan)
    const all = q.scope === 'all' && seesWholePlan(user, plan.policy_id, context.model)
    if (!all && mine.length === 0) continue
    const scope: TaskScope = {
      side: !all && q.role === 'review' ? 'reviewer' : 'assignee',
      parties: all ? null : mine,
    }
    if (q.assignee && scope.side === 'assignee')
      scope.parties = scope.parties
        ? scope.parties.filter((party) => party === q.assignee)
        : [q.assignee]
    if (scope.parties?.length === 0) continue
    const options = { procedures: !all && !filtered, cursor, size, today }
    parts.push(await planPart(db, context, scope, q, options, keep, user))
  }
  const counts = countGroups(
    parts.flatMap(({ context, groups }) => groups.map((group) => ({ context, group }))),
    today,
    { overdueOnly, lights },
  )
  const rows = parts.flatMap((part) =>
    part.rows.map((row) => ({ row, task: part.last.get(row.id)! })),
  )
  rows.sort((a, b) => compare(a.task, b.task))
  const page = rows.slice(0, size)
  const more = rows.length > size
  return {
    counts,
    tasks: page.map(({ row }) => row),
    nextCursor: more ? cursorOf(page[page.length - 1]!.task) : null,
  }
}
