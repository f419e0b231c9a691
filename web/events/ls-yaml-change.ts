/** Emitted by `ls-yaml-editor` on every edit, with the whole text. */
export type LsYamlChangeEvent = CustomEvent<{ value: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-yaml-change': LsYamlChangeEvent
  }
}
