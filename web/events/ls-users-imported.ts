import type { UserView } from '../../schemas/api/responses.schema.ts'

/** Emitted by `ls-user-import` once an import has created accounts: the accounts, no passwords. */
export type LsUsersImportedEvent = CustomEvent<{ users: UserView[] }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-users-imported': LsUsersImportedEvent
  }
}
