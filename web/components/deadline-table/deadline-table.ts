import { LsDeadlineTable } from './deadline-table.component.ts'

customElements.define('ls-deadline-table', LsDeadlineTable)

declare global {
  interface HTMLElementTagNameMap {
    'ls-deadline-table': LsDeadlineTable
  }
}
