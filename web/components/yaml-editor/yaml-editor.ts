import { LsYamlEditor } from './yaml-editor.component.ts'

customElements.define('ls-yaml-editor', LsYamlEditor)

declare global {
  interface HTMLElementTagNameMap {
    'ls-yaml-editor': LsYamlEditor
  }
}
