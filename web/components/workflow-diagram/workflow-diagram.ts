import { LsWorkflowDiagram } from './workflow-diagram.component.js'

customElements.define('ls-workflow-diagram', LsWorkflowDiagram)

declare global {
  interface HTMLElementTagNameMap {
    'ls-workflow-diagram': LsWorkflowDiagram
  }
}
