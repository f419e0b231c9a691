/** Emitted by a part of a task's page (`ls-task-split`, `ls-task-transfer`) once it changed the task. */
export type LsTaskChangeEvent = CustomEvent<{ message: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-task-change': LsTaskChangeEvent
  }
}
