import { LsPolicyVersions } from './policy-versions.component.js'

customElements.define('ls-policy-versions', LsPolicyVersions)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-versions': LsPolicyVersions
  }
}
