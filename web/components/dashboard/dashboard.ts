import { LsDashboard } from './dashboard.component.js'
import '../phase-gates/phase-gates.js'
import '../task-table/task-table.js'
import '../unit-progress/unit-progress.js'
import '../indicator-trends/indicator-trends.js'

customElements.define('ls-dashboard', LsDashboard)

declare global {
  interface HTMLElementTagNameMap {
    'ls-dashboard': LsDashboard
  }
}
