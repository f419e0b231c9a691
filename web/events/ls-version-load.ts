/** Emitted by `ls-policy-versions` when the author asks to open a published version in the editor. */
export type LsVersionLoadEvent = CustomEvent<{ policyId: string; version: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-version-load': LsVersionLoadEvent
  }
}
