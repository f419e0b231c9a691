import { LsMembersEditor } from './members-editor.component.ts'

customElements.define('ls-members-editor', LsMembersEditor)

declare global {
  interface HTMLElementTagNameMap {
    'ls-members-editor': LsMembersEditor
  }
}
