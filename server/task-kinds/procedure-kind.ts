/**
 * @module A config `procedure` (申报 → 评估 → 启动): one task per applicant that walks the
 * procedure's steps, each step done by the actors it names. It has no duty and no deadline.
 */
import { defaultReportForm } from '../../domain/forms/default-form.ts'
import { compileProcedureMachine, stepState } from '../../domain/workflow/procedure-machine.ts'
import type { PersistedTask, WorkflowMachine } from '../../domain/workflow/run-machine.ts'
import type { TaskRow } from '../db/database.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import type { TaskKind } from './task-kind.ts'

/** Compiled procedure machines of each version (a model is immutable, so is its machine). */
const machines = new WeakMap<PlanModel, Map<string, WorkflowMachine>>()

export const procedureKind = {
  duty: () => undefined,
  machine(model: PlanModel, sourceId: string): WorkflowMachine {
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
  },
  form(model: PlanModel, sourceId: string) {
    const procedure = model.procedure(sourceId)
    return procedure ? (model.form(procedure.form) ?? defaultReportForm(procedure.name, [])) : undefined
  },
  title: (model: PlanModel, task: Pick<TaskRow, 'source_id'>) => model.procedure(task.source_id)?.name,
  /** Whoever the current step names: the applicant for its own side's steps, else the step's actors. */
  actors(model: PlanModel, task: TaskRow): string[] {
    const procedure = model.procedure(task.source_id)
    const snapshot = JSON.parse(task.snapshot) as PersistedTask
    const step = procedure?.steps.find((s) => stepState(s.id) === snapshot.value)
    if (!step) return []
    // A step with no named actor is carried out where the procedure applies: by the applicant.
    if (!Array.isArray(step.actor)) return [task.assignee]
    // A step done by the applicant side (its group, or the unit itself) is the assignee's to do.
    if ((procedure?.applicant && step.actor.includes(procedure.applicant)) || step.actor.includes(task.assignee)) return [task.assignee]
    return model.resolveOwners(step.actor).actors
  },
} satisfies TaskKind
