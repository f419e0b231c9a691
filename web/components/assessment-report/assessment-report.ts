import { LsAssessmentReport } from './assessment-report.component.ts'

customElements.define('ls-assessment-report', LsAssessmentReport)

declare global {
  interface HTMLElementTagNameMap {
    'ls-assessment-report': LsAssessmentReport
  }
}
