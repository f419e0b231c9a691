/**
 * Emitted on `window` by the API client when the server answers 401: the session is gone (logged
 * out elsewhere, timed out, or the account was deactivated), so the shell shows the login form.
 */
export type LsSessionEndEvent = CustomEvent<void>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-session-end': LsSessionEndEvent
  }
}
