import { LsSupervisionNotice } from './supervision-notice.component.ts'

customElements.define('ls-supervision-notice', LsSupervisionNotice)

declare global {
  interface HTMLElementTagNameMap {
    'ls-supervision-notice': LsSupervisionNotice
  }
}
