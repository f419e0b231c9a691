/**
 * @module What a laid-out migration of a running plan is (migration-preview.ts lays it out,
 * migrate-plan.ts writes it, migration-views.ts shows it): each held task's change, the new
 * tasks, timers to add and cancel, phases, recurring duties that change from their next period.
 */
import type { NewTask, PolicyVersionRow, TaskRow } from '../db/database.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import type { NewTimer } from '../tasks/task-rows.ts'
import type { VersionMatch } from './migration-match.ts'

/** What a migration does to a task. A task may have several (renamed and its deadline moved). */
export type ChangeKind =
  'kept' | 'renamed' | 'deadline' | 'form' | 'removed' | 'unit-removed' | 'added' | 'unit-added'

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'kept',
  'renamed',
  'deadline',
  'form',
  'removed',
  'unit-removed',
  'added',
  'unit-added',
]

/** One held task and what the migration does to it. */
export interface TaskChange {
  task: TaskRow
  kinds: ChangeKind[]
  /** Its source id in the new version (unchanged unless renamed; its own when removed). */
  sourceId: string
  /** Its phase in the new version. */
  phaseId: string | null
  dueFrom: string | null
  dueTo: string | null
  /** Why, as the task's history will say it. */
  why: string
  /** For a submitted report that no longer validates against the new form: what fails. */
  reportErrors?: string[]
}

/** One new task and why it is made. */
export interface NewTaskChange {
  task: NewTask
  kinds: Array<'added' | 'unit-added'>
  why: string
}

/** A recurring duty whose new schedule starts with its next period not yet opened. */
export interface ScheduleChange {
  sourceId: string
  title: string
  /** The first period the new schedule opens (null: none is left). */
  fromPeriod: string | null
}

/** A migration laid out, not yet written. */
export interface MigrationLayout {
  from: PolicyVersionRow
  to: PolicyVersionRow
  fromModel: PlanModel
  toModel: PlanModel
  /** The plan's revision the layout was made from. */
  revision: number
  match: VersionMatch
  changes: TaskChange[]
  create: NewTaskChange[]
  /** Timers of new tasks, re-planned ladders, periods and phases. */
  timers: NewTimer[]
  /** Pending timers to cancel (ladders re-planned, periods and phases re-scheduled or gone). */
  cancelTimers: string[]
  /** Open tasks to withdraw, with the contributions that fed withdrawn leads. */
  withdraw: TaskRow[]
  /** Held leads new contributions feed, and how many each. */
  contributions: Array<{ taskId: string; count: number }>
  schedules: ScheduleChange[]
  /** Withdrawn tasks of a renamed duty: they take its new id, their history unchanged. */
  renamedWithdrawn: Array<{ id: string; sourceId: string }>
  phases: {
    insert: Array<{ id: string; name: string; opens: string; closes: string; open: boolean }>
    update: Array<{ from: string; to: string; name: string; opens: string; closes: string }>
  }
}
