import { LsClauseCoverage } from './clause-coverage.component.ts'

customElements.define('ls-clause-coverage', LsClauseCoverage)

declare global {
  interface HTMLElementTagNameMap {
    'ls-clause-coverage': LsClauseCoverage
  }
}
