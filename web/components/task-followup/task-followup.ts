import { LsTaskFollowup } from './task-followup.component.ts'

customElements.define('ls-task-followup', LsTaskFollowup)

declare global {
  interface HTMLElementTagNameMap {
    'ls-task-followup': LsTaskFollowup
  }
}
