import { LsUserImport } from './user-import.component.ts'

customElements.define('ls-user-import', LsUserImport)

declare global {
  interface HTMLElementTagNameMap {
    'ls-user-import': LsUserImport
  }
}
