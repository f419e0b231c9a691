import { LsPolicyPreview } from './policy-preview.component.js'

customElements.define('ls-policy-preview', LsPolicyPreview)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-preview': LsPolicyPreview
  }
}
