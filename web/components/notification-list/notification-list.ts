import { LsNotificationList } from './notification-list.component.ts'

customElements.define('ls-notification-list', LsNotificationList)

declare global {
  interface HTMLElementTagNameMap {
    'ls-notification-list': LsNotificationList
  }
}
