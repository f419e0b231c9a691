/**
 * @module Turns a duty (and, for recurring duties, one period of it) into task rows for every
 * responsible unit, with their first snapshots and the timers of their escalation ladder.
 * Supporting units get contribution tasks that feed the lead's task.
 */
import type { Responsibility } from '../../schemas/index.ts'
import type { NewTask } from '../db/database.ts'
import type { Insertable } from 'kysely'
import type { TimerTable } from '../db/database.ts'
import { newId } from '../ids.ts'
import type { ExtraUnits, PlanModel } from '../plans/plan-model.ts'
import { startTask } from '../../domain/workflow/run-machine.ts'
import { taskMachine } from '../../domain/workflow/task-machine.ts'
import { LEVELS } from '../timers/fire-times.ts'

export interface Occurrence {
  period: string
  opens: string | null
  due: string | null
}

export interface CreatedTasks {
  tasks: NewTask[]
  timers: Array<Insertable<TimerTable>>
  /** Groups named as owners that have no member to assign to. */
  unassigned: string[]
}

/** Task and timer rows for one occurrence of a duty in a plan. */
export function tasksForDuty(
  model: PlanModel,
  planId: string,
  duty: Responsibility,
  occurrence: Occurrence,
  extra: ExtraUnits,
  now: string,
): CreatedTasks {
  const leadIds = Array.isArray(duty.lead) ? duty.lead : []
  const leads = model.resolveOwners(leadIds, extra)
  const supports = model.resolveOwners(duty.support ?? [], extra)
  const leadSet = new Set(leads.actors)
  const supportActors = supports.actors.filter((actor) => !leadSet.has(actor))
  // Every task of a duty starts from one of a few identical snapshots: build each once.
  const snapshots = new Map<string, { value: string; json: string }>()
  // Indicator data is approved only by a review: never by its own submission.
  const reviewRequired = model.entries.has(duty.id)
  const initial = (reviewer: string | null, pending: number) => {
    const key = `${reviewer}|${pending}`
    let snapshot = snapshots.get(key)
    if (!snapshot) {
      const started = startTask(taskMachine, { reviewer, pendingContributions: pending, ...(reviewRequired ? { reviewRequired } : {}) })
      snapshot = { value: started.value, json: JSON.stringify(started) }
      snapshots.set(key, snapshot)
    }
    return snapshot
  }
  const tasks: NewTask[] = []
  const base = {
    plan_id: planId,
    source_id: duty.id,
    kind: model.entries.has(duty.id) ? ('indicator-entry' as const) : ('responsibility' as const),
    period: occurrence.period,
    phase_id: duty.phase ?? null,
    opens_on: occurrence.opens,
    due_on: occurrence.due,
    due_phrase: typeof duty.due === 'string' ? duty.due : null,
    escalation_level: 0,
    data: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }
  leads.actors.forEach((assignee, index) => {
    const reviewer = model.reviewerFor(duty, assignee, extra)
    // Contributions go to the first lead; the other leads report on their own.
    const pending = index === 0 ? supportActors.length : 0
    const snapshot = initial(reviewer, pending)
    tasks.push({ ...base, id: newId(), assignee, role: 'lead', parent_task_id: null, reviewer, state: snapshot.value, snapshot: snapshot.json })
  })
  const firstLead = tasks[0]
  if (firstLead) {
    for (const assignee of supportActors) {
      const snapshot = initial(firstLead.assignee, 0)
      tasks.push({
        ...base,
        id: newId(),
        assignee,
        role: 'support',
        parent_task_id: firstLead.id,
        reviewer: firstLead.assignee,
        state: snapshot.value,
        snapshot: snapshot.json,
      })
    }
  }
  const timers = tasks.flatMap((task) => nextEscalationTimer(model, planId, task.id, task.due_on ?? null) ?? [])
  return { tasks, timers, unassigned: [...leads.unassigned, ...supports.unassigned] }
}

/**
 * The timer of the ladder's next step after `afterLevel` for one task (none without a due date,
 * or past the last step). Only one step is pending at a time: each fired step plans the next, so
 * a plan of 280,000 tasks starts with one timer per task, not four.
 */
export function nextEscalationTimer(
  model: PlanModel,
  planId: string,
  taskId: string,
  due: string | null,
  afterLevel = 0,
): Insertable<TimerTable> | undefined {
  if (!due) return undefined
  const step = model.escalationFor(due).find((s) => LEVELS[s.level] > afterLevel)
  if (!step) return undefined
  return {
    id: newId(),
    plan_id: planId,
    task_id: taskId,
    kind: step.level === 'remind' ? 'remind' : step.level === 'urge' ? 'overdue' : 'escalate',
    payload: JSON.stringify({ level: step.level, notify: step.notify }),
    fire_at: step.fireAt,
    status: 'pending',
    claimed_by: null,
    claimed_at: null,
    fired_at: null,
  }
}
