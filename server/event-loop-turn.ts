/**
 * @module A turn of the event loop for long work done in slices. better-sqlite3 runs each
 * statement synchronously, and awaiting a resolved promise never reaches the event loop: a
 * province's plan (280,000 tasks) laid out and inserted in one go held every other request, reads
 * too, for the whole start. Between slices the server reads sockets and answers others; the
 * slicing work's transaction stays open, so readers still see the database as it was before.
 */
import { setImmediate } from 'node:timers/promises'

/** Lets the event loop run once (I/O, timers, other requests), then goes on. */
export function eventLoopTurn(): Promise<void> {
  return setImmediate()
}
