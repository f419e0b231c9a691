import { LsIssueList } from './issue-list.component.ts'

customElements.define('ls-issue-list', LsIssueList)

declare global {
  interface HTMLElementTagNameMap {
    'ls-issue-list': LsIssueList
  }
}
