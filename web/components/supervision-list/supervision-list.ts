import { LsSupervisionList } from './supervision-list.component.ts'

customElements.define('ls-supervision-list', LsSupervisionList)

declare global {
  interface HTMLElementTagNameMap {
    'ls-supervision-list': LsSupervisionList
  }
}
