/** Emitted by `ls-unit-progress` when a unit is chosen to drill down into its tasks. */
export type LsUnitSelectEvent = CustomEvent<{ id: string; name: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-unit-select': LsUnitSelectEvent
  }
}
