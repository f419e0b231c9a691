/**
 * @module The one row builder of the office's documents: a task as the ledger (台账), the 督办单
 * and the 情况通报 print it — its clause, lead and supporting units, deadline, last progress,
 * state, light, escalation level and the day it was finished. The light and the level are the
 * task summary's (tasks/task-views.ts), the very values its badges show.
 */
import type { Kysely } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { dutyOf, taskHasTag } from '../task-kinds/registry.ts'
import { loadSupervisionFacts } from '../tasks/task-lights.ts'
import { summarize } from '../tasks/task-views.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import type { LedgerRow } from '../../schemas/api/responses.schema.ts'
import { escalationName, lightName, stateName } from './labels.ts'

/** A row before it is numbered, with what grouping reads. */
export type LedgerEntry = Omit<LedgerRow, 'index'> & { phaseId: string | null }

/** Past this many ids a look-up reads the whole plan instead of binding each id. */
const BOUND_IDS = 500

/** Whole days from `from` to `to` (civil dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The clause of the document a task comes from (its duty's or procedure's `source`). */
export function clauseOf(context: PlanContext, sourceId: string): string | null {
  const { model } = context
  return (
    dutyOf(model, sourceId)?.source?.clause ?? model.procedure(sourceId)?.source?.clause ?? null
  )
}

async function lastProgress(
  db: Kysely<Database>,
  planId: string,
  ids: readonly string[],
): Promise<Map<string, { percent: number; text: string }>> {
  let query = db
    .selectFrom('progress_report')
    .select(['task_id', 'percent', 'text'])
    .where('plan_id', '=', planId)
  if (ids.length <= BOUND_IDS) query = query.where('task_id', 'in', [...ids])
  const last = new Map<string, { percent: number; text: string }>()
  for (const row of await query.orderBy('reported_at').orderBy('id').execute())
    last.set(row.task_id, { percent: row.percent, text: row.text })
  return last
}

/** The instant each finished task last changed (the event that finished it). */
async function finishedAt(
  db: Kysely<Database>,
  planId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  let query = db
    .selectFrom('task_event')
    .innerJoin('task', 'task.id', 'task_event.task_id')
    .select(['task_event.task_id', (eb) => eb.fn.max('task_event.at').as('at')])
    .where('task.plan_id', '=', planId)
    .where('task_event.type', 'not in', ['URGE', 'REMIND', 'OVERDUE', 'ESCALATE'])
    .groupBy('task_event.task_id')
  if (ids.length <= BOUND_IDS) query = query.where('task_event.task_id', 'in', [...ids])
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.task_id, String(row.at)]))
}

/** The supporting units of each lead task, by the lead task's id. */
async function supportUnits(
  db: Kysely<Database>,
  planId: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  let query = db
    .selectFrom('task')
    .select(['parent_task_id', 'assignee'])
    .where('plan_id', '=', planId)
    .where('role', '=', 'support')
    .where('state', '<>', 'withdrawn')
  if (ids.length <= BOUND_IDS) query = query.where('parent_task_id', 'in', [...ids])
  const units = new Map<string, string[]>()
  // Sorted here, not by the query: asked for them in order, SQLite walks the plan's tasks by
  // assignee (every task of the plan, 3,330 of them, for a page of 50) instead of looking up the
  // page's own supporting tasks by (plan, role, parent) when most tasks are leads with no parent.
  for (const row of await query.execute()) {
    if (!row.parent_task_id) continue
    const list = units.get(row.parent_task_id) ?? []
    if (!list.includes(row.assignee)) list.push(row.assignee)
    units.set(row.parent_task_id, list)
  }
  for (const list of units.values()) list.sort()
  return units
}

/** The rows of `tasks`, in the order given: one query per table for all of them. */
export async function ledgerEntries(
  db: Kysely<Database>,
  context: PlanContext,
  tasks: readonly TaskRow[],
  today: string,
): Promise<LedgerEntry[]> {
  if (tasks.length === 0) return []
  const { plan, model } = context
  const ids = tasks.map((task) => task.id)
  const finishedIds = new Set(
    tasks.filter((task) => taskHasTag(model, task, 'finished')).map((task) => task.id),
  )
  const [facts, progress, finished, support] = await Promise.all([
    loadSupervisionFacts(db, plan.id, ids),
    lastProgress(db, plan.id, ids),
    finishedAt(db, plan.id, [...finishedIds]),
    supportUnits(db, plan.id, ids),
  ])
  const actors = model.actors(context.members)
  const named = (id: string) => ({ id, name: actors.get(id)?.name ?? id })
  return tasks.map((task) => {
    const summary = summarize(task, context, today, facts)
    const reported = progress.get(task.id)
    const doneAt = finishedIds.has(task.id) ? finished.get(task.id) : undefined
    return {
      taskId: task.id,
      title: summary.title,
      period: task.period,
      clause: clauseOf(context, task.source_id),
      lead: summary.assignee,
      support: (support.get(task.id) ?? []).map(named),
      dueOn: task.due_on,
      duePhrase: task.due_phrase,
      percent: reported?.percent ?? null,
      progress: reported
        ? `${reported.percent}%${reported.text ? `：${reported.text}` : ''}`
        : null,
      state: task.state,
      stateName: stateName(model, task.source_id, task.state),
      light: summary.light,
      lightName: lightName(summary.light),
      escalation: summary.escalation,
      escalationName: escalationName(summary.escalation),
      overdue: summary.overdue,
      daysOverdue: summary.overdue && task.due_on ? daysBetween(task.due_on, today) : 0,
      doneOn: doneAt ? civilDateAt(new Date(doneAt)) : null,
      phaseId: task.phase_id,
    }
  })
}
