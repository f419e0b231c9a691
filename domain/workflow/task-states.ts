/**
 * @module What a stored state name means, asked of the machines' state tags (`owing`,
 * `finished`, `withdrawn`, `closed`) rather than of lists of names. SQL filters that need the names get them here,
 * computed once from the machine definitions.
 */
import { PROCEDURE_END } from './procedure-machine.ts'
import type { TaskTag } from './registry.ts'
import { CLOSED_END, WITHDRAWN_END } from './registry.ts'
import type { WorkflowMachine } from './run-machine.ts'
import { taskMachine } from './task-machine.ts'

export type { TaskTag } from './registry.ts'

/** State nodes or state configs: each may carry tags. */
type TaggedStates = Readonly<
  Record<string, { readonly tags?: string | readonly string[] | undefined }>
>

/** The names of the states that carry `tag`, in definition order. */
export function statesTagged(states: TaggedStates, tag: TaskTag): string[] {
  return Object.entries(states)
    .filter(([, node]) => [node.tags ?? []].flat().includes(tag))
    .map(([name]) => name)
}

/** True when the state named `state` of `machine` carries `tag` (false for a state it lacks). */
export function stateHasTag(machine: WorkflowMachine, state: string, tag: TaskTag): boolean {
  const states = machine.states as unknown as TaggedStates
  if (!Object.hasOwn(states, state)) return false
  const tags = states[state]!.tags
  return tags === undefined ? false : typeof tags === 'string' ? tags === tag : tags.includes(tag)
}

/** States in which the assignee still owes the work (procedures have none: no deadline). */
export const OWING_STATES: readonly string[] = statesTagged(taskMachine.states, 'owing')

/** States in which a task is finished, of every machine: an approved task, a procedure done. */
export const FINISHED_STATES: readonly string[] = [
  ...new Set([
    ...statesTagged(taskMachine.states, 'finished'),
    ...statesTagged(PROCEDURE_END, 'finished'),
  ]),
]

const FINISHED = new Set(FINISHED_STATES)

/** States of every machine in which a task is withdrawn: kept, but counted toward nothing. */
export const WITHDRAWN_STATES: readonly string[] = [
  ...new Set([
    ...statesTagged(taskMachine.states, 'withdrawn'),
    ...statesTagged(WITHDRAWN_END, 'withdrawn'),
  ]),
]

/**
 * States that no longer wait for anyone and need nothing more: finished or withdrawn. A phase
 * gate leaves them out; a closed task is not among them, because it was left undone.
 */
export const ENDED_STATES: readonly string[] = [...FINISHED_STATES, ...WITHDRAWN_STATES]

/** States of every machine in which a closed plan left the task undone (未完成关闭). */
export const CLOSED_STATES: readonly string[] = [
  ...new Set([
    ...statesTagged(taskMachine.states, 'closed'),
    ...statesTagged(CLOSED_END, 'closed'),
  ]),
]

/**
 * States in which nobody acts on a task any more: ended, or closed with the plan. Open lists
 * (escalations, the close preview) leave them out.
 */
export const STOPPED_STATES: readonly string[] = [...ENDED_STATES, ...CLOSED_STATES]

const CLOSED = new Set(CLOSED_STATES)

/** True when a stored state, of any kind of task, is the closed end: left undone. */
export function isClosedState(state: string): boolean {
  return CLOSED.has(state)
}

const WITHDRAWN = new Set(WITHDRAWN_STATES)

/** True when a stored state, of any kind of task, is withdrawn. */
export function isWithdrawnState(state: string): boolean {
  return WITHDRAWN.has(state)
}

/** True when a stored state, of any kind of task, is finished. */
export function isFinishedState(state: string): boolean {
  return FINISHED.has(state)
}
