import { LsPlanStarter } from './plan-starter.component.js'

customElements.define('ls-plan-starter', LsPlanStarter)

declare global {
  interface HTMLElementTagNameMap {
    'ls-plan-starter': LsPlanStarter
  }
}
