/** Emitted by `ls-login-form` after a successful login. */
export type LsLoginEvent = CustomEvent<{
  user: {
    id: string
    username: string
    displayName: string
    roles: string[]
    units: Record<string, string[]>
  }
  csrfToken: string
}>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-login': LsLoginEvent
  }
}
