/**
 * @module Indicator values (and their earlier versions) and assessment runs and results. The
 * Database type (../database.ts) gathers every table.
 */
import type { ColumnType } from 'kysely'

/** One value of a data element (or of an indicator entered directly) for a unit and period. */
export interface IndicatorValueTable {
  plan_id: string
  /** A data element id (snake_case), or an indicator id for indicators without a formula. */
  element_id: string
  /** A unit id, or `region` for values of the whole region. */
  unit_id: string
  /** `2021`, `2021-Q1`, `2021-03`. */
  period: string
  /** Exact decimal text (`90.24`), or `true`/`false` for yes/no elements. */
  value: string
  source: 'form' | 'import' | 'api' | 'demo'
  task_id: string | null
  entered_by: string
  entered_at: string
  /** 1 for the first value; each correction that changes it adds one (the old one is kept). */
  version: ColumnType<number, number | undefined, number>
}

/** A value a correction replaced: the row as it was, with who replaced it and when. */
export interface IndicatorValueVersionTable {
  plan_id: string
  element_id: string
  unit_id: string
  period: string
  version: number
  value: string
  source: IndicatorValueTable['source']
  task_id: string | null
  entered_by: string
  entered_at: string
  replaced_by: string
  replaced_at: string
}

/** One assessment of one period (a year) in a plan: computed → reviewed → published. */
export interface AssessmentRunTable {
  id: string
  plan_id: string
  assessment_id: string
  period: string
  status: 'computed' | 'reviewed' | 'published'
  /** Increases with every recomputation before publishing. */
  version: number
  computed_at: string
  computed_by: string
  reviewed_at: string | null
  reviewed_by: string | null
  review_note: string | null
  published_at: string | null
  published_by: string | null
}

/** One assessed unit's result in a run. */
export interface AssessmentResultTable {
  run_id: string
  unit_id: string
  /** 1 when every item could be scored. */
  complete: number
  /** Exact decimal text; null when incomplete. */
  total: string | null
  grade_id: string | null
  vetoed_by: string | null
  /** The whole UnitScore with every item's explanation, JSON. */
  score: string
  /** JSON: the grade's effects recorded at publishing, and the rectification tasks created. */
  consequences: string | null
}
