/**
 * @module Steps compiled machines purely: restore a persisted snapshot, check that the current
 * state accepts an event, and compute the next snapshot — without running an actor, timers or
 * side effects. The service writes the result; nothing here touches the database.
 */
import { getNextTransitions, initialTransition, transition } from 'xstate'
import type { TaskContext, TaskEvent, TaskInput } from './registry.ts'
import { SYSTEM_EVENTS } from './registry.ts'
import type { taskMachine } from './task-machine.ts'
import { phaseMachine } from './phase-machine.ts'
import type { PhaseEvent, PhaseStatus } from './phase-machine.ts'

/** Every compiled machine: same context and events, states from config. */
export type WorkflowMachine = typeof taskMachine

/** What is stored for a task: its state value, context and status (XState's persisted form). */
export interface PersistedTask {
  value: string
  context: TaskContext
  status: 'active' | 'done'
}

export type StepResult =
  | { ok: true; next: PersistedTask; changed: boolean }
  | { ok: false; state: string; accepted: string[] }

/** The first snapshot of a machine for a task's input. */
export function startTask(machine: WorkflowMachine, input: TaskInput): PersistedTask {
  const [snapshot] = initialTransition(machine, input)
  return persisted(snapshot)
}

/**
 * Applies an event to a persisted snapshot.
 * @returns the next snapshot, or the current state and the user events it does accept.
 */
export function stepTask(
  machine: WorkflowMachine,
  current: PersistedTask,
  event: TaskEvent,
): StepResult {
  const snapshot = machine.resolveState({ value: current.value, context: current.context })
  if (current.status === 'done' || !snapshot.can(event)) {
    return { ok: false, state: current.value, accepted: acceptedEvents(machine, current) }
  }
  const [next] = transition(machine, snapshot, event)
  const result = persisted(next)
  // assign() always makes a new context object, so an unchanged one is the very same object.
  return {
    ok: true,
    next: result,
    changed: result.value !== current.value || next.context !== snapshot.context,
  }
}

/** User events the current state handles (system events are not offered to people). */
export function acceptedEvents(machine: WorkflowMachine, current: PersistedTask): string[] {
  if (current.status === 'done') return []
  const snapshot = machine.resolveState({ value: current.value, context: current.context })
  const types = [...new Set(getNextTransitions(snapshot).map((t) => t.eventType))]
  // Guards decide too (a lead cannot SUBMIT with contributions outstanding); a sample event with
  // a non-empty reason and data asks them without knowing the user's input.
  return types
    .filter((type) => !SYSTEM_EVENTS.has(type as TaskEvent['type']))
    .filter((type) => snapshot.can({ type, data: {}, reason: '—' }))
    .sort()
}

function persisted(snapshot: { value: unknown; context: unknown; status: string }): PersistedTask {
  return {
    value: String(snapshot.value),
    context: snapshot.context as TaskContext,
    status: snapshot.status === 'done' ? 'done' : 'active',
  }
}

/** A new phase's status: the machine's first state, opened at once when its window has begun. */
export function startPhase(windowBegun: boolean): PhaseStatus {
  const [first] = initialTransition(phaseMachine)
  return windowBegun ? transition(phaseMachine, first, { type: 'OPEN' })[0].value : first.value
}

/**
 * The status a phase moves to on an event, or null when its status does not take the event or
 * the event's guard refuses it (a gate that does not hold). A phase's whole state is its status.
 * @example stepPhase('pending', { type: 'OPEN' }) // 'open'
 */
export function stepPhase(status: PhaseStatus, event: PhaseEvent): PhaseStatus | null {
  const snapshot = phaseMachine.resolveState({ value: status })
  if (!snapshot.can(event)) return null
  const [next] = transition(phaseMachine, snapshot, event)
  return next.value
}

/**
 * Whether a phase's status takes an event at all, before its guard is asked: the server checks
 * this before it counts the gate.
 */
export function phaseAccepts(status: PhaseStatus, type: PhaseEvent['type']): boolean {
  const snapshot = phaseMachine.resolveState({ value: status })
  return getNextTransitions(snapshot).some((candidate) => candidate.eventType === type)
}
