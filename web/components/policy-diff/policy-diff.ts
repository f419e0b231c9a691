import { LsPolicyDiff } from './policy-diff.component.js'

customElements.define('ls-policy-diff', LsPolicyDiff)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-diff': LsPolicyDiff
  }
}
