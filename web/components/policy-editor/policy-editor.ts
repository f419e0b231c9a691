import { LsPolicyEditor } from './policy-editor.component.ts'

customElements.define('ls-policy-editor', LsPolicyEditor)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-editor': LsPolicyEditor
  }
}
