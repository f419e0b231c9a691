/**
 * @module Which target applies in a year: the one set for that year, else one without a year,
 * else — where a year without a target of its own carries the latest earlier one forward — the
 * latest earlier year's. Indicators always carry forward (a target stays in force until a later
 * year sets another); an assessment does so only for a year its config states `carry-forward`
 * (`yearsWithoutTargets`), never by default. Delta targets ("较试点前提升不少于5个百分点") add
 * the baseline. Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { Indicator } from '../../schemas/index.ts'

type Target = NonNullable<Indicator['targets']>[number]
export type Comparator = Target['op']

export interface AppliedTarget {
  op: Comparator
  value: Decimal
  /** The year the target was set for; null for a target without a year. */
  year: number | null
  phrase: string | null
  /** The baseline a delta target was added to; null for a target with a value. */
  baseline: Decimal | null
  /** The upper end of a range ("2—3个": `>= 2` up to 3). */
  upTo?: Decimal
  /** The allowed deviation of an approximate target ("30%左右"). */
  tolerance?: Decimal
  /** The indicator whose same-year value is the bound ("不高于经济增长"). */
  relativeTo?: string
  /** Every member must meet it ("每个卫生院不少于3人"). */
  each?: boolean
}

/**
 * Why no target applies: `none` (no target for the year, none carried forward), `no-baseline`
 * (a delta target whose baseline has no value), `not-assessed` (the config says the year is not
 * assessed), `no-related-value` (a target relative to another indicator whose value that year is
 * not known).
 */
export type NoTargetReason = 'none' | 'no-baseline' | 'not-assessed' | 'no-related-value'

export type TargetChoice =
  { ok: true; target: AppliedTarget } | { ok: false; reason: NoTargetReason }

/**
 * The target of `year`.
 * @param baseline the value a delta target is added to, when known
 * @param carryForward whether a year without a target of its own takes the latest earlier one
 * @param related the same year's value of another indicator, for a target relative to it
 */
export function selectTarget(
  targets: readonly Target[],
  year: number,
  baseline: Decimal | undefined,
  carryForward = true,
  related?: (indicatorId: string) => Decimal | undefined,
): TargetChoice {
  const exact = targets.find((target) => target.year === year)
  const yearless = targets.find((target) => target.year === undefined)
  const earlier = carryForward
    ? targets
        .filter((target) => target.year !== undefined && target.year < year)
        .sort((a, b) => b.year! - a.year!)[0]
    : undefined
  const chosen = exact ?? yearless ?? earlier
  if (!chosen) return { ok: false, reason: 'none' }
  let value: Decimal
  if (chosen.relativeTo !== undefined) {
    const other = related?.(chosen.relativeTo)
    if (other === undefined) return { ok: false, reason: 'no-related-value' }
    value = other
  } else if (chosen.value !== undefined) value = new Decimal(chosen.value)
  else if (chosen.delta !== undefined && baseline !== undefined) value = baseline.plus(chosen.delta)
  else return { ok: false, reason: 'no-baseline' }
  return {
    ok: true,
    target: {
      op: chosen.op,
      value,
      year: chosen.year ?? null,
      phrase: chosen.phrase ?? null,
      baseline: chosen.value === undefined && baseline !== undefined ? baseline : null,
      ...(chosen.upTo !== undefined ? { upTo: new Decimal(chosen.upTo) } : {}),
      ...(chosen.tolerance !== undefined ? { tolerance: new Decimal(chosen.tolerance) } : {}),
      ...(chosen.relativeTo !== undefined ? { relativeTo: chosen.relativeTo } : {}),
      ...(chosen.each ? { each: true } : {}),
    },
  }
}

/**
 * What {@link meets} and {@link gapTo} need of a number: decimal.js's Decimal has it, and so does
 * ExactDecimal, with which scoring compares thousands of units.
 */
export interface Comparable<T> {
  minus(y: T): T
  abs(): T
  eq(y: T): boolean
  greaterThan(y: T): boolean
  greaterThanOrEqualTo(y: T): boolean
  lessThan(y: T): boolean
  lessThanOrEqualTo(y: T): boolean
}

/** The part of a target that decides whether it is met. */
export interface TargetBounds<T> {
  op: Comparator
  value: T
  upTo?: T
  tolerance?: T
}

/** Whether a value meets a target: its bound, within a range's upper end or a tolerance. */
export function meets<T extends Comparable<T>>(value: T, target: TargetBounds<T>): boolean {
  if (target.tolerance) return value.minus(target.value).abs().lessThanOrEqualTo(target.tolerance)
  if (target.upTo && value.greaterThan(target.upTo)) return false
  switch (target.op) {
    case '>=':
      return value.greaterThanOrEqualTo(target.value)
    case '>':
      return value.greaterThan(target.value)
    case '<=':
      return value.lessThanOrEqualTo(target.value)
    case '<':
      return value.lessThan(target.value)
    case '=':
      return value.eq(target.value)
  }
}

/** How far a value falls short of (or over) its target, never negative; 0 when met. */
export function gapTo<T extends Comparable<T>>(value: T, target: TargetBounds<T>): T {
  // value − value: a zero of the value's own kind.
  if (meets(value, target)) return value.minus(value)
  if (target.tolerance) return value.minus(target.value).abs().minus(target.tolerance)
  if (target.upTo && value.greaterThan(target.upTo)) return value.minus(target.upTo)
  switch (target.op) {
    case '>=':
    case '>':
      return target.value.minus(value)
    case '<=':
    case '<':
      return value.minus(target.value)
    case '=':
      return value.minus(target.value).abs()
  }
}
