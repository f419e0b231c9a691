import { LsClauseCoverage } from './clause-coverage.component.js'

customElements.define('ls-clause-coverage', LsClauseCoverage)

declare global {
  interface HTMLElementTagNameMap {
    'ls-clause-coverage': LsClauseCoverage
  }
}
