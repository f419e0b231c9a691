/**
 * @module A published version compiled for running: who its actors are, who reviews what, each
 * duty's schedule and escalation. Built once per version and cached; every plan on that version
 * shares it. What differs by kind of task (the duties a kind adds, its forms and machines) is
 * the task kinds' to say (server/task-kinds/), not the model's.
 */
import { DEFAULT_ESCALATION } from '../../schemas/index.ts'
import type { Escalation, PolicyConfig, Responsibility } from '../../schemas/index.ts'
import { effectivePeriod, ruleOf } from '../../domain/compiler/checks/deadlines.ts'
import { addDays, occurrences, WorkingDayCalendar } from '../../domain/deadlines/index.ts'
import type { DateRange, DeadlineRule } from '../../domain/deadlines/index.ts'
import type { PolicyVersionRow } from '../db/database.ts'
import { planEscalation } from './fire-times.ts'
import type { PlannedStep } from './fire-times.ts'
import { readJson } from '../db/json-columns.ts'
import { shiftConfigYears } from './shift-years.ts'

type Procedure = NonNullable<PolicyConfig['procedures']>[number]

/** Units added to a plan for groups whose members the document does not name. */
export type ExtraUnits = Record<string, Array<{ id: string; name: string }>>

export interface Actor {
  id: string
  name: string
  kind: 'unit' | 'body' | 'plan-unit'
}

export class PlanModel {
  readonly config: PolicyConfig
  readonly versionId: string
  /** Whole years the version's scheduling dates are moved for the plans using this model. */
  readonly shiftYears: number
  readonly calendar: WorkingDayCalendar
  readonly escalation: Escalation
  readonly office: string | null
  readonly leadership: string | null
  readonly horizon: DateRange
  readonly #units: Map<string, PolicyConfig['organizations']['units'][number]>
  readonly #groups: Map<string, NonNullable<PolicyConfig['organizations']['groups']>[number]>
  readonly #escalations = new Map<string, PlannedStep[]>()
  readonly #responsibilities: ReadonlyMap<string, Responsibility>

  constructor(row: PolicyVersionRow, shiftYears = 0) {
    this.versionId = row.id
    this.shiftYears = shiftYears
    this.config = shiftConfigYears(readJson('policy_version', 'config', row.config), shiftYears)
    const years = this.config.calendar?.years ?? []
    this.calendar = WorkingDayCalendar.mainland(
      ...years.map((y) => ({ years: [y.year], holidays: y.holidays, workdays: y.workdays })),
    )
    this.escalation = (this.config.escalation ?? DEFAULT_ESCALATION) as Escalation
    const bodies = this.config.governance?.bodies ?? []
    this.leadership =
      bodies.find(
        (body) => body.kind === 'leadership-group' || body.kind === 'management-committee',
      )?.id ?? null
    this.office = bodies.find((body) => body.kind === 'office')?.id ?? this.leadership
    this.#units = new Map(this.config.organizations.units.map((unit) => [unit.id, unit]))
    this.#groups = new Map(
      (this.config.organizations.groups ?? []).map((group) => [group.id, group]),
    )
    const period = effectivePeriod(this.config)!
    this.horizon = { from: period.from, to: period.to ?? addDays(period.from, 3 * 365) }
    this.#responsibilities = new Map(this.config.responsibilities.map((duty) => [duty.id, duty]))
  }

  /** One of the config's responsibilities, by id. */
  responsibility(id: string): Responsibility | undefined {
    return this.#responsibilities.get(id)
  }

  readonly #actorCache = new WeakMap<ExtraUnits, Map<string, Actor>>()
  readonly #noExtra: ExtraUnits = {}

  /**
   * Every actor that can hold tasks: units of the region, bodies, and units added to the plan.
   * Built once per plan's members (inbox pages name the assignee of every row).
   */
  actors(extra: ExtraUnits = this.#noExtra): Map<string, Actor> {
    const cached = this.#actorCache.get(extra)
    if (cached) return cached
    const actors = new Map<string, Actor>()
    for (const unit of this.config.organizations.units)
      actors.set(unit.id, { id: unit.id, name: unit.name, kind: 'unit' })
    for (const body of this.config.governance?.bodies ?? [])
      actors.set(body.id, { id: body.id, name: body.name, kind: 'body' })
    // A member that names a config unit stays that unit; only new ids become the plan's own.
    for (const units of Object.values(extra))
      for (const unit of units)
        if (!actors.has(unit.id)) actors.set(unit.id, { ...unit, kind: 'plan-unit' })
    this.#actorCache.set(extra, actors)
    return actors
  }

  /**
   * The actors a list of owner ids stands for: a unit itself (unless outside the region), a
   * body itself, a group's members (named in the config or added to the plan).
   * @returns the actors, and the groups that have no member to assign to.
   */
  resolveOwners(
    ids: readonly string[],
    extra: ExtraUnits = {},
  ): { actors: string[]; unassigned: string[] } {
    const actors: string[] = []
    const unassigned: string[] = []
    const units = this.#units
    const groups = this.#groups
    for (const id of ids) {
      const unit = units.get(id)
      if (unit) {
        if (!unit.external) actors.push(id)
        continue
      }
      const group = groups.get(id)
      if (group) {
        const members = this.#groupMembers(id, extra, new Set())
        if (members.length === 0) unassigned.push(id)
        actors.push(...members.filter((member) => !units.get(member)?.external))
        continue
      }
      actors.push(id) // a governance body acts itself
    }
    return { actors: [...new Set(actors)], unassigned }
  }

  /** A group's members: its own, those supplied at the plan's start, and its groups' (nested). */
  #groupMembers(id: string, extra: ExtraUnits, seen: Set<string>): string[] {
    const group = this.#groups.get(id)
    if (!group || seen.has(id)) return []
    seen.add(id)
    return [
      ...(group.members ?? []),
      ...(extra[id] ?? []).map((unit) => unit.id),
      ...(group.groups ?? []).flatMap((sub) => this.#groupMembers(sub, extra, seen)),
    ]
  }

  /**
   * Who reviews a lead's report: the duty's `review.by`, else the office of the leadership group,
   * else the leadership group; never the assignee itself (then its parent body, else nobody).
   */
  reviewerFor(duty: Responsibility, assignee: string, extra: ExtraUnits = {}): string | null {
    const configured = duty.review?.by
      ? (this.resolveOwners([duty.review.by], extra).actors[0] ?? duty.review.by)
      : null
    const candidates = [configured, this.office, this.leadership].filter(
      (id): id is string => id !== null,
    )
    return candidates.find((id) => id !== assignee) ?? null
  }

  /** When a duty is due: once (maybe without a date), recurring, or relative to assignment. */
  scheduleOf(duty: Responsibility): DutySchedule {
    const parsed = ruleOf(duty.due, this.config.metadata.issueDate)
    const phrase = typeof duty.due === 'string' ? duty.due : null
    if (!parsed?.ok) return { kind: 'once', phrase }
    const rule = parsed.rule
    if (rule.kind === 'recurring')
      return {
        kind: 'recurring',
        rule,
        range: this.rangeOf(duty),
        phrase,
        ...(reportsOnPeriods(duty) ? { select: 'period' as const } : {}),
      }
    if (rule.kind === 'relative') return { kind: 'relative', rule, phrase }
    return {
      kind: 'once',
      due: rule.kind === 'window' ? rule.end : rule.date,
      opens: rule.kind === 'window' ? rule.start : undefined,
      phrase,
    }
  }

  /** The window a recurring duty's periods fall in: `within`, else its phase, else the plan. */
  rangeOf(duty: Responsibility): DateRange {
    const window =
      duty.within ?? this.config.timeline.phases.find((phase) => phase.id === duty.phase)?.window
    const parsed = window === undefined ? undefined : ruleOf(window, this.config.metadata.issueDate)
    if (parsed?.ok && parsed.rule.kind === 'window')
      return { from: parsed.rule.start, to: parsed.rule.end }
    return this.horizon
  }

  /** The due date of a relative deadline (`10个工作日内`, `30日内`) counted from `anchor`. */
  relativeDue(rule: Extract<DeadlineRule, { kind: 'relative' }>, anchor: string): string | null {
    if (rule.unit === 'working-day') return this.calendar.addWorkingDays(anchor, rule.amount).date
    return occurrences(rule, this.horizon, { anchor, calendar: this.calendar })[0]?.due ?? null
  }

  /** A phase's window as dates. */
  phaseWindow(phaseId: string): DateRange {
    const phase = this.config.timeline.phases.find((p) => p.id === phaseId)
    const parsed = phase ? ruleOf(phase.window, this.config.metadata.issueDate) : undefined
    if (parsed?.ok && parsed.rule.kind === 'window')
      return { from: parsed.rule.start, to: parsed.rule.end }
    if (parsed?.ok && parsed.rule.kind === 'date')
      return { from: this.horizon.from, to: parsed.rule.date }
    return this.horizon
  }

  /** The escalation ladder of a task due on a date (the same for every task due that day). */
  escalationFor(due: string): PlannedStep[] {
    let steps = this.#escalations.get(due)
    if (!steps) {
      steps = planEscalation(due, this.escalation, this.calendar)
      this.#escalations.set(due, steps)
    }
    return steps
  }

  procedure(id: string): Procedure | undefined {
    return this.config.procedures?.find((procedure) => procedure.id === id)
  }

  /** The JSON Schema of a form the config declares, by id (undefined for none). */
  form(formId: string | undefined): Record<string, unknown> | undefined {
    const form = formId ? this.config.forms?.find((f) => f.id === formId) : undefined
    return form ? form.schema : undefined
  }
}

/**
 * A duty that reports on its periods (indicator entry: a year's figures, due after the year) has
 * a task for each period of its range, not for each deadline falling in it.
 */
export interface PeriodReport {
  reportsOnPeriods?: true
}

function reportsOnPeriods(duty: Responsibility): boolean {
  return (duty as PeriodReport).reportsOnPeriods === true
}

export type DutySchedule =
  | { kind: 'once'; due?: string; opens?: string | undefined; phrase: string | null }
  | {
      kind: 'recurring'
      rule: DeadlineRule
      range: DateRange
      phrase: string | null
      /** `period`: one task per period that ends in the range, however late it is due. */
      select?: 'period'
    }
  | { kind: 'relative'; rule: Extract<DeadlineRule, { kind: 'relative' }>; phrase: string | null }

/**
 * How many compiled versions are kept. A version is immutable, so a model never goes stale; the
 * bound only keeps memory flat (each holds its parsed config, machines and form validators) as
 * revised versions pile up. Running plans share a handful.
 */
export const PLAN_MODEL_CACHE_SIZE = 16

/** Models by version id, least recently used first (a Map keeps insertion order). */
const cache = new Map<string, PlanModel>()

/** The model of a version (its dates moved by `shiftYears`), built once while it stays among the recently used. */
export function planModel(row: PolicyVersionRow, shiftYears = 0): PlanModel {
  return cachedPlanModel(row.id, shiftYears) ?? remember(new PlanModel(row, shiftYears))
}

/** The cache key of a version's model with its dates moved by `shiftYears`. */
function keyOf(versionId: string, shiftYears: number): string {
  return shiftYears === 0 ? versionId : `${versionId}+${shiftYears}y`
}

/** Forgets every cached model (tests that reopen a database file). */
export function clearPlanModels(): void {
  cache.clear()
}

/** The cached model of a version, if it is among the recently used (it then becomes the most recent). */
export function cachedPlanModel(versionId: string, shiftYears = 0): PlanModel | undefined {
  const key = keyOf(versionId, shiftYears)
  const model = cache.get(key)
  if (model) {
    cache.delete(key)
    cache.set(key, model)
  }
  return model
}

function remember(model: PlanModel): PlanModel {
  cache.set(keyOf(model.versionId, model.shiftYears), model)
  if (cache.size > PLAN_MODEL_CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return model
}
