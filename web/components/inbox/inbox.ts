import { LsInbox } from './inbox.component.js'
import '../task-table/task-table.js'

customElements.define('ls-inbox', LsInbox)

declare global {
  interface HTMLElementTagNameMap {
    'ls-inbox': LsInbox
  }
}
