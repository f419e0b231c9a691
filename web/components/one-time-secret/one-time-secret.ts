import { LsOneTimeSecret } from './one-time-secret.component.ts'

customElements.define('ls-one-time-secret', LsOneTimeSecret)

declare global {
  interface HTMLElementTagNameMap {
    'ls-one-time-secret': LsOneTimeSecret
  }
}
