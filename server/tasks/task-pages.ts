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
import {
  countedGroups,
  countGroups,
  groupOfOne,
  groupOfRow,
  withTasksAlone,
} from './task-counts.ts'
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

/** The tasks of the plans the query and scope select, narrowed to `parties` when given. */
function taskQuery(
  db: Kysely<Database>,
  planIds: readonly string[],
  scope: TaskScope,
  q: TaskListQuery,
  parties: string[] | null = scope.parties,
): TaskQuery {
  let query = db
    .selectFrom('task')
    .selectAll()
    .where(
      'plan_id',
      planIds.length === 1 ? '=' : 'in',
      planIds.length === 1 ? planIds[0]! : [...planIds],
    )
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
async function liveGroups(query: TaskQuery, asPlan: string): Promise<TaskGroup[]> {
  const rows = await query
    .clearSelect()
    .select([
      'kind',
      'source_id',
      'state',
      'opens_on',
      'created_at',
      'due_on',
      'escalation_level',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['kind', 'source_id', 'state', 'opens_on', 'created_at', 'due_on', 'escalation_level'])
    .execute()
  return rows.map((row) => groupOfRow({ ...row, plan_id: asPlan }, Number(row.n)))
}

/** The plans of one policy a user reads alike: the same units, the same scope. */
interface PolicyPlans {
  policyId: string
  contexts: PlanContext[]
  scope: TaskScope
  procedures: boolean
}

interface Part {
  groups: TaskGroup[]
  rows: Array<{ summary: TaskSummary; task: TaskRow }>
}

/**
 * The share of the page of one policy's plans: their groups and their first tasks after the
 * cursor, read for all of those plans at once (per unit, in deadline order).
 */
async function policyPart(
  db: Kysely<Database>,
  { policyId, contexts, scope, procedures: withProcedures }: PolicyPlans,
  q: TaskListQuery,
  options: { cursor: Cursor | null; size: number; today: string },
  keep: (summary: TaskSummary) => boolean,
  user: CurrentUser,
): Promise<Part> {
  const { today, cursor, size } = options
  const planIds = contexts.map((context) => context.plan.id)
  const contextOf = new Map(contexts.map((context) => [context.plan.id, context]))
  const live = !!(q.phase || q.period || (q.assignee && scope.side === 'reviewer'))
  // Plans of one version are counted together, as of the first of them.
  const byVersion = [...Map.groupBy(contexts, (context) => context.plan.policy_version_id).values()]
  const first = new Map<string, PlanContext>()
  for (const same of byVersion) for (const context of same) first.set(context.plan.id, same[0]!)
  const readGroups = async () => {
    const counted: TaskGroup[] = []
    for (const same of byVersion) {
      const ids = same.map((context) => context.plan.id)
      counted.push(
        ...(live
          ? await liveGroups(taskQuery(db, ids, scope, q), ids[0]!)
          : await countedGroups(db, ids, scope, {
              ...(q.state ? { states: q.state.split(',') } : {}),
              ...(q.dueAfter ? { dueAfter: q.dueAfter } : {}),
              ...(q.dueBefore ? { dueBefore: q.dueBefore } : {}),
            })),
      )
    }
    return counted
  }
  // The reads that do not wait on one another go out together (three at most): on PostgreSQL
  // each is a round trip, and the pool runs them on connections of their own.
  const [facts, counted, procedures] = await Promise.all([
    loadSupervisionFacts(db, planIds),
    readGroups(),
    // Procedures come to each actor when their step is reached (the city sees applications to evaluate).
    withProcedures
      ? db
          .selectFrom('task')
          .selectAll()
          .where('plan_id', 'in', planIds)
          .where('kind', 'in', [...KINDS_WITH_OWN_ACTORS])
          .execute()
      : [],
  ])
  let groups = counted
  const factIds = [...new Set([...facts.percent.keys(), ...facts.cleared])]
  if (factIds.length > 0) {
    const lit = await taskQuery(db, planIds, scope, q).where('id', 'in', factIds).execute()
    const byFirst = Map.groupBy(lit, (task) => first.get(task.plan_id)!)
    for (const [context, tasks] of byFirst)
      groups = withTasksAlone(groups, tasks, context, today, facts)
  }
  const rows: Part['rows'] = []
  if (withProcedures) {
    const mine = new Set(scope.parties)
    for (const task of procedures) {
      const context = contextOf.get(task.plan_id)!
      if (mine.has(task.assignee)) continue
      if (!mayAct(user, policyId, actorsFor(context.model, task, 'COMPLETE'))) continue
      groups.push(groupOfOne(context, task, today, facts))
      if (cursor && compare(task, { due_on: cursor.due, id: cursor.id }) <= 0) continue
      const summary = summarize(task, context, today, facts)
      if (keep(summary)) rows.push({ summary, task })
    }
  }
  // One index range read per unit, in deadline order, merged by the caller.
  for (const party of scope.parties ?? [null]) {
    const query = taskQuery(db, planIds, scope, q, party === null ? null : [party])
    let after = cursor
    let kept = 0
    while (kept <= size) {
      const chunk = await tasksAfter(query, after, size + 1)
      for (const task of chunk) {
        const summary = summarize(task, contextOf.get(task.plan_id)!, today, facts)
        if (!keep(summary)) continue
        rows.push({ summary, task })
        kept++
      }
      if (chunk.length <= size) break
      const end = chunk[chunk.length - 1]!
      after = { due: end.due_on, id: end.id }
    }
  }
  return { groups, rows }
}

/** The page of tasks `q` asks for, with the counts of the whole list and the next cursor. */
export async function taskListPage(
  db: Kysely<Database>,
  user: CurrentUser,
  plans: PlanRow[],
  q: TaskListQuery & { pageSize?: string; after?: string },
  today: string,
): Promise<TaskList & { nextCursor: string | null }> {
  // Counts are kept per group of like tasks (task-counts.ts); a search or 临期 is a property of
  // each task, so such a list is not paged yet: refused rather than paged with wrong counts.
  const unpaged = (['q', 'dueSoon'] as const).filter((name) => q[name] !== undefined)
  if (unpaged.length > 0)
    throw new AppError(
      400,
      'bad-request',
      {
        zh: `${unpaged.join('、')} 不能与 pageSize/after 同用：请去掉分页参数，一次取回整个列表`,
        en: `${unpaged.join(' and ')} cannot be paged: leave out pageSize and after to get the whole list`,
      },
      {
        issues: unpaged.map((name) => ({
          pointer: `/${name}`,
          message: {
            zh: '去掉分页参数，或去掉此条件',
            en: 'Leave out the page parameters, or this condition',
          },
        })),
      },
    )
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
  const byPolicy = new Map<string, PolicyPlans>()
  const contexts = new Map<string, PlanContext>()
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
    contexts.set(plan.id, context)
    // Plans of one policy are read together when the user reads them alike.
    const key = `${plan.policy_id}\u0000${all}`
    const same = byPolicy.get(key)
    if (same) same.contexts.push(context)
    else
      byPolicy.set(key, {
        policyId: plan.policy_id,
        contexts: [context],
        scope,
        procedures: !all && !filtered,
      })
  }
  const parts: Part[] = []
  for (const plansOfPolicy of byPolicy.values())
    parts.push(await policyPart(db, plansOfPolicy, q, { cursor, size, today }, keep, user))
  const counts = countGroups(
    parts.flatMap((part) => part.groups),
    contexts,
    today,
    { overdueOnly, lights },
  )
  const rows = parts.flatMap((part) => part.rows)
  rows.sort((a, b) => compare(a.task, b.task))
  const page = rows.slice(0, size)
  const more = rows.length > size
  return {
    counts,
    tasks: page.map(({ summary }) => summary),
    nextCursor: more ? cursorOf(page[page.length - 1]!.task) : null,
  }
}
