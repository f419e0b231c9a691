import { LsUnitProgress } from './unit-progress.component.ts'

customElements.define('ls-unit-progress', LsUnitProgress)

declare global {
  interface HTMLElementTagNameMap {
    'ls-unit-progress': LsUnitProgress
  }
}
