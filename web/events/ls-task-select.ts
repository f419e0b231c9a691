/**
 * Emitted by a task table whose rows can be chosen (`selectable`) when the choice changes:
 * the ids chosen, in the table's order.
 */
export type LsTaskSelectEvent = CustomEvent<{ ids: string[] }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-task-select': LsTaskSelectEvent
  }
}
