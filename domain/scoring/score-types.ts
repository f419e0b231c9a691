/**
 * @module What scoring produces: every item's score with the facts behind it (value, target,
 * gap, steps, points deducted, cap), the total, the grade and its effects. Decimals are exact
 * decimal text ("8.73"), so JSON carries them without float error.
 */
import type { Assessment } from '../../schemas/index.ts'
import type { LocalizedText } from '../compiler/config-issue.ts'

export type Effect = NonNullable<Assessment['grades'][number]['effects']>[number]

export interface MeasureScore {
  name: string | null
  indicator: string
  indicatorName: string
  unit: string | null
  value: string | null
  target: { op: string; value: string; year: number | null } | null
  met: boolean | null
  /** How far short of (or over) the target; "0" when met. */
  gap: string | null
  step: string
  points: string
  rounding: string
  steps: string | null
  deducted: string | null
  missing: string[]
  problem: LocalizedText | null
}

export interface ItemScore {
  id: string
  name: string
  kind: 'deduct' | 'proportional' | 'bonus' | 'veto'
  /** Points available: the weight (deduct, proportional) or the bonus points; null for a veto. */
  weight: string | null
  /** Points earned; null when it cannot be scored (missing data) and for a veto. */
  score: string | null
  status: 'scored' | 'missing' | 'not-applicable' | 'error'
  /** deduct: points deducted before and after the cap. */
  deducted?: string | null
  cap?: string
  capApplied?: boolean
  measures?: MeasureScore[]
  /** proportional: the indicator's value and the value that earns the full weight. */
  indicator?: string
  value?: string | null
  full?: string
  /** bonus and veto: the condition and whether it holds. */
  condition?: string
  holds?: boolean | null
  missing: string[]
  explanation: LocalizedText
}

export interface UnitScore {
  assessmentId: string
  unitId: string
  year: number
  /** True when every item could be scored; only then are total and grade given. */
  complete: boolean
  /** Inputs that must be entered before the unit can be scored. */
  missing: string[]
  /** Sum of the weighted items. */
  base: string | null
  /** Bonus points after the bonus cap. */
  bonus: string | null
  bonusCapApplied: boolean
  total: string | null
  maxScoreApplied: boolean
  /** The veto item that forced the grade, if any. */
  vetoedBy: string | null
  grade: { id: string; name: string } | null
  effects: Effect[]
  items: ItemScore[]
}
