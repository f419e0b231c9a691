/**
 * Asks the page to show a place in the policy YAML: a 1-based line (and column), or a JSON
 * pointer the page locates. Emitted by `ls-issue-list` and the policy previews.
 */
export type LsRevealEvent = CustomEvent<{ line?: number; col?: number; pointer?: string }>

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-reveal': LsRevealEvent
  }
}
