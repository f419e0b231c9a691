/**
 * @module Tasks, their history, timers, progress reports, light clearances and extension requests.
 * The Database type (../database.ts) gathers every table.
 */
import type { ColumnType } from 'kysely'

/**
 * One task. (plan, source, assignee, role, period) is unique among the tasks not withdrawn: a
 * unit named again after its task was withdrawn gets a new one beside it.
 */
export interface TaskTable {
  id: string
  plan_id: string
  /** A responsibility id, or a procedure id for procedure instances. */
  source_id: string
  /** `indicator-entry`: a unit's recurring data report; `rectification`: 整改 after an assessment. */
  kind: 'responsibility' | 'procedure' | 'indicator-entry' | 'rectification'
  /** The unit (or body) the task is assigned to. */
  assignee: string
  /** `sub`: a sub-task its parent's owner split off for a unit below it (tasks/split-task.ts). */
  role: 'lead' | 'support' | 'applicant' | 'sub'
  /** `once`, `2018-Q3`, `2019`, `2019-04`. */
  period: string
  phase_id: string | null
  /** The lead task a supporting unit's contribution goes to. */
  parent_task_id: string | null
  /** The reviewer (unit or body) of this task, or null when submitting completes it. */
  reviewer: string | null
  state: string
  /** XState persisted snapshot, JSON. */
  snapshot: string
  /** Increases with every change; `If-Match` compares against it. */
  version: number
  opens_on: string | null
  due_on: string | null
  due_phrase: string | null
  /** The due date before the first approved extension (延期); null when never extended. */
  original_due_on: ColumnType<string | null, string | null | undefined, string | null>
  /** 0 none, 1 提醒, 2 催办, 3 督办, 4 通报. */
  escalation_level: number
  /** The latest submitted form data, JSON. */
  data: string | null
  /**
   * JSON `{ version, errors }` when the submitted report no longer validates against the form of
   * the version the plan was revised to (the report is kept as submitted); null otherwise.
   */
  report_flag: ColumnType<string | null, string | null | undefined, string | null>
  created_at: string
  updated_at: string
}

/**
 * A conditional or optional duty that has started in a plan (`startsWhen`, `optional`); before
 * its row exists the plan holds no task and no timer for it. `cause` says what started it, e.g.
 * `procedure-step reform-application/launch-decision` or `assessment-published reform-assessment 2020`.
 */
export interface DutyStartTable {
  plan_id: string
  duty_id: string
  started_at: string
  cause: string
}

/** What a split said of one sub-task (its task row has role `sub`). */
export interface SubTaskTable {
  task_id: string
  parent_task_id: string
  plan_id: string
  /** 1 for a sub-task of a duty's task, 2 for one split from a sub-task, … */
  depth: number
  instruction: string
  /** The share of the work, in the owner's words (`30%`, `5 家`); null when not given. */
  share: string | null
  created_by: string
  created_at: string
}

export interface TaskEventTable {
  id: string
  task_id: string
  seq: number
  type: string
  payload: string
  actor: string
  at: string
  request_id: string | null
}

export interface TimerTable {
  id: string
  plan_id: string
  task_id: string | null
  kind:
    | 'remind'
    | 'overdue'
    | 'escalate'
    | 'period-open'
    | 'phase-open'
    | 'phase-end'
    /** A progress report (周期反馈) falls due: reminds or, later, tells the office when missing. */
    | 'progress-due'
  /** What the timer carries: escalation level, responsibility and period, phase id … (JSON). */
  payload: string
  fire_at: string
  status: 'pending' | 'fired' | 'cancelled'
  claimed_by: string | null
  claimed_at: string | null
  fired_at: string | null
}

/** One progress report (周期反馈) on a task: `period` is the date the report was due. */
export interface ProgressReportTable {
  id: string
  plan_id: string
  task_id: string
  period: string
  percent: number
  text: string
  reported_by: string
  reported_at: string
}

/** The office cleared a task's red light (解除红灯), with its reason. */
export interface LightClearanceTable {
  id: string
  plan_id: string
  task_id: string
  reason: string
  cleared_by: string
  cleared_at: string
}

/** One 延期申请: a unit asks for a new due date before the deadline; its reviewer decides. */
export interface ExtensionRequestTable {
  id: string
  task_id: string
  plan_id: string
  /** The unit that asked (the task's assignee). */
  unit: string
  requested_by: string
  requested_at: string
  /** The due date when asked, and the date asked for. */
  due_from: string
  due_to: string
  reason: string
  percent: number | null
  progress: string | null
  /** The unit or body that decides. */
  reviewer: string
  status: 'pending' | 'approved' | 'refused'
  decided_by: string | null
  decided_at: string | null
  note: string | null
}
