/**
 * @module Indicators against their targets, year by year, for one scope: a unit, a group (its
 * members rolled up) or the whole region. Roll-up follows the config's `rollup.method` — sum,
 * mean, weighted-mean (weighted by a data element), none. Without one, a rate (a formula that
 * divides) is pooled (its inputs summed over the members, then the formula: the region's
 * 县域内就诊率 is all county visits over all visits, not an average of rates) and any other
 * indicator is averaged. A point built from fewer members than the scope has is `partial`.
 * Values the region itself entered (unit `region`) win over a roll-up.
 */
import { Decimal } from 'decimal.js'
import type { Kysely } from 'kysely'
import type { Indicator } from '../../schemas/index.ts'
import { yearValues } from './year-values.ts'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import { dateParts } from '../../domain/deadlines/index.ts'
import type { Database } from '../db/database.ts'
import type { FormulaValue } from '../../domain/formula/evaluate-formula.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { IndicatorSet } from '../../domain/scoring/indicator-value.ts'
import type { IndicatorResult } from '../../domain/scoring/indicator-value.ts'
import { gapTo, meets, selectTarget } from '../../domain/scoring/select-target.ts'
import { entryInputs, frequencyOf, REGION_UNIT } from './inputs.ts'
import {
  dataBaselineYear,
  dataBaselineYears,
  noBaselineText,
} from '../../domain/indicators/baseline.ts'
import { parseFormula } from '../../domain/formula/parse-formula.ts'
import type { FormulaNode } from '../../domain/formula/parse-formula.ts'

export type Scope = {
  id: string
  name: string
  kind: 'unit' | 'group' | 'region'
  members: string[]
}

export interface SeriesPoint {
  year: number
  value: string | null
  target: {
    op: string
    value: string
    year: number | null
    phrase: string | null
    /** The baseline a delta target was added to (null or absent for a target with a value). */
    baseline?: string | null
    /** The target binds every member ("每个卫生院不少于3人"). */
    each?: boolean
    /** The upper end of a range ("2—3个"). */
    upTo?: string
    /** The allowed deviation of an approximate target ("30%左右"). */
    tolerance?: string
    /** The indicator whose same-year value is the bound. */
    relativeTo?: string
  } | null
  /** `invalid`: an impossible figure (a rate over 100 %), shown with its value, never met. */
  /** `no-baseline`: a delta target whose baseline year has no value (试点前 not reported). */
  status: 'met' | 'not-met' | 'no-target' | 'no-baseline' | 'missing' | 'error' | 'invalid'
  /** How far short of (or over) the target; "0" when met. */
  gap: string | null
  /** Members whose values went into a roll-up. */
  reporting: number
  /** A group's or the region's figure built from only some of its members (reporting < members). */
  partial: boolean
  problem: LocalizedText | null
}

/** The scopes a plan's indicators can be seen at: the region, groups with members, units. */
export function indicatorScopes(context: PlanContext): Scope[] {
  const { model, members } = context
  const owners = new Set(
    (model.config.indicators ?? []).flatMap((indicator) =>
      Array.isArray(indicator.owner) ? indicator.owner : [],
    ),
  )
  const unitIds = new Set(model.resolveOwners([...owners], members).actors)
  const actors = model.actors(members)
  const groups = (model.config.organizations.groups ?? [])
    .map((group) => ({
      id: group.id,
      name: group.name,
      kind: 'group' as const,
      members: model.resolveOwners([group.id], members).actors.filter((id) => unitIds.has(id)),
    }))
    .filter((group) => group.members.length > 0)
  return [
    {
      id: REGION_UNIT,
      name: model.config.metadata.region.name ?? '全区域',
      kind: 'region',
      members: [...unitIds],
    },
    ...groups,
    ...[...unitIds].map((id) => ({
      id,
      name: actors.get(id)?.name ?? id,
      kind: 'unit' as const,
      members: [id],
    })),
  ]
}

/** The plan's years: from its effective start to its end (or today, if sooner). */
export function planYears(context: PlanContext, today: string): number[] {
  const first = dateParts(context.model.horizon.from).year
  const last = Math.min(dateParts(context.model.horizon.to).year, dateParts(today).year)
  const years: number[] = []
  for (let year = first; year <= Math.max(first, last); year += 1) years.push(year)
  return years
}

export async function indicatorSeries(
  db: Kysely<Database>,
  context: PlanContext,
  scope: Scope,
  years: number[],
) {
  const config = context.model.config
  const inputs = entryInputs(config)
  const set = new IndicatorSet(config)
  const units = scope.kind === 'region' ? [REGION_UNIT, ...scope.members] : scope.members
  const byYear = new Map<number, Map<string, Map<string, FormulaValue>>>()
  // Baselines taken from the data (e.g. 试点前 = 2019) are read even when the year is not shown.
  const baselineYears = dataBaselineYears(config.indicators ?? [])
  for (const year of new Set([...years, ...baselineYears]))
    byYear.set(
      year,
      yesNoAsNumbers(await yearValues(db, context.plan.id, units, year, inputs), inputs),
    )
  return (config.indicators ?? []).map((indicator) => ({
    id: indicator.id,
    name: indicator.name,
    category: indicator.category ?? null,
    unit: indicator.unit ?? null,
    valueType: indicator.valueType,
    direction: indicator.direction ?? 'none',
    frequency: frequencyOf(indicator),
    inferred: indicator.inferred ?? null,
    rollup: rollupOf(indicator),
    targets: (indicator.targets ?? []).map((target) => ({
      year: target.year ?? null,
      op: target.op,
      value: target.value ?? null,
      delta: target.delta ?? null,
      phrase: target.phrase ?? null,
      ...(target.each ? { each: true } : {}),
      ...(target.upTo !== undefined ? { upTo: target.upTo } : {}),
      ...(target.tolerance !== undefined ? { tolerance: target.tolerance } : {}),
      ...(target.relativeTo !== undefined ? { relativeTo: target.relativeTo } : {}),
    })),
    baseline: indicator.baseline ?? null,
    series: years.map((year) => {
      // A target relative to another indicator ("不高于经济增长") compares with its value here.
      const related = (id: string) => {
        const other = config.indicators?.find((candidate) => candidate.id === id)
        const at = other ? point(other, set, scope, byYear, year) : undefined
        return at?.value != null && at.status !== 'invalid' ? new Decimal(at.value) : undefined
      }
      return point(indicator, set, scope, byYear, year, related)
    }),
  }))
}

/** The indicator's value for the scope in one year's values, and how many members went in. */
function valueAt(
  indicator: Indicator,
  set: IndicatorSet,
  scope: Scope,
  values: Map<string, Map<string, FormulaValue>>,
): { result: IndicatorResult; reporting: number; own: boolean } {
  const region = scope.kind === 'region' ? values.get(REGION_UNIT) : undefined
  const own = region && region.size > 0 ? set.valueOf(indicator.id, region) : undefined
  if (own?.ok) return { result: own, reporting: 1, own: true }
  return scope.kind === 'unit'
    ? { result: set.valueOf(indicator.id, values.get(scope.id)!), reporting: 1, own: false }
    : { ...rollUp(indicator, set, scope.members, values), own: false }
}

/**
 * A yes/no value entered for an indicator itself as 1 (是) or 0 (否), so it is a figure of its own, meets
 * its target (`= 1`) and rolls up to the share of units that said yes, as a number would.
 */
function yesNoAsNumbers(
  byUnit: Map<string, Map<string, FormulaValue>>,
  inputs: ReturnType<typeof entryInputs>,
): Map<string, Map<string, FormulaValue>> {
  // Only an indicator's own entry: a data element's yes/no stays one for the formulas that read it.
  for (const values of byUnit.values())
    for (const [id, value] of values)
      if (typeof value === 'boolean' && inputs.get(id)?.kind === 'indicator')
        values.set(id, new Decimal(value ? 1 : 0))
  return byUnit
}

function point(
  indicator: Indicator,
  set: IndicatorSet,
  scope: Scope,
  byYear: Map<number, Map<string, Map<string, FormulaValue>>>,
  year: number,
  related?: (indicatorId: string) => Decimal | undefined,
): SeriesPoint {
  const { result, reporting, own } = valueAt(indicator, set, scope, byYear.get(year)!)
  const partial = scope.kind !== 'unit' && !own && reporting > 0 && reporting < scope.members.length
  const base = { year, value: null, target: null, gap: null, reporting, partial, problem: null }
  if (!result.ok && result.impossible)
    return {
      ...base,
      value: result.impossible.toString(),
      status: 'invalid',
      problem: result.message,
    }
  if (!result.ok)
    return { ...base, status: result.missing.length ? 'missing' : 'error', problem: result.message }
  const fixed = indicator.baseline?.value
  const baselineYear = dataBaselineYear(indicator)
  const fromData =
    baselineYear === undefined
      ? undefined
      : valueAt(indicator, set, scope, byYear.get(baselineYear)!).result
  const choice = selectTarget(
    indicator.targets ?? [],
    year,
    fixed !== undefined ? new Decimal(fixed) : fromData?.ok ? fromData.value : undefined,
    true,
    related,
  )
  const value = result.value.toString()
  if (!choice.ok && choice.reason === 'no-baseline')
    return {
      ...base,
      value,
      status: 'no-baseline',
      problem: noBaselineText(indicator, indicator.name),
    }
  if (!choice.ok) return { ...base, value, status: 'no-target' }
  const target = choice.target
  // An every-member target is not met while a member has not reported: it may fall short.
  const met = meets(result.value, target) && !(partial && target.each)
  return {
    ...base,
    value,
    target: {
      op: target.op,
      value: target.value.toString(),
      year: target.year,
      phrase: target.phrase,
      baseline: target.baseline?.toString() ?? null,
      ...(target.each ? { each: true } : {}),
      ...(target.upTo ? { upTo: target.upTo.toString() } : {}),
      ...(target.tolerance ? { tolerance: target.tolerance.toString() } : {}),
      ...(target.relativeTo ? { relativeTo: target.relativeTo } : {}),
    },
    status: met ? 'met' : 'not-met',
    gap: gapTo(result.value, target).toString(),
  }
}

/**
 * How an indicator rolls up: as the config says; else a rate (a formula that divides) is pooled —
 * its inputs summed over the members, then the formula — and anything else is the members'
 * mean. A plain count such as 日间手术病种数 is not summed by default: its targets are per unit
 * (≥ 10 种 each), and six units' 63 种 against "≥ 10" would always read 达标.
 */
export function rollupOf(indicator: Indicator): string {
  if (indicator.rollup?.method) return indicator.rollup.method
  // "每个卫生院不少于3人": a group meets it when its least member does.
  const each = indicator.targets?.find((target) => target.each)
  if (each) return each.op === '<=' || each.op === '<' ? 'max' : 'min'
  const parsed = indicator.formula ? parseFormula(indicator.formula) : undefined
  return parsed?.ok && divides(parsed.ast) ? 'pooled' : 'mean'
}

function divides(node: FormulaNode): boolean {
  if (node.type === 'binary')
    return node.operator === '/' || divides(node.left) || divides(node.right)
  return node.type === 'unary' ? divides(node.argument) : false
}

function rollUp(
  indicator: Indicator,
  set: IndicatorSet,
  members: string[],
  values: Map<string, Map<string, FormulaValue>>,
): { result: IndicatorResult; reporting: number } {
  const method = rollupOf(indicator)
  const none: IndicatorResult = {
    ok: false,
    missing: [],
    message: {
      zh: '该指标不汇总（rollup: none）',
      en: 'This indicator does not roll up (rollup: none)',
    },
  }
  if (method === 'none') return { result: none, reporting: 0 }
  if (method === 'pooled') {
    const pooled = new Map<string, FormulaValue>()
    let reporting = 0
    for (const member of members) {
      // Only members whose own figure is whole: one that entered a numerator without its
      // denominator would otherwise inflate the pooled rate (9000 + 9000 over 10000).
      const own = values.get(member)
      if (!own || !set.valueOf(indicator.id, own).ok) continue
      reporting += 1
      for (const [id, value] of own) {
        const previous = pooled.get(id)
        pooled.set(
          id,
          previous instanceof Decimal && value instanceof Decimal ? previous.plus(value) : value,
        )
      }
    }
    return reporting
      ? { result: set.valueOf(indicator.id, pooled), reporting }
      : { result: noData(indicator), reporting: 0 }
  }
  const points = members.flatMap((member) => {
    const own = values.get(member)
    const result = own ? set.valueOf(indicator.id, own) : undefined
    return result?.ok ? [{ value: result.value, weight: weightOf(indicator, own!) }] : []
  })
  if (points.length === 0) return { result: noData(indicator), reporting: 0 }
  const sum = points.reduce((total, p) => total.plus(p.value), new Decimal(0))
  if (method === 'sum')
    return { result: { ok: true, value: sum, computed: true }, reporting: points.length }
  if (method === 'min' || method === 'max') {
    const values = points.map((p) => p.value)
    const value = method === 'min' ? Decimal.min(...values) : Decimal.max(...values)
    return { result: { ok: true, value, computed: true }, reporting: points.length }
  }
  if (method === 'weighted-mean') {
    const weighted = points.filter((p) => p.weight !== undefined)
    const weights = weighted.reduce((total, p) => total.plus(p.weight!), new Decimal(0))
    if (weights.isZero())
      return {
        result: {
          ok: false,
          missing: [indicator.rollup?.weight ?? ''],
          message: {
            zh: '加权平均的权重缺失或为 0',
            en: 'The weights of the weighted mean are missing or zero',
          },
        },
        reporting: 0,
      }
    const value = weighted
      .reduce((total, p) => total.plus(p.value.times(p.weight!)), new Decimal(0))
      .dividedBy(weights)
    return {
      result: { ok: true, value: value.toDecimalPlaces(12), computed: true },
      reporting: weighted.length,
    }
  }
  return {
    result: { ok: true, value: sum.dividedBy(points.length).toDecimalPlaces(12), computed: true },
    reporting: points.length,
  }
}

function weightOf(indicator: Indicator, values: Map<string, FormulaValue>): Decimal | undefined {
  const id = indicator.rollup?.weight
  const weight = id ? values.get(id) : undefined
  return weight instanceof Decimal ? weight : undefined
}

function noData(indicator: Indicator): IndicatorResult {
  return {
    ok: false,
    missing: [indicator.id],
    message: {
      zh: `尚无单位填报「${indicator.name}」`,
      en: `No unit has reported "${indicator.name}"`,
    },
  }
}
