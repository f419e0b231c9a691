import { LsJsonForm } from './json-form.component.ts'

customElements.define('ls-json-form', LsJsonForm)

declare global {
  interface HTMLElementTagNameMap {
    'ls-json-form': LsJsonForm
  }
}
