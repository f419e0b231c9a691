import { LsYamlEditor } from './yaml-editor.component.js'

customElements.define('ls-yaml-editor', LsYamlEditor)

declare global {
  interface HTMLElementTagNameMap {
    'ls-yaml-editor': LsYamlEditor
  }
}
