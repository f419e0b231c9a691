import { LsPolicyVersions } from './policy-versions.component.ts'

customElements.define('ls-policy-versions', LsPolicyVersions)

declare global {
  interface HTMLElementTagNameMap {
    'ls-policy-versions': LsPolicyVersions
  }
}
