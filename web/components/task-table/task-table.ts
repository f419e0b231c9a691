import { LsTaskTable } from './task-table.component.ts'

customElements.define('ls-task-table', LsTaskTable)

declare global {
  interface HTMLElementTagNameMap {
    'ls-task-table': LsTaskTable
  }
}
