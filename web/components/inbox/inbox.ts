import { LsInbox } from './inbox.component.ts'
import '../task-table/task-table.ts'
import '../batch-approve/batch-approve.ts'

customElements.define('ls-inbox', LsInbox)

declare global {
  interface HTMLElementTagNameMap {
    'ls-inbox': LsInbox
  }
}
