import { LsPolicyTests } from './policy-tests.component.ts'

customElements.define('ls-policy-tests', LsPolicyTests)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-tests': LsPolicyTests
  }
}
