import { LsInbox } from './inbox.component.ts'
import '../task-table/task-table.ts'

customElements.define('ls-inbox', LsInbox)

declare global {
  interface HTMLElementTagNameMap {
    'ls-inbox': LsInbox
  }
}
