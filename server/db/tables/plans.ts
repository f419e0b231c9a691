/**
 * @module Regions, policies and their versions, plans, their phases and sign-offs. The Database
 * type (../database.ts) gathers every table.
 */
import type { ColumnType } from 'kysely'
import type { PhaseStatus } from '../../../domain/workflow/phase-machine.ts'

/** An administrative area (省、市、县、区) whose office runs its own policies and plans. */
export interface RegionTable {
  id: string
  name: string
  /** A region level of the policy language (schemas/policy/metadata.schema.ts). */
  level: string
  /** The region above (a province over its cities); its leaders read down. */
  parent_id: string | null
  /** 行政区划代码, six digits, unique when given. */
  division_code: string | null
  created_at: string
  created_by: string
  updated_at: string | null
}

/** Which region owns a policy id: all its versions and plans are that region's. */
export interface PolicyTable {
  id: string
  region_id: string
  created_at: string
  created_by: string
}

export interface PolicyVersionTable {
  id: string
  policy_id: string
  version: string
  content_hash: string
  title: string
  region: string
  yaml: string
  /** The validated config as JSON, so reading a version never re-parses YAML. */
  config: string
  /** The source document, normalized (no BOM, `\n` line endings); null when none was sent. */
  source_text: string | null
  /** sha256 of `source_text`: with `content_hash`, the version's identity. */
  source_hash: string | null
  published_at: string
  published_by: string
  /** The author's change note given when publishing (null for versions without one). */
  note: string | null
}

export interface PlanTable {
  id: string
  policy_version_id: string
  policy_id: string
  name: string
  /** Its lifecycle (server/plans/plan-lifecycle.ts): running ⇄ suspended → closed → archived. */
  status: PlanStatus
  /** JSON: members supplied at start for groups the document leaves open, { groupId: [{id,name}] }. */
  extra_units: string
  started_at: string
  started_by: string
  /** When the current suspension began; null unless suspended. */
  suspended_at: ColumnType<string | null, string | null | undefined, string | null>
  closed_at: ColumnType<string | null, string | null | undefined, string | null>
  closed_by: ColumnType<string | null, string | null | undefined, string | null>
  close_reason: ColumnType<string | null, string | null | undefined, string | null>
  archived_at: ColumnType<string | null, string | null | undefined, string | null>
  archived_by: ColumnType<string | null, string | null | undefined, string | null>
  /**
   * Advances with every change of the plan's make-up (a migration to a revised version, a group's
   * members): a preview carries it, and applying requires it unchanged.
   */
  revision: ColumnType<number, number | undefined, number>
  /**
   * Whole years the plan's calendar is moved from its version's dates (0: the document's own
   * dates; the demo's 演示 plan runs a past policy now). plan-model/shift-years.ts
   */
  shift_years: ColumnType<number, number | undefined, number>
}

/** Where a plan is in its life: timers fire and work goes on only while it is `running`. */
export type PlanStatus = 'running' | 'suspended' | 'closed' | 'archived'

/** One suspension of a plan, and on resuming what became of the timers that fell due meanwhile. */
export interface PlanSuspensionTable {
  id: string
  plan_id: string
  suspended_at: string
  suspended_by: string
  reason: string
  resumed_at: string | null
  resumed_by: string | null
  /** 1 when the resume fired the missed timers once, 0 when it cancelled them. */
  fire_missed: number | null
  missed_fired: number | null
  missed_cancelled: number | null
}

export interface PlanPhaseTable {
  plan_id: string
  phase_id: string
  name: string
  opens_on: string
  closes_on: string
  /** The phase machine's state (domain/workflow/phase-machine.ts). */
  status: PhaseStatus
  opened_at: string | null
  closed_at: string | null
}

export interface SignOffTable {
  plan_id: string
  phase_id: string
  body: string
  user_id: string
  at: string
  note: string | null
}
