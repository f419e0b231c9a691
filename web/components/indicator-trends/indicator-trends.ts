import { LsIndicatorTrends } from './indicator-trends.component.ts'

customElements.define('ls-indicator-trends', LsIndicatorTrends)

declare global {
  interface HTMLElementTagNameMap {
    'ls-indicator-trends': LsIndicatorTrends
  }
}
