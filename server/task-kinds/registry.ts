/**
 * @module What the plan runtime asks of task kinds, without naming one: the duties a plan runs,
 * the duty, machine, form, title and state of a task. Each answer comes from the kind that
 * declares it (all-kinds.ts), or from the task lifecycle's default.
 */
import { titleWithPeriod } from '../../domain/workflow/period-title.ts'
import type { ValidateFunction } from 'ajv'
import { compileForm, createAjv } from '../../schemas/ajv.ts'
import type { Responsibility } from '../../schemas/index.ts'
import { defaultReportForm } from '../../domain/forms/default-form.ts'
import type { WorkflowMachine } from '../../domain/workflow/run-machine.ts'
import { taskMachine } from '../../domain/workflow/task-machine.ts'
import { stateHasTag } from '../../domain/workflow/task-states.ts'
import type { TaskTag } from '../../domain/workflow/task-states.ts'
import type { TaskRow } from '../db/database.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import { TASK_KINDS } from './all-kinds.ts'
import type { TaskFields, TaskKind, TaskKindName } from './task-kind.ts'

export type { TaskFields, TaskKind, TaskKindName } from './task-kind.ts'

const KINDS = Object.entries(TASK_KINDS) as Array<[TaskKindName, TaskKind]>

/** A duty and the kind of task it makes. */
export interface KindedDuty {
  kind: TaskKindName
  duty: Responsibility
}

/**
 * The kinds whose tasks reach actors beyond their assignee and reviewer (a procedure's step
 * names who acts), so an inbox looks for them among every task of the plan.
 */
export const KINDS_WITH_OWN_ACTORS: readonly TaskKindName[] = KINDS.filter(
  ([, definition]) => definition.actors,
).map(([kind]) => kind)

/** The tasks `actors` follow beyond their own, kind by kind (kinds with none are left out). */
export function followedSources(
  model: PlanModel,
  actors: ReadonlySet<string>,
): Array<{ kind: TaskKindName; sourceIds: string[] }> {
  return KINDS.flatMap(([kind, definition]) => {
    const sourceIds = definition.followedBy?.(model, actors) ?? []
    return sourceIds.length ? [{ kind, sourceIds }] : []
  })
}

/** The kind a task row names. */
export function taskKind(name: TaskKindName): TaskKind {
  return TASK_KINDS[name]
}

/** Every duty a plan of this version runs, in plan order: the config's, then those kinds add. */
export function* planDuties(model: PlanModel): Iterable<KindedDuty> {
  for (const [kind, definition] of KINDS)
    for (const duty of definition.duties?.(model) ?? []) yield { kind, duty }
}

/** The tasks kinds start a plan with besides its duties' (procedure instances), kind by kind. */
export function* planStarts(
  model: PlanModel,
  planId: string,
  members: ExtraUnits,
  today: string,
): Iterable<{ tasks: TaskFields[]; unassigned: string[] }> {
  for (const [, definition] of KINDS)
    if (definition.starts) yield definition.starts(model, planId, members, today)
}

/** The duty behind a source id and the kind that declares it. */
export function findDuty(model: PlanModel, sourceId: string): KindedDuty | undefined {
  for (const [kind, definition] of KINDS) {
    const duty = definition.duty(model, sourceId)
    if (duty) return { kind, duty }
  }
  return undefined
}

/** The duty behind a source id, whichever kind declares it. */
export function dutyOf(model: PlanModel, sourceId: string): Responsibility | undefined {
  return findDuty(model, sourceId)?.duty
}

/** The machine a task runs: its kind's, else the task lifecycle. */
export function machineOf(model: PlanModel, kind: TaskKindName, sourceId: string): WorkflowMachine {
  return TASK_KINDS[kind].machine?.(model, sourceId) ?? taskMachine
}

/** True when the task's stored state carries `tag` in the machine it runs. */
export function taskHasTag(
  model: PlanModel,
  task: Pick<TaskRow, 'kind' | 'source_id' | 'state'>,
  tag: TaskTag,
): boolean {
  return stateHasTag(machineOf(model, task.kind, task.source_id), task.state, tag)
}

/** A task's title in lists: as its kind words it, else its duty's title, else its source id. */
export function titleOf(
  model: PlanModel,
  task: Pick<TaskRow, 'kind' | 'source_id' | 'period'>,
): string {
  return titleWithPeriod(
    TASK_KINDS[task.kind].title?.(model, task) ??
      dutyOf(model, task.source_id)?.title ??
      task.source_id,
    task.period,
  )
}

/**
 * The JSON Schema of the report form for a source id: the first kind that knows the id answers
 * (a source id names the same thing whatever the task, so attachments read forms without a kind).
 */
export function formSchemaOf(model: PlanModel, sourceId: string): Record<string, unknown> {
  for (const [, definition] of KINDS) {
    const form = definition.form?.(model, sourceId)
    if (form) return form
  }
  return defaultReportForm(sourceId, [])
}

/** Compiled form validators of each version, by source id (one Ajv per version). */
const validators = new WeakMap<
  PlanModel,
  { ajv: ReturnType<typeof createAjv>; bySource: Map<string, ValidateFunction> }
>()

/** The compiled validator of a source id's form (cached per version). */
export function formValidatorOf(model: PlanModel, sourceId: string): ValidateFunction {
  let compiled = validators.get(model)
  if (!compiled) validators.set(model, (compiled = { ajv: createAjv(), bySource: new Map() }))
  let validate = compiled.bySource.get(sourceId)
  if (!validate) {
    validate = compileForm(compiled.ajv, formSchemaOf(model, sourceId))
    compiled.bySource.set(sourceId, validate)
  }
  return validate
}
