/**
 * @module A published version compiled for running: who its actors are, who reviews what, each
 * duty's schedule, its forms and machines. Built once per version and cached; every plan on that
 * version shares it.
 */
import type { ValidateFunction } from 'ajv'
import { compileForm, createAjv } from '../../schemas/ajv.ts'
import { DEFAULT_ESCALATION } from '../../schemas/index.ts'
import type { Escalation, PolicyConfig, Responsibility } from '../../schemas/index.ts'
import { effectivePeriod, ruleOf } from '../../domain/compiler/checks/deadlines.ts'
import { addDays, occurrences, WorkingDayCalendar } from '../../domain/deadlines/index.ts'
import type { DateRange, DeadlineRule } from '../../domain/deadlines/index.ts'
import type { PolicyVersionRow, TaskRow } from '../db/database.ts'
import { compileProcedureMachine } from '../../domain/workflow/procedure-machine.ts'
import type { WorkflowMachine } from '../../domain/workflow/run-machine.ts'
import { taskMachine } from '../../domain/workflow/task-machine.ts'
import { defaultReportForm } from '../../domain/forms/default-form.ts'
import { planEscalation } from '../timers/fire-times.ts'
import { entryDuties, entryForm } from '../indicators/entry-duties.ts'
import type { EntryDuty } from '../indicators/entry-duties.ts'
import { rectificationDuty } from '../assessments/rectification.ts'
import type { PlannedStep } from '../timers/fire-times.ts'

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
  readonly calendar: WorkingDayCalendar
  readonly escalation: Escalation
  readonly office: string | null
  readonly leadership: string | null
  readonly horizon: DateRange
  readonly #units: Map<string, PolicyConfig['organizations']['units'][number]>
  readonly #groups: Map<string, NonNullable<PolicyConfig['organizations']['groups']>[number]>
  readonly #escalations = new Map<string, PlannedStep[]>()
  readonly #procedures = new Map<string, WorkflowMachine>()
  readonly #validators = new Map<string, ValidateFunction>()
  readonly #ajv = createAjv()
  /** Indicator entry as recurring duties, by duty id. */
  readonly entries: ReadonlyMap<string, EntryDuty>
  readonly #duties: ReadonlyMap<string, Responsibility>

  constructor(row: PolicyVersionRow) {
    this.versionId = row.id
    this.config = JSON.parse(row.config) as PolicyConfig
    const years = this.config.calendar?.years ?? []
    this.calendar = WorkingDayCalendar.mainland(...years.map((y) => ({ years: [y.year], holidays: y.holidays, workdays: y.workdays })))
    this.escalation = (this.config.escalation ?? DEFAULT_ESCALATION) as Escalation
    const bodies = this.config.governance?.bodies ?? []
    this.leadership = bodies.find((body) => body.kind === 'leadership-group' || body.kind === 'management-committee')?.id ?? null
    this.office = bodies.find((body) => body.kind === 'office')?.id ?? this.leadership
    this.#units = new Map(this.config.organizations.units.map((unit) => [unit.id, unit]))
    this.#groups = new Map((this.config.organizations.groups ?? []).map((group) => [group.id, group]))
    const period = effectivePeriod(this.config)!
    this.horizon = { from: period.from, to: period.to ?? addDays(period.from, 3 * 365) }
    this.entries = new Map(entryDuties(this.config, this.office).map((entry) => [entry.duty.id, entry]))
    this.#duties = new Map([...this.config.responsibilities, ...[...this.entries.values()].map((entry) => entry.duty)].map((duty) => [duty.id, duty]))
  }

  /** Every duty a plan runs: the config's responsibilities, then indicator entry. */
  duties(): Iterable<Responsibility> {
    return this.#duties.values()
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
    for (const unit of this.config.organizations.units) actors.set(unit.id, { id: unit.id, name: unit.name, kind: 'unit' })
    for (const body of this.config.governance?.bodies ?? []) actors.set(body.id, { id: body.id, name: body.name, kind: 'body' })
    for (const units of Object.values(extra)) for (const unit of units) actors.set(unit.id, { ...unit, kind: 'plan-unit' })
    this.#actorCache.set(extra, actors)
    return actors
  }

  /**
   * The actors a list of owner ids stands for: a unit itself (unless outside the region), a
   * body itself, a group's members (named in the config or added to the plan).
   * @returns the actors, and the groups that have no member to assign to.
   */
  resolveOwners(ids: readonly string[], extra: ExtraUnits = {}): { actors: string[]; unassigned: string[] } {
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
        const members = [...(group.members ?? []), ...(extra[id] ?? []).map((unit) => unit.id)]
        if (members.length === 0) unassigned.push(id)
        actors.push(...members.filter((member) => !units.get(member)?.external))
        continue
      }
      actors.push(id) // a governance body acts itself
    }
    return { actors: [...new Set(actors)], unassigned }
  }

  /**
   * Who reviews a lead's report: the duty's `review.by`, else the office of the leadership group,
   * else the leadership group; never the assignee itself (then its parent body, else nobody).
   */
  reviewerFor(duty: Responsibility, assignee: string, extra: ExtraUnits = {}): string | null {
    const configured = duty.review?.by ? this.resolveOwners([duty.review.by], extra).actors[0] ?? duty.review.by : null
    const candidates = [configured, this.office, this.leadership].filter((id): id is string => id !== null)
    return candidates.find((id) => id !== assignee) ?? null
  }

  /** When a duty is due: once (maybe without a date), recurring, or relative to assignment. */
  scheduleOf(duty: Responsibility): DutySchedule {
    const parsed = ruleOf(duty.due)
    const phrase = typeof duty.due === 'string' ? duty.due : null
    if (!parsed?.ok) return { kind: 'once', phrase }
    const rule = parsed.rule
    if (rule.kind === 'recurring') return { kind: 'recurring', rule, range: this.rangeOf(duty), phrase }
    if (rule.kind === 'relative') return { kind: 'relative', rule, phrase }
    return { kind: 'once', due: rule.kind === 'window' ? rule.end : rule.date, opens: rule.kind === 'window' ? rule.start : undefined, phrase }
  }

  /** The window a recurring duty's periods fall in: `within`, else its phase, else the plan. */
  rangeOf(duty: Responsibility): DateRange {
    const window = duty.within ?? this.config.timeline.phases.find((phase) => phase.id === duty.phase)?.window
    const parsed = window === undefined ? undefined : ruleOf(window)
    if (parsed?.ok && parsed.rule.kind === 'window') return { from: parsed.rule.start, to: parsed.rule.end }
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
    const parsed = phase ? ruleOf(phase.window) : undefined
    if (parsed?.ok && parsed.rule.kind === 'window') return { from: parsed.rule.start, to: parsed.rule.end }
    if (parsed?.ok && parsed.rule.kind === 'date') return { from: this.horizon.from, to: parsed.rule.date }
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

  duty(id: string): Responsibility | undefined {
    return this.#duties.get(id) ?? this.#rectification(id)
  }

  readonly #rectifications = new Map<string, Responsibility | undefined>()
  #rectification(id: string): Responsibility | undefined {
    if (!this.#rectifications.has(id)) this.#rectifications.set(id, rectificationDuty(this.config, id))
    return this.#rectifications.get(id)
  }

  procedure(id: string): Procedure | undefined {
    return this.config.procedures?.find((procedure) => procedure.id === id)
  }

  /** The machine a task runs: the task lifecycle, or its procedure's compiled steps. */
  machineFor(kind: TaskRow['kind'], sourceId: string): WorkflowMachine {
    if (kind !== 'procedure') return taskMachine
    let machine = this.#procedures.get(sourceId)
    if (!machine) {
      const procedure = this.procedure(sourceId)
      if (!procedure) throw new Error(`procedure ${sourceId} is not in version ${this.versionId}`)
      machine = compileProcedureMachine(procedure)
      this.#procedures.set(sourceId, machine)
    }
    return machine
  }

  /** The JSON Schema of the report form for a duty or procedure. */
  formSchema(sourceId: string): Record<string, unknown> {
    const entry = this.entries.get(sourceId)
    if (entry) return entryForm(entry)
    const formId = this.duty(sourceId)?.form ?? this.procedure(sourceId)?.form
    const form = formId ? this.config.forms?.find((f) => f.id === formId) : undefined
    if (form) return form.schema
    const duty = this.duty(sourceId)
    return defaultReportForm(duty?.title ?? this.procedure(sourceId)?.name ?? sourceId, duty?.deliverables ?? [])
  }

  /** The compiled validator for a form (cached). */
  formValidator(sourceId: string): ValidateFunction {
    let validate = this.#validators.get(sourceId)
    if (!validate) {
      validate = compileForm(this.#ajv, this.formSchema(sourceId))
      this.#validators.set(sourceId, validate)
    }
    return validate
  }
}

export type DutySchedule =
  | { kind: 'once'; due?: string; opens?: string | undefined; phrase: string | null }
  | { kind: 'recurring'; rule: DeadlineRule; range: DateRange; phrase: string | null }
  | { kind: 'relative'; rule: Extract<DeadlineRule, { kind: 'relative' }>; phrase: string | null }

const cache = new Map<string, PlanModel>()

/** The model of a version, built once. */
export function planModel(row: PolicyVersionRow): PlanModel {
  let model = cache.get(row.id)
  if (!model) {
    model = new PlanModel(row)
    cache.set(row.id, model)
  }
  return model
}
