/**
 * @module A config `procedure` (申报 → 评估 → 启动): one task per applicant that walks the
 * procedure's steps, each step done by the actors it names. It has no duty and no deadline.
 */
import { defaultReportForm } from '../../domain/forms/default-form.ts'
import { compileProcedureMachine } from '../../domain/workflow/procedure-machine.ts'
import { stepState } from '../../domain/workflow/state-names.ts'
import { startTask } from '../../domain/workflow/run-machine.ts'
import type { WorkflowMachine } from '../../domain/workflow/run-machine.ts'
import type { TaskRow } from '../db/database.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import type { TaskFields, TaskKind } from './task-kind.ts'
import { readJson } from '../db/json-columns.ts'

/** Compiled procedure machines of each version (a model is immutable, so is its machine). */
const machines = new WeakMap<PlanModel, Map<string, WorkflowMachine>>()

function machineOf(model: PlanModel, sourceId: string): WorkflowMachine {
  const compiled = machines.get(model) ?? new Map<string, WorkflowMachine>()
  machines.set(model, compiled)
  let machine = compiled.get(sourceId)
  if (!machine) {
    const procedure = model.procedure(sourceId)
    if (!procedure) throw new Error(`procedure ${sourceId} is not in version ${model.versionId}`)
    machine = compileProcedureMachine(procedure)
    compiled.set(sourceId, machine)
  }
  return machine
}

export const procedureKind = {
  /** One instance per applicant of each procedure, at its first step, from the plan's start. */
  starts(model: PlanModel, planId: string, members: ExtraUnits, today: string) {
    const tasks: TaskFields[] = []
    const unassigned: string[] = []
    for (const procedure of model.config.procedures ?? []) {
      const applicants = procedure.applicant
        ? model.resolveOwners([procedure.applicant], members)
        : { actors: [], unassigned: [] }
      unassigned.push(...applicants.unassigned)
      const machine = machineOf(model, procedure.id)
      for (const assignee of applicants.actors) {
        const started = startTask(machine, { reviewer: null, pendingContributions: 0 })
        tasks.push({
          plan_id: planId,
          source_id: procedure.id,
          kind: 'procedure',
          assignee,
          role: 'applicant',
          period: 'once',
          phase_id: null,
          parent_task_id: null,
          reviewer: null,
          opens_on: today,
          due_on: null,
          due_phrase: null,
          snapshot: { value: started.value, json: JSON.stringify(started) },
        })
      }
    }
    return { tasks, unassigned }
  },
  duty: () => undefined,
  machine: machineOf,
  form(model: PlanModel, sourceId: string) {
    const procedure = model.procedure(sourceId)
    return procedure
      ? (model.form(procedure.form) ?? defaultReportForm(procedure.name, []))
      : undefined
  },
  title: (model: PlanModel, task: Pick<TaskRow, 'source_id'>) =>
    model.procedure(task.source_id)?.name,
  followedBy(model: PlanModel, actors: ReadonlySet<string>): string[] {
    return (model.config.procedures ?? [])
      .filter((procedure) =>
        procedure.steps.some(
          (step) =>
            Array.isArray(step.actor) &&
            model.resolveOwners(step.actor).actors.some((actor) => actors.has(actor)),
        ),
      )
      .map((procedure) => procedure.id)
  },
  /** Whoever the current step names: the applicant for its own side's steps, else the step's actors. */
  actors(model: PlanModel, task: TaskRow): string[] {
    const procedure = model.procedure(task.source_id)
    const snapshot = readJson('task', 'snapshot', task.snapshot)
    const step = procedure?.steps.find((s) => stepState(s.id) === snapshot.value)
    if (!step) return []
    // A step with no named actor is carried out where the procedure applies: by the applicant.
    if (!Array.isArray(step.actor)) return [task.assignee]
    // A step done by the applicant side (its group, or the unit itself) is the assignee's to do.
    if (
      (procedure?.applicant && step.actor.includes(procedure.applicant)) ||
      step.actor.includes(task.assignee)
    )
      return [task.assignee]
    return model.resolveOwners(step.actor).actors
  },
} satisfies TaskKind
