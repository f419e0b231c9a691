import { LsApp } from './app-shell.component.ts'
import '../login-form/login-form.ts'

customElements.define('ls-app', LsApp)

declare global {
  interface HTMLElementTagNameMap {
    'ls-app': LsApp
  }
}
