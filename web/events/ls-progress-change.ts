/** Emitted by `ls-progress-report` after a progress report was made or a red light cleared. */
export type LsProgressChangeEvent = CustomEvent<{ taskId: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-progress-change': LsProgressChangeEvent
  }
}
