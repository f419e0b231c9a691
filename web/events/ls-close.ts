/** Emitted by a panel (e.g. `ls-plan-starter`) when the user dismisses it. */
export type LsCloseEvent = CustomEvent<void>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-close': LsCloseEvent
  }
}
