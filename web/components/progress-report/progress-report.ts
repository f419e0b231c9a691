import { LsProgressReport } from './progress-report.component.ts'

customElements.define('ls-progress-report', LsProgressReport)

declare global {
  interface HTMLElementTagNameMap {
    'ls-progress-report': LsProgressReport
  }
}
