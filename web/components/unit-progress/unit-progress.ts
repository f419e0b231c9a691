import { LsUnitProgress } from './unit-progress.component.js'

customElements.define('ls-unit-progress', LsUnitProgress)

declare global {
  interface HTMLElementTagNameMap {
    'ls-unit-progress': LsUnitProgress
  }
}
