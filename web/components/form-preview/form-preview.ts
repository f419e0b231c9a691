import { LsFormPreview } from './form-preview.component.ts'

customElements.define('ls-form-preview', LsFormPreview)

declare global {
  interface HTMLElementTagNameMap {
    'ls-form-preview': LsFormPreview
  }
}
