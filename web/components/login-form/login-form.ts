import { LsLoginForm } from './login-form.component.js'

customElements.define('ls-login-form', LsLoginForm)

declare global {
  interface HTMLElementTagNameMap {
    'ls-login-form': LsLoginForm
  }
}
