import { LsPasswordChange } from './password-change.component.ts'

customElements.define('ls-password-change', LsPasswordChange)

declare global {
  interface HTMLElementTagNameMap {
    'ls-password-change': LsPasswordChange
  }
}
