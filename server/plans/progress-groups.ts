/**
 * @module The tasks of a plan's progress as counted groups: today from the counts the writes keep
 * (migration 2026_12_09_0200_progress_counts, kept by the process between changes), as of a past day from the tasks rebuilt from
 * history (as-of.ts). One figure builder (progress-figures.ts) reads either, so the dashboard's
 * numbers are the same whichever way the tasks were counted.
 */
import type { Kysely } from 'kysely'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { isFinishedState, WITHDRAWN_STATES } from '../../domain/workflow/task-states.ts'
import type { Database, TaskRow } from '../db/database.ts'
import { EpochCache } from '../db/epoch-cache.ts'
import { loadSupervisionFacts } from '../tasks/task-lights.ts'
import type { SupervisionFacts } from '../tasks/task-lights.ts'

/** A unit's tasks of one kind, state, deadline, day finished and escalation rung. */
export interface UnitGroup {
  assignee: string
  kind: TaskRow['kind']
  /** The procedure's id for a procedure (its states are its own), else ''. */
  source_id: string
  state: string
  due_on: string | null
  /** The civil day a finished task was finished (its last change), else null. */
  finished_on: string | null
  /** The stored escalation level, or its rung (0–4): both stand at the same level. */
  escalation: number
  n: number
}

/** Duties' tasks (no sub-tasks) of one phase, kind, duty and state. */
export interface DutyGroup {
  phase_id: string | null
  kind: TaskRow['kind']
  source_id: string
  state: string
  n: number
}

/** What a task's colour reads beyond its group: for the few tasks with a report or clearance. */
export type FactTask = Pick<
  TaskRow,
  'id' | 'assignee' | 'kind' | 'source_id' | 'state' | 'opens_on' | 'due_on' | 'created_at'
>

export interface ProgressGroups {
  units: readonly UnitGroup[]
  duties: readonly DutyGroup[]
  /** The counted tasks among those `facts` name, by id. */
  factTasks: Map<string, FactTask>
}

/** The ids of the tasks whose colour a progress report or a clearance may change. */
export function factIds(facts: SupervisionFacts): string[] {
  return [...new Set([...facts.percent.keys(), ...facts.cleared])]
}

/** Tasks (withdrawn ones already left out) as groups of one each. */
export function groupsOfTasks(
  tasks: ReadonlyArray<
    FactTask & Pick<TaskRow, 'phase_id' | 'role' | 'escalation_level' | 'updated_at'>
  >,
  facts: SupervisionFacts,
): ProgressGroups {
  const byId = new Map(tasks.map((task) => [task.id, task]))
  const factTasks = new Map<string, FactTask>()
  for (const id of factIds(facts)) {
    const task = byId.get(id)
    if (task) factTasks.set(id, task)
  }
  return {
    units: tasks.map((task) => ({
      assignee: task.assignee,
      kind: task.kind,
      source_id: task.kind === 'procedure' ? task.source_id : '',
      state: task.state,
      due_on: task.due_on,
      finished_on: isFinishedState(task.state) ? civilDateAt(new Date(task.updated_at)) : null,
      escalation: task.escalation_level,
      n: 1,
    })),
    duties: tasks
      .filter((task) => task.role !== 'sub')
      .map((task) => ({
        phase_id: task.phase_id,
        kind: task.kind,
        source_id: task.source_id,
        state: task.state,
        n: 1,
      })),
    factTasks,
  }
}

/** Past this many ids a look-up is split, to stay under every dialect's limit of bound values. */
const BOUND_IDS = 500

/** A plan's counted groups, with the facts (reports, clearances) its colours read. */
export interface CountedProgress {
  groups: ProgressGroups
  facts: SupervisionFacts
}

/** What a process keeps of a plan between changes: everything but the few tasks with facts. */
interface KeptProgress {
  units: readonly UnitGroup[]
  duties: readonly DutyGroup[]
  facts: SupervisionFacts
}

/**
 * The plans' kept groups and facts, each while its progress epoch stands still (migration
 * 2026_12_11_0100). A plan of 3,000 tasks has about a thousand unit groups: read and decoded on
 * every request, they were most of a progress read. A reader never changes what it is given.
 */
const keptByPlan = new EpochCache<KeptProgress>(128)

async function readKept(db: Kysely<Database>, planId: string): Promise<KeptProgress> {
  const withdrawn = [...WITHDRAWN_STATES]
  const [units, duties, facts] = await Promise.all([
    db
      .selectFrom('progress_unit_count')
      .select([
        'assignee',
        'kind',
        'source_id',
        'state',
        'due_on',
        'finished_on',
        'escalation',
        'n',
      ])
      .where('plan_id', '=', planId)
      .where('n', '>', 0)
      .where('state', 'not in', withdrawn)
      .execute(),
    db
      .selectFrom('progress_duty_count')
      .select(['phase_id', 'kind', 'source_id', 'state', 'n'])
      .where('plan_id', '=', planId)
      .where('n', '>', 0)
      .where('state', 'not in', withdrawn)
      .execute(),
    loadSupervisionFacts(db, planId),
  ])
  return {
    units: units.map((row) => ({
      ...row,
      due_on: row.due_on || null,
      finished_on: row.finished_on || null,
      escalation: Number(row.escalation),
      n: Number(row.n),
    })),
    duties: duties.map((row) => ({ ...row, phase_id: row.phase_id || null, n: Number(row.n) })),
    facts,
  }
}

/**
 * The plan's tasks today, as the writes counted them, and its facts; withdrawn tasks count toward
 * nothing. Kept by the process while the plan's progress epoch stands still; the few tasks a
 * report or clearance names are read each time.
 */
export async function keptGroups(db: Kysely<Database>, planId: string): Promise<CountedProgress> {
  const epoch = await db
    .selectFrom('progress_epoch')
    .select('n')
    .where('plan_id', '=', planId)
    .executeTakeFirst()
  const load = () => readKept(db, planId)
  const kept = epoch ? await keptByPlan.get(db, planId, Number(epoch.n), load) : await load()
  const ids = factIds(kept.facts)
  const factTasks = new Map<string, FactTask>()
  for (let from = 0; from < ids.length; from += BOUND_IDS) {
    const rows = await db
      .selectFrom('task')
      .select(['id', 'assignee', 'kind', 'source_id', 'state', 'opens_on', 'due_on', 'created_at'])
      .where('plan_id', '=', planId)
      .where('id', 'in', ids.slice(from, from + BOUND_IDS))
      .where('state', 'not in', [...WITHDRAWN_STATES])
      .execute()
    for (const row of rows) factTasks.set(row.id, row)
  }
  return { groups: { units: kept.units, duties: kept.duties, factTasks }, facts: kept.facts }
}
