/** Emitted by `ls-plan-starter` after a plan started: `{ planId, tasks, unassigned }`. */
export type LsPlanStartEvent = CustomEvent<{ planId: string; tasks: number; unassigned: string[] }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-plan-start': LsPlanStartEvent
  }
}
