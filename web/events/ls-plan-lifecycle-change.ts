/** Emitted by `ls-plan-lifecycle` after the plan was suspended, resumed, closed or archived. */
export type LsPlanLifecycleChangeEvent = CustomEvent<{ planId: string; status: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-plan-lifecycle-change': LsPlanLifecycleChangeEvent
  }
}
