/**
 * @module Who may see and act on a task. A unit sees the tasks assigned to it and those it
 * reviews; leaders and admins of a policy see all of that policy's tasks. Anything else is
 * indistinguishable from a task that does not exist.
 */
import type { TaskRow } from '../db/database.js'
import type { CurrentUser } from '../http/env.js'
import type { PlanModel } from '../plans/plan-model.js'
import type { TaskEventType } from '../workflow/registry.js'
import type { PersistedTask } from '../workflow/run-machine.js'
import { stepState } from '../workflow/procedure-machine.js'

/** The units and bodies the user acts for in a policy. */
export function actorsOf(user: CurrentUser, policyId: string): Set<string> {
  return new Set(user.units[policyId] ?? [])
}

/** True for users who oversee every task of a policy. */
export function oversees(user: CurrentUser, policyId: string): boolean {
  return user.roles.includes('admin') || (user.roles.includes('leader') && (user.units[policyId]?.length ?? 0) > 0)
}

/** Plans are visible to their units, their leaders, authors and admins. */
export function canSeePlan(user: CurrentUser, policyId: string): boolean {
  return oversees(user, policyId) || user.roles.includes('author') || actorsOf(user, policyId).size > 0
}

export function canSeeTask(user: CurrentUser, policyId: string, task: TaskRow, model: PlanModel): boolean {
  const actors = actorsOf(user, policyId)
  if (oversees(user, policyId) || actors.has(task.assignee) || (task.reviewer !== null && actors.has(task.reviewer))) return true
  // Everyone who acts at some step of a procedure follows it from the start.
  const steps = task.kind === 'procedure' ? model.procedure(task.source_id)?.steps ?? [] : []
  return steps.some((step) => Array.isArray(step.actor) && model.resolveOwners(step.actor).actors.some((actor) => actors.has(actor)))
}

const ASSIGNEE_EVENTS: ReadonlySet<string> = new Set(['START', 'SAVE', 'SUBMIT', 'RESUBMIT'])
const REVIEWER_EVENTS: ReadonlySet<string> = new Set(['APPROVE', 'RETURN'])

/** The actors entitled to send `type` to this task in its current state. */
export function actorsFor(model: PlanModel, task: TaskRow, type: TaskEventType): string[] {
  if (task.kind === 'procedure') {
    const procedure = model.procedure(task.source_id)
    const snapshot = JSON.parse(task.snapshot) as PersistedTask
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
