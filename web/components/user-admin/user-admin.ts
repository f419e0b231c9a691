import { LsUserAdmin } from './user-admin.component.ts'

customElements.define('ls-user-admin', LsUserAdmin)

declare global {
  interface HTMLElementTagNameMap {
    'ls-user-admin': LsUserAdmin
  }
}
