import { LsPolicyPreview } from './policy-preview.component.ts'

customElements.define('ls-policy-preview', LsPolicyPreview)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-preview': LsPolicyPreview
  }
}
