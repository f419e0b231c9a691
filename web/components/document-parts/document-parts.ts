import { LsDocumentParts } from './document-parts.component.ts'

customElements.define('ls-document-parts', LsDocumentParts)

declare global {
  interface HTMLElementTagNameMap {
    'ls-document-parts': LsDocumentParts
  }
}
