/** Emitted by `ls-json-form` whenever the user changes a value; `value` is what would be sent. */
export type LsFormChangeEvent = CustomEvent<{ value: unknown }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-form-change': LsFormChangeEvent
  }
}
