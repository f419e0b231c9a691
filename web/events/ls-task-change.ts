/** Emitted by `ls-task-followup` after it changed the task (an extension asked for or decided, a 催办 sent). */
export type LsTaskChangeEvent = CustomEvent<{ what: 'extension' | 'decision' | 'urge' }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-task-change': LsTaskChangeEvent
  }
}
