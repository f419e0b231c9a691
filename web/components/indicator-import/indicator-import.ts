import { LsIndicatorImport } from './indicator-import.component.ts'

customElements.define('ls-indicator-import', LsIndicatorImport)

declare global {
  interface HTMLElementTagNameMap {
    'ls-indicator-import': LsIndicatorImport
  }
}
