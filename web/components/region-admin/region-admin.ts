import { LsRegionAdmin } from './region-admin.component.ts'

customElements.define('ls-region-admin', LsRegionAdmin)

declare global {
  interface HTMLElementTagNameMap {
    'ls-region-admin': LsRegionAdmin
  }
}
