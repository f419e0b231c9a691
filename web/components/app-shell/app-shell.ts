import { LsApp } from './app-shell.component.ts'
import '../login-form/login-form.ts'
import '../password-change/password-change.ts'

customElements.define('ls-app', LsApp)

declare global {
  interface HTMLElementTagNameMap {
    'ls-app': LsApp
  }
}
