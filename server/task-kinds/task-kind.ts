/**
 * @module What a kind of task declares, in the spirit of XState's `setup()`: its duty, form,
 * title, machine, view and what happens when it is submitted or approved. The plan runtime
 * (plans/, tasks/, timers/) asks these through `registry.ts` and never branches on a kind's
 * name. A kind lives in its feature folder (indicator entry in indicators/, rectification in
 * assessments/) and is registered once, in `all-kinds.ts`.
 *
 * Feature folders do not import this file: `all-kinds.ts` imports them, and a folder both
 * importing and imported by this one would tie the two both ways. Their kinds are plain objects
 * that `defineTaskKinds` checks against {@link TaskKind} where they are registered.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Responsibility } from '../../schemas/index.ts'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { TaskEventType } from '../../domain/workflow/registry.ts'
import type { WorkflowMachine } from '../../domain/workflow/run-machine.ts'
import type { Database, TaskRow, TaskTable } from '../db/database.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'

/** The kinds a task row may have. */
export type TaskKindName = TaskRow['kind']

/**
 * What differs between new tasks; the rest (id, version, escalation, data, timestamps) every
 * new task shares, and tasks/task-rows.ts fills it in.
 */
export type TaskFields = Pick<
  TaskTable,
  | 'plan_id'
  | 'source_id'
  | 'kind'
  | 'assignee'
  | 'role'
  | 'period'
  | 'phase_id'
  | 'parent_task_id'
  | 'reviewer'
  | 'opens_on'
  | 'due_on'
  | 'due_phrase'
> & {
  /** The first snapshot, persisted: its state and its JSON text. */
  snapshot: { value: string; json: string }
}

/** Reads go through a database or the caller's transaction. */
type Reader = Kysely<Database> | Transaction<Database>

/** One kind of task. Every member is optional but `duty`; what a kind leaves out, the lifecycle default does. */
export interface TaskKind {
  /**
   * The duties this kind adds to every plan of a version, run like the config's responsibilities
   * (a task per responsible unit and period, deadlines, escalation). In plan order.
   */
  duties?(model: PlanModel): Iterable<Responsibility>
  /**
   * The tasks of this kind a plan starts with besides its duties' (a procedure's applicants), and
   * the groups named that have no member to assign them to.
   */
  starts?(
    model: PlanModel,
    planId: string,
    members: ExtraUnits,
    today: string,
  ): { tasks: TaskFields[]; unassigned: string[] }
  /** The duty behind a source id when it is one of this kind's; undefined otherwise. */
  duty(model: PlanModel, sourceId: string): Responsibility | undefined
  /** Only a review approves its tasks: with nobody to review, a submission stays submitted. */
  readonly reviewRequired?: boolean
  /** The machine its tasks run (default: the task lifecycle). */
  machine?(model: PlanModel, sourceId: string): WorkflowMachine
  /** The JSON Schema of its report form when the source id is one of this kind's; undefined otherwise. */
  form?(model: PlanModel, sourceId: string): Record<string, unknown> | undefined
  /** Its title in lists, when the duty's title is not enough (default: the duty's title). */
  title?(model: PlanModel, task: Pick<TaskRow, 'source_id' | 'period'>): string | undefined
  /**
   * The source ids of this kind whose tasks `actors` see without being their assignee or reviewer
   * (a procedure they act in at some step: they follow it from the start). Default: none.
   */
  followedBy?(model: PlanModel, actors: ReadonlySet<string>): string[]
  /** The actors entitled to send `type` now (default: the assignee works, the reviewer reviews). */
  actors?(model: PlanModel, task: TaskRow, type: TaskEventType): string[]
  /** What its task page shows beyond the common fields. */
  readonly view?: {
    /** What the task answers (a rectification's published result). */
    finding?(db: Reader, task: TaskRow): Promise<LocalizedText | null>
    /** The form data shown, from the task's own `own` (a draft or its report). */
    data?(
      db: Reader,
      model: PlanModel,
      task: TaskRow,
      own: Record<string, unknown> | null,
      today: string,
    ): Promise<Record<string, unknown> | null>
    /** The form this task shows, from its kind's form (an entry task adds last year's values). */
    form?(
      db: Reader,
      model: PlanModel,
      task: TaskRow,
      form: Record<string, unknown>,
    ): Promise<Record<string, unknown>>
  }
  /**
   * After a person's SUBMIT or RESUBMIT is applied, in the same transaction (not when the
   * platform submits for them: then what the kind records is already there).
   */
  submitted?(
    trx: Transaction<Database>,
    model: PlanModel,
    task: TaskRow,
    actor: string,
    now: Date,
  ): Promise<void>
  /** After a task of this kind is finished (approved), in the same transaction. */
  approved?(trx: Transaction<Database>, model: PlanModel, task: TaskRow, now: Date): Promise<void>
}

/** Every kind of task, by the name its rows carry. */
export type TaskKinds = { readonly [K in TaskKindName]: TaskKind }

/**
 * Declares the kinds of task, once: every name a task row may carry has exactly one kind. At
 * runtime it returns its argument; its worth is the check (as XState's `setup()`).
 * @example
 * export const TASK_KINDS = defineTaskKinds({ responsibility, procedure, 'indicator-entry': entryKind, rectification })
 */
export function defineTaskKinds<const T extends TaskKinds>(
  kinds: T & Record<Exclude<keyof T, TaskKindName>, never>,
): TaskKinds {
  return kinds
}
