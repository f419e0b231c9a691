/**
 * @module Overlapping loads where only the newest may land. A page that starts a second request
 * before the first has answered (another policy chosen while the first is still opening, a filter
 * changed twice) must never show the older answer when it happens to arrive last.
 */

/** Hands out tickets; only the ticket of the newest `begin()` is still current. */
export class LatestOnly {
  #ticket = 0

  /** Starts a load, making every earlier one stale. The returned check is true while it is the newest. */
  begin(): () => boolean {
    const ticket = ++this.#ticket
    return () => ticket === this.#ticket
  }
}
