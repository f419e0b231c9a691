import { LsTaskSplit } from './task-split.component.ts'
import '../json-form/json-form.ts'

customElements.define('ls-task-split', LsTaskSplit)

declare global {
  interface HTMLElementTagNameMap {
    'ls-task-split': LsTaskSplit
  }
}
