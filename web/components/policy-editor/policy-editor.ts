import { LsPolicyEditor } from './policy-editor.component.js'

customElements.define('ls-policy-editor', LsPolicyEditor)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-editor': LsPolicyEditor
  }
}
