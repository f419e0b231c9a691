import { LsPlanStarter } from './plan-starter.component.ts'

customElements.define('ls-plan-starter', LsPlanStarter)

declare global {
  interface HTMLElementTagNameMap {
    'ls-plan-starter': LsPlanStarter
  }
}
