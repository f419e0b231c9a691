import { LsPhaseGates } from './phase-gates.component.ts'

customElements.define('ls-phase-gates', LsPhaseGates)

declare global {
  interface HTMLElementTagNameMap {
    'ls-phase-gates': LsPhaseGates
  }
}
