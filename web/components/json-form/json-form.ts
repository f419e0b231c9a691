import { LsJsonForm } from './json-form.component.js'

customElements.define('ls-json-form', LsJsonForm)

declare global {
  interface HTMLElementTagNameMap {
    'ls-json-form': LsJsonForm
  }
}
