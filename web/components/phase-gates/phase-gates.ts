import { LsPhaseGates } from './phase-gates.component.js'

customElements.define('ls-phase-gates', LsPhaseGates)

declare global {
  interface HTMLElementTagNameMap {
    'ls-phase-gates': LsPhaseGates
  }
}
