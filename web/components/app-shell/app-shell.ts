import { LsApp } from './app-shell.component.js'
import '../login-form/login-form.js'

customElements.define('ls-app', LsApp)

declare global {
  interface HTMLElementTagNameMap {
    'ls-app': LsApp
  }
}
