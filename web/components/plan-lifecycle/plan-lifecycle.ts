import { LsPlanLifecycle } from './plan-lifecycle.component.ts'

customElements.define('ls-plan-lifecycle', LsPlanLifecycle)

declare global {
  interface HTMLElementTagNameMap {
    'ls-plan-lifecycle': LsPlanLifecycle
  }
}
