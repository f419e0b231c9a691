/**
 * @module Turns a duty (and, for recurring duties, one period of it) into task rows for every
 * responsible unit, with their first snapshots and the timers of their escalation ladder.
 * Supporting units get contribution tasks that feed the lead's task. The same function makes the
 * tasks a running plan lacks when a group gains members ({@link HeldTasks}), so a member named
 * later gets exactly what it would have had from the start.
 */
import type { NewTask } from '../db/database.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import type { Occurrence } from '../plan-model/duty-occurrences.ts'
import { startTask } from '../../domain/workflow/run-machine.ts'
import { machineOf, taskKind } from '../task-kinds/registry.ts'
import type { KindedDuty } from '../task-kinds/registry.ts'
import { escalationTimers, taskRow } from './task-rows.ts'
import type { NewTimer } from './task-rows.ts'
import { progressTimers } from './progress-reports.ts'

export type { Occurrence }

export interface CreatedTasks {
  tasks: NewTask[]
  timers: NewTimer[]
  /** Groups named as owners that have no member to assign to. */
  unassigned: string[]
  /** New contributions that feed the held lead task ({@link HeldTasks.lead}), which must count them. */
  addedContributions: number
}

/**
 * What a running plan already holds of one occurrence of a duty (its tasks not withdrawn), so
 * that only the missing tasks are made.
 */
export interface HeldTasks {
  /** `lead:<assignee>` and `support:<assignee>` of the tasks held. */
  keys: ReadonlySet<string>
  /** The held lead task contributions go to; give it whenever a lead task is held. */
  lead?: { id: string; assignee: string }
}

/** The key of a task in {@link HeldTasks.keys}. */
export const heldKey = (role: string, assignee: string) => `${role}:${assignee}`

/**
 * Task and timer rows for one occurrence of a duty in a plan.
 * @param held What the plan already holds of the occurrence: only the tasks it lacks are made,
 *   and new contributions feed the held lead. Omitted when a plan or a period starts.
 */
export function tasksForDuty(
  model: PlanModel,
  planId: string,
  { kind, duty }: KindedDuty,
  occurrence: Occurrence,
  extra: ExtraUnits,
  now: string,
  held?: HeldTasks,
): CreatedTasks {
  const leadIds = Array.isArray(duty.lead) ? duty.lead : []
  const leads = model.resolveOwners(leadIds, extra)
  const supports = model.resolveOwners(duty.support ?? [], extra)
  const leadSet = new Set(leads.actors)
  const isNew = (role: string) => (assignee: string) => !held?.keys.has(heldKey(role, assignee))
  const newLeads = leads.actors.filter(isNew('lead'))
  // Contributions go to the held lead when there is one, else to the first lead made here.
  const heldLead = held?.lead
  const supportActors = supports.actors.filter((actor) => !leadSet.has(actor))
  const newSupports = supportActors.filter(isNew('support'))
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
  newLeads.forEach((assignee, index) => {
    const reviewer = model.reviewerFor(duty, assignee, extra)
    // Contributions go to the first lead; the other leads report on their own.
    const pending = index === 0 && heldLead === undefined ? newSupports.length : 0
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
  const firstLead = heldLead ?? tasks[0]
  if (firstLead) {
    for (const assignee of newSupports) {
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
  const timers = [...escalationTimers(model, tasks), ...progressTimers(model, tasks)]
  return {
    tasks,
    timers,
    unassigned: [...leads.unassigned, ...supports.unassigned],
    addedContributions: heldLead ? newSupports.length : 0,
  }
}
