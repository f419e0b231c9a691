import { LsLedgerPage } from './ledger-page.component.ts'

customElements.define('ls-ledger-page', LsLedgerPage)

declare global {
  interface HTMLElementTagNameMap {
    'ls-ledger-page': LsLedgerPage
  }
}
