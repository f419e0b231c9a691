import { LsWorkflowDiagram } from './workflow-diagram.component.ts'

customElements.define('ls-workflow-diagram', LsWorkflowDiagram)

declare global {
  interface HTMLElementTagNameMap {
    'ls-workflow-diagram': LsWorkflowDiagram
  }
}
