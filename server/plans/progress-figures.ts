/**
 * @module The figures of a plan's progress from its counted groups (progress-groups.ts): by unit
 * (total, done, overdue, closed, 督办, colours, on-time rate), the plan's colours, overdue and
 * escalation rungs, and the duties' shares done. Every group holds tasks alike in all a figure
 * reads, so each figure is the group's answer for one task times its count; the colour of the few
 * tasks with a progress report or a cleared red light is then read task by task.
 */
import type { Light, OnTimeCounts } from '../../domain/supervision/index.ts'
import {
  countOnTime,
  escalationCounts,
  isSupervised,
  standingEscalation,
} from '../../domain/supervision/index.ts'
import type { EscalationCounts } from '../../domain/supervision/escalation.ts'
import { isClosedState, isFinishedState } from '../../domain/workflow/task-states.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { lightOf, NO_FACTS } from '../tasks/task-lights.ts'
import type { SupervisionFacts } from '../tasks/task-lights.ts'
import type { DutyGroup, ProgressGroups } from './progress-groups.ts'

export interface UnitFigures {
  total: number
  approved: number
  overdue: number
  closed: number
  supervised: number
  lights: Record<Light, number>
  onTime: OnTimeCounts
}

const noLights = (): Record<Light, number> => ({ green: 0, blue: 0, yellow: 0, red: 0 })

/** The figures by unit and for the whole plan, on `today`. */
export function unitFigures(
  model: PlanModel,
  groups: ProgressGroups,
  today: string,
  facts: SupervisionFacts,
) {
  const byUnit = new Map<string, UnitFigures>()
  const lights = noLights()
  const escalations: EscalationCounts = {
    remind: 0,
    urge: 0,
    supervise: 0,
    circulate: 0,
    supervised: 0,
  }
  let overdue = 0
  const entryOf = (unit: string) => {
    let entry = byUnit.get(unit)
    if (!entry) {
      entry = {
        total: 0,
        approved: 0,
        overdue: 0,
        closed: 0,
        supervised: 0,
        lights: noLights(),
        onTime: { due: 0, onTime: 0 },
      }
      byUnit.set(unit, entry)
    }
    return entry
  }
  // Many units' groups share a kind, state and deadline: each such colour is worked out once.
  const colours = new Map<string, Light>()
  const rungs = new Map<number, EscalationCounts>()
  for (const group of groups.units) {
    const { n } = group
    const entry = entryOf(group.assignee)
    // The group's colour without reports or clearances: its tasks share state and deadline.
    const colourKey = `${group.kind}\u0000${group.source_id}\u0000${group.state}\u0000${group.due_on}`
    let light = colours.get(colourKey)
    if (light === undefined) {
      light = lightOf(model, { ...group, id: '', opens_on: null, created_at: '' }, today, NO_FACTS)
      colours.set(colourKey, light)
    }
    const finished = isFinishedState(group.state)
    const stopped = finished || isClosedState(group.state)
    const level = standingEscalation(group.escalation, stopped)
    entry.total += n
    entry.lights[light] += n
    lights[light] += n
    let rung = rungs.get(level)
    if (!rung) rungs.set(level, (rung = escalationCounts([level])))
    for (const key of Object.keys(rung) as Array<keyof EscalationCounts>)
      escalations[key] += rung[key] * n
    if (isSupervised(level)) entry.supervised += n
    if (finished) entry.approved += n
    else if (isClosedState(group.state)) entry.closed += n
    else if (group.due_on && group.due_on < today) {
      entry.overdue += n
      overdue += n
    }
    const onTime = { due: 0, onTime: 0 }
    countOnTime(
      onTime,
      { dueOn: group.due_on, finishedOn: finished ? group.finished_on : null },
      today,
    )
    entry.onTime.due += onTime.due * n
    entry.onTime.onTime += onTime.onTime * n
  }
  // A report behind 序时进度 turns a task yellow; a cleared red light shows yellow.
  for (const task of groups.factTasks.values()) {
    const counted = lightOf(model, task, today, NO_FACTS)
    const light = lightOf(model, task, today, facts)
    if (light === counted) continue
    const entry = entryOf(task.assignee)
    entry.lights[counted]--
    entry.lights[light]++
    lights[counted]--
    lights[light]++
  }
  return { byUnit, lights, escalations, overdue }
}

/** Tasks counted toward a share: all of them, those done, those a closed plan left undone. */
export function countedDuties(groups: readonly DutyGroup[]) {
  let total = 0
  let approved = 0
  let closed = 0
  for (const group of groups) {
    total += group.n
    if (isFinishedState(group.state)) approved += group.n
    if (isClosedState(group.state)) closed += group.n
  }
  return { total, approved, closed }
}
