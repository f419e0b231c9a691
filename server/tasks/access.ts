/**
 * @module Who may act on a task: which actors may send an event in the task's current state.
 * Who may see it is decided in access/visibility.ts.
 */
import { actorsOf } from '../access/visibility.ts'
import type { TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanModel } from '../plans/plan-model.ts'
import type { TaskEventType } from '../../domain/workflow/registry.ts'
import { stepState } from '../../domain/workflow/procedure-machine.ts'
import { readJson } from '../db/json-columns.ts'

const ASSIGNEE_EVENTS: ReadonlySet<string> = new Set(['START', 'SAVE', 'SUBMIT', 'RESUBMIT'])
const REVIEWER_EVENTS: ReadonlySet<string> = new Set(['APPROVE', 'RETURN'])

/** The actors entitled to send `type` to this task in its current state. */
export function actorsFor(model: PlanModel, task: TaskRow, type: TaskEventType): string[] {
  if (task.kind === 'procedure') {
    const procedure = model.procedure(task.source_id)
    const snapshot = readJson('task', 'snapshot', task.snapshot)
    const step = procedure?.steps.find((s) => stepState(s.id) === snapshot.value)
    if (!step) return []
    // A step with no named actor is carried out where the procedure applies: by the applicant.
    if (!Array.isArray(step.actor)) return [task.assignee]
    // A step done by the applicant side (its group, or the unit itself) is the assignee's to do.
    if ((procedure?.applicant && step.actor.includes(procedure.applicant)) || step.actor.includes(task.assignee)) return [task.assignee]
    return model.resolveOwners(step.actor).actors
  }
  if (ASSIGNEE_EVENTS.has(type)) return [task.assignee]
  if (REVIEWER_EVENTS.has(type)) return task.reviewer ? [task.reviewer] : []
  return []
}

/** True when the user acts for one of the entitled actors. */
export function mayAct(user: CurrentUser, policyId: string, actors: readonly string[]): boolean {
  const mine = actorsOf(user, policyId)
  return actors.some((actor) => mine.has(actor))
}
