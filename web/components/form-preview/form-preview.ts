import { LsFormPreview } from './form-preview.component.js'

customElements.define('ls-form-preview', LsFormPreview)

declare global {
  interface HTMLElementTagNameMap {
    'ls-form-preview': LsFormPreview
  }
}
