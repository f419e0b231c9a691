import { LsTaskPage } from './task-page.component.js'
import '../json-form/json-form.js'

customElements.define('ls-task-page', LsTaskPage)

declare global {
  interface HTMLElementTagNameMap {
    'ls-task-page': LsTaskPage
  }
}
