import { LsPolicyDiff } from './policy-diff.component.ts'

customElements.define('ls-policy-diff', LsPolicyDiff)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-diff': LsPolicyDiff
  }
}
