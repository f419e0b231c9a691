/**
 * @module The light of a task as the API shows it: the pure rule of domain/supervision applied
 * to a task row, its plan's calendar and thresholds, and what the plan's tables add (the last
 * progress report of each task, the red lights the office cleared). Those come from one query per
 * table for the tasks being shown, never from a value stored and repainted every day.
 */
import type { Kysely } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { windowStart } from './progress-reports.ts'
import { DEFAULT_LIGHTS, isDueSoon, taskLight } from '../../domain/supervision/index.ts'
import type { Light, LightFacts, LightThresholds } from '../../domain/supervision/index.ts'

/** What a plan's tables say of its tasks' lights: last reported percent, cleared red lights. */
export interface SupervisionFacts {
  percent: ReadonlyMap<string, number>
  cleared: ReadonlySet<string>
}

export const NO_FACTS: SupervisionFacts = { percent: new Map(), cleared: new Set() }

/** The thresholds of a version: its `escalation.lights`, over the defaults. */
export function lightThresholds(model: PlanModel): LightThresholds {
  return { ...DEFAULT_LIGHTS, ...model.escalation.lights }
}

/** Where a task stands, for its light. A closed plan's undone task still owes its work. */
/** The columns of a task its light reads. */
export type LitTask = Pick<
  TaskRow,
  'id' | 'kind' | 'source_id' | 'state' | 'opens_on' | 'due_on' | 'created_at'
>

export function standingOf(model: PlanModel, task: LitTask): LightFacts['standing'] {
  if (taskHasTag(model, task, 'finished') || taskHasTag(model, task, 'withdrawn')) return 'done'
  if (task.state === 'returned') return 'returned'
  if (taskHasTag(model, task, 'owing') || taskHasTag(model, task, 'closed')) return 'owing'
  return 'handed-in'
}

/** The light of one task on `today`. */
export function lightOf(
  model: PlanModel,
  task: LitTask,
  today: string,
  facts: SupervisionFacts = NO_FACTS,
): Light {
  return taskLight(
    {
      today,
      opensOn: windowStart(task),
      dueOn: task.due_on,
      standing: standingOf(model, task),
      percent: facts.percent.get(task.id) ?? null,
      redCleared: facts.cleared.has(task.id),
    },
    model.calendar,
    lightThresholds(model),
  )
}

/** True when the task is due soon (临期, domain/supervision/task-light.ts) on `today`. */
export function dueSoonOf(model: PlanModel, task: LitTask, today: string): boolean {
  return isDueSoon(
    { today, dueOn: task.due_on, standing: standingOf(model, task) },
    model.calendar,
    lightThresholds(model),
  )
}

/** The reports of one task, in the order the general query reads them (the last one counts). */
const reportsOfTask = preparedQuery((db, planId: string, taskId: string) =>
  db
    .selectFrom('progress_report')
    .select(['task_id', 'percent', 'reported_at'])
    .where('plan_id', '=', planId)
    .where('task_id', '=', taskId)
    .orderBy('reported_at')
    .orderBy('id'),
)

const clearanceOfTask = preparedQuery((db, planId: string, taskId: string) =>
  db
    .selectFrom('light_clearance')
    .select('task_id')
    .where('plan_id', '=', planId)
    .where('task_id', '=', taskId),
)

/**
 * The facts of a plan's tasks, or several plans' (of `taskIds` only when given): one query for progress reports,
 * one for clearances. Both tables hold rows only for the few tasks reported on or cleared.
 */
export async function loadSupervisionFacts(
  db: Kysely<Database>,
  planId: string | readonly string[],
  taskIds?: readonly string[],
  /** Only what was reported or cleared before this instant (a plan viewed as of a past day). */
  before?: string,
): Promise<SupervisionFacts> {
  if (taskIds && taskIds.length === 0) return NO_FACTS
  // One task of one plan, as every event's answer reads it: prepared statements.
  if (taskIds?.length === 1 && typeof planId === 'string' && !before) {
    const taskId = taskIds[0]!
    const [reports, clearances] = await Promise.all([
      reportsOfTask(db, planId, taskId),
      clearanceOfTask(db, planId, taskId),
    ])
    return factsOf(reports.rows, clearances.rows)
  }
  const plans = typeof planId === 'string' ? [planId] : [...planId]
  let reports = db
    .selectFrom('progress_report')
    .select(['task_id', 'percent', 'reported_at'])
    .where('plan_id', 'in', plans)
  let clearances = db.selectFrom('light_clearance').select('task_id').where('plan_id', 'in', plans)
  if (taskIds && taskIds.length <= 500) {
    reports = reports.where('task_id', 'in', [...taskIds])
    clearances = clearances.where('task_id', 'in', [...taskIds])
  }
  if (before) {
    reports = reports.where('reported_at', '<', before)
    clearances = clearances.where('cleared_at', '<', before)
  }
  // Both at once: on PostgreSQL two round trips that need not wait on one another.
  const [reportRows, clearanceRows] = await Promise.all([
    reports.orderBy('reported_at').orderBy('id').execute(),
    clearances.execute(),
  ])
  return factsOf(reportRows, clearanceRows)
}

/** The facts of reports read in the order they were made (the last one's percent stands). */
function factsOf(
  reports: ReadonlyArray<{ task_id: string; percent: number }>,
  clearances: ReadonlyArray<{ task_id: string }>,
): SupervisionFacts {
  const percent = new Map<string, number>()
  for (const row of reports) percent.set(row.task_id, row.percent)
  return { percent, cleared: new Set(clearances.map((row) => row.task_id)) }
}
