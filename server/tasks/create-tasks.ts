/**
 * @module Turns a duty (and, for recurring duties, one period of it) into task rows for every
 * responsible unit, with their first snapshots and the timers of their escalation ladder.
 * Supporting units get contribution tasks that feed the lead's task.
 */
import type { NewTask } from '../db/database.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import { startTask } from '../../domain/workflow/run-machine.ts'
import { machineOf, taskKind } from '../task-kinds/registry.ts'
import type { KindedDuty } from '../task-kinds/registry.ts'
import { escalationTimers, taskRow } from './task-rows.ts'
import type { NewTimer } from './task-rows.ts'

export interface Occurrence {
  period: string
  opens: string | null
  due: string | null
}

export interface CreatedTasks {
  tasks: NewTask[]
  timers: NewTimer[]
  /** Groups named as owners that have no member to assign to. */
  unassigned: string[]
}

/** Task and timer rows for one occurrence of a duty in a plan. */
export function tasksForDuty(
  model: PlanModel,
  planId: string,
  { kind, duty }: KindedDuty,
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
  const reviewRequired = taskKind(kind).reviewRequired === true
  const machine = machineOf(model, kind, duty.id)
  const initial = (reviewer: string | null, pending: number) => {
    const key = `${reviewer}|${pending}`
    let snapshot = snapshots.get(key)
    if (!snapshot) {
      const started = startTask(machine, {
        reviewer,
        pendingContributions: pending,
        ...(reviewRequired ? { reviewRequired } : {}),
      })
      snapshot = { value: started.value, json: JSON.stringify(started) }
      snapshots.set(key, snapshot)
    }
    return snapshot
  }
  const tasks: NewTask[] = []
  const base = {
    plan_id: planId,
    source_id: duty.id,
    kind,
    period: occurrence.period,
    phase_id: duty.phase ?? null,
    opens_on: occurrence.opens,
    due_on: occurrence.due,
    due_phrase: typeof duty.due === 'string' ? duty.due : null,
  }
  leads.actors.forEach((assignee, index) => {
    const reviewer = model.reviewerFor(duty, assignee, extra)
    // Contributions go to the first lead; the other leads report on their own.
    const pending = index === 0 ? supportActors.length : 0
    tasks.push(
      taskRow(
        {
          ...base,
          assignee,
          role: 'lead',
          parent_task_id: null,
          reviewer,
          snapshot: initial(reviewer, pending),
        },
        now,
      ),
    )
  })
  const firstLead = tasks[0]
  if (firstLead) {
    for (const assignee of supportActors) {
      const reviewer = firstLead.assignee
      tasks.push(
        taskRow(
          {
            ...base,
            assignee,
            role: 'support',
            parent_task_id: firstLead.id,
            reviewer,
            snapshot: initial(reviewer, 0),
          },
          now,
        ),
      )
    }
  }
  const timers = escalationTimers(model, tasks)
  return { tasks, timers, unassigned: [...leads.unassigned, ...supports.unassigned] }
}
