/**
 * @module Who may act on a task: which actors may send an event in the task's current state.
 * Who may see it is decided in access/visibility.ts.
 */
import { actorsOf } from '../access/visibility.ts'
import type { TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import type { TaskEventType } from '../../domain/workflow/registry.ts'
import { taskKind } from '../task-kinds/registry.ts'

const ASSIGNEE_EVENTS: ReadonlySet<string> = new Set(['START', 'SAVE', 'SUBMIT', 'RESUBMIT'])
const REVIEWER_EVENTS: ReadonlySet<string> = new Set(['APPROVE', 'RETURN'])

/** The actors entitled to send `type` to this task in its current state. */
export function actorsFor(model: PlanModel, task: TaskRow, type: TaskEventType): string[] {
  const own = taskKind(task.kind).actors
  if (own) return own(model, task, type)
  if (ASSIGNEE_EVENTS.has(type)) return [task.assignee]
  if (REVIEWER_EVENTS.has(type)) return task.reviewer ? [task.reviewer] : []
  return []
}

/** True when the user acts for one of the entitled actors. */
export function mayAct(user: CurrentUser, policyId: string, actors: readonly string[]): boolean {
  const mine = actorsOf(user, policyId)
  return actors.some((actor) => mine.has(actor))
}
