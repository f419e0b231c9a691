import { LsLoginForm } from './login-form.component.ts'

customElements.define('ls-login-form', LsLoginForm)

declare global {
  interface HTMLElementTagNameMap {
    'ls-login-form': LsLoginForm
  }
}
