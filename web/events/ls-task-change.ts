/**
 * Emitted by a part of a task's page once it changed the task: `ls-task-followup` (an extension
 * asked for or decided, a 催办 sent: `what`), `ls-task-split` and `ls-task-transfer` (`message`).
 */
export type LsTaskChangeEvent = CustomEvent<{
  what?: 'extension' | 'decision' | 'urge'
  message?: string
}>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-task-change': LsTaskChangeEvent
  }
}
