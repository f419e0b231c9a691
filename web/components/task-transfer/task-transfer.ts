import { LsTaskTransfer } from './task-transfer.component.ts'

customElements.define('ls-task-transfer', LsTaskTransfer)

declare global {
  interface HTMLElementTagNameMap {
    'ls-task-transfer': LsTaskTransfer
  }
}
