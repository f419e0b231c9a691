import { LsAssessmentRun } from './assessment-run.component.ts'

customElements.define('ls-assessment-run', LsAssessmentRun)

declare global {
  interface HTMLElementTagNameMap {
    'ls-assessment-run': LsAssessmentRun
  }
}
