/**
 * @module The stored state names the web filters and marks by, as plain data: the inbox imports
 * these without the machines, so xstate stays out of its bundle. state-names.test.ts holds each
 * list to the machines' definitions and tags, so a renamed or retagged state fails there.
 */

/**
 * Task states in lifecycle order, for filters and progress; `withdrawn` ends work that no longer
 * applies, `closed` work a closed plan left undone (未完成关闭).
 */
export const TASK_STATES = [
  'assigned',
  'in_progress',
  'submitted',
  'returned',
  'approved',
  'withdrawn',
  'closed',
] as const
export type TaskState = (typeof TASK_STATES)[number]

/** The state every procedure ends in; its other states are its steps ({@link stepState}). */
export const PROCEDURE_DONE = 'done'

const STEP_PREFIX = 'step:'

/** The state name of a procedure's step: `step:<id>`. */
export const stepState = (stepId: string) => `${STEP_PREFIX}${stepId}`

/** The step id a procedure state names (`step:<id>` → `<id>`), or undefined for any other state. */
export function stepOfState(state: string): string | undefined {
  return state.startsWith(STEP_PREFIX) ? state.slice(STEP_PREFIX.length) : undefined
}

/** States in which a task of any kind is finished (tag `finished`): approved, a procedure done. */
export const FINISHED_STATE_NAMES = ['approved', PROCEDURE_DONE] as const

const FINISHED: ReadonlySet<string> = new Set(FINISHED_STATE_NAMES)

/** True when a stored state, of any kind of task, is finished. */
export function isFinishedStateName(state: string): boolean {
  return FINISHED.has(state)
}

/** The state every machine ends in when its task is withdrawn (tag `withdrawn`). */
export const WITHDRAWN_STATE_NAME = 'withdrawn'

/** True when a stored state is the withdrawn end: the task counts toward nothing. */
export function isWithdrawnStateName(state: string): boolean {
  return state === WITHDRAWN_STATE_NAME
}

/** The state every machine ends in when its plan is closed with the task open (tag `closed`). */
export const CLOSED_STATE_NAME = 'closed'

/** True when a stored state is the closed end: a closed plan left the task undone. */
export function isClosedStateName(state: string): boolean {
  return state === CLOSED_STATE_NAME
}

/**
 * The task machine's states neither finished, withdrawn nor closed — owing, or submitted for
 * review: the "open" filter.
 */
export const OPEN_TASK_STATES: readonly TaskState[] = TASK_STATES.filter(
  (state) => !FINISHED.has(state) && state !== WITHDRAWN_STATE_NAME && state !== CLOSED_STATE_NAME,
)

/** Every state whose name does not come from config: the task machine's and a procedure's end. */
export const NAMED_STATES: readonly string[] = [...TASK_STATES, PROCEDURE_DONE]
