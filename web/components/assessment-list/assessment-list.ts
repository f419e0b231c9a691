import { LsAssessmentList } from './assessment-list.component.ts'

customElements.define('ls-assessment-list', LsAssessmentList)

declare global {
  interface HTMLElementTagNameMap {
    'ls-assessment-list': LsAssessmentList
  }
}
