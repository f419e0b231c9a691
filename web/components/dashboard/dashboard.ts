import { LsDashboard } from './dashboard.component.ts'
import '../phase-gates/phase-gates.ts'
import '../task-table/task-table.ts'
import '../supervision-list/supervision-list.ts'
import '../unit-progress/unit-progress.ts'
import '../document-parts/document-parts.ts'
import '../indicator-trends/indicator-trends.ts'
import '../members-editor/members-editor.ts'
import '../plan-lifecycle/plan-lifecycle.ts'
import '../plan-migration/plan-migration.ts'

customElements.define('ls-dashboard', LsDashboard)

declare global {
  interface HTMLElementTagNameMap {
    'ls-dashboard': LsDashboard
  }
}
