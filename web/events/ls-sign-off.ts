/** Emitted by `ls-phase-gates` after a phase gate was signed off (`closed`: the phase closed now). */
export type LsSignOffEvent = CustomEvent<{ phaseId: string; closed: boolean }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-sign-off': LsSignOffEvent
  }
}
