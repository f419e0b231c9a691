/** Emitted by `ls-plan-migration` after the running plan moved to a newer version. */
export type LsPlanMigrateEvent = CustomEvent<{ planId: string; version: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-plan-migrate': LsPlanMigrateEvent
  }
}
