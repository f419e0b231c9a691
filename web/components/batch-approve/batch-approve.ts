import { LsBatchApprove } from './batch-approve.component.ts'

customElements.define('ls-batch-approve', LsBatchApprove)

declare global {
  interface HTMLElementTagNameMap {
    'ls-batch-approve': LsBatchApprove
  }
}
