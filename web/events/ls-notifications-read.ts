/**
 * Emitted on `window` by the notification list when notifications were marked read, so the
 * header's unread badge counts again.
 */
export type LsNotificationsReadEvent = CustomEvent<{ unread: number }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-notifications-read': LsNotificationsReadEvent
  }
}
