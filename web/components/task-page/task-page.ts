import { LsTaskPage } from './task-page.component.ts'
import '../json-form/json-form.ts'
import '../plan-lifecycle/plan-lifecycle.ts'
import '../progress-report/progress-report.ts'
import '../task-followup/task-followup.ts'
import '../task-split/task-split.ts'
import '../task-transfer/task-transfer.ts'

customElements.define('ls-task-page', LsTaskPage)

declare global {
  interface HTMLElementTagNameMap {
    'ls-task-page': LsTaskPage
  }
}
