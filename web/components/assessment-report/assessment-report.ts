import { LsAssessmentReport } from './assessment-report.component.js'

customElements.define('ls-assessment-report', LsAssessmentReport)

declare global {
  interface HTMLElementTagNameMap {
    'ls-assessment-report': LsAssessmentReport
  }
}
