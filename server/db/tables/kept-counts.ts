/**
 * @module Counters and counts kept by triggers as the writes happen (epochs, inbox and progress
 * counts). The Database type (../database.ts) gathers every table.
 */
import type { TaskTable } from './tasks.ts'

/**
 * One row (id 1) whose `n` grows with every change to what an account may do — its row, its units,
 * the regions and the policies in them (triggers, migration 2026_12_09_0600): a process may keep
 * an account's roles and reach while `n` is unchanged (auth/current-user-cache.ts).
 */
export interface AccessEpochTable {
  id: number
  n: number
}

/**
 * Per plan, a counter that moves with every change to the order of its ledger — a task added or
 * removed, a deadline, unit, duty, phase or period changed, a task withdrawn (triggers, migration
 * 2026_12_10_0100): a process may keep the ledger's order while `n` is unchanged
 * (documents/ledger-layout.ts).
 */
export interface LedgerEpochTable {
  plan_id: string
  n: number
}

/**
 * Per plan, a counter that moves with every change to what its progress reads — a task added or
 * removed, a change to anything the progress counts group tasks by, a progress report or a
 * cleared red light (triggers, migration 2026_12_11_0100): a process may keep the plan's counted
 * groups and facts while `n` is unchanged (plans/progress-groups.ts).
 */
export interface ProgressEpochTable {
  plan_id: string
  n: number
}

/**
 * How many tasks a unit carries (`side` assignee) or reviews (`side` reviewer) in one group of
 * everything an inbox counts by; kept by triggers on `task` (migration 2026_12_08_0800). Nullable
 * dimensions are '' here; `created_on` is the task's `created_at` when it has no `opens_on`;
 * `source_id` is kept for procedures only (the other kinds' states do not depend on their duty).
 */
export interface TaskCountTable {
  plan_id: string
  side: 'assignee' | 'reviewer'
  party: string
  kind: TaskTable['kind']
  source_id: string
  state: string
  opens_on: string
  created_on: string
  due_on: string
  /** 0 below 督办, 3 督办, 4 通报 or above. */
  escalation: number
  n: number
}

/**
 * A unit's tasks counted by what its progress figures and colours read (migration
 * 2026_12_09_0200_progress_counts): '' for a missing deadline, for a day not finished, and for
 * the source of a kind other than a procedure; `escalation` is the rung, 0–4.
 */
export interface ProgressUnitCountTable {
  plan_id: string
  assignee: string
  kind: TaskTable['kind']
  source_id: string
  state: string
  due_on: string
  finished_on: string
  escalation: number
  n: number
}

/** The duties' tasks (no sub-tasks) counted by phase ('' for none), kind, duty and state. */
export interface ProgressDutyCountTable {
  plan_id: string
  phase_id: string
  kind: TaskTable['kind']
  source_id: string
  state: string
  n: number
}
