/** Emitted by `ls-members-editor` after a group's members were changed in the running plan. */
export type LsMembersChangeEvent = CustomEvent<{ groupId: string; version: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-members-change': LsMembersChangeEvent
  }
}
