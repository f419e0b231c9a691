import { LsDeadlineTable } from './deadline-table.component.js'

customElements.define('ls-deadline-table', LsDeadlineTable)

declare global {
  interface HTMLElementTagNameMap {
    'ls-deadline-table': LsDeadlineTable
  }
}
