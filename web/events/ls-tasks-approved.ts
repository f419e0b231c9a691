/** Emitted by the batch approval once some reports were approved: the list loads again. */
export type LsTasksApprovedEvent = CustomEvent<undefined>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-tasks-approved': LsTasksApprovedEvent
  }
}
