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

/** Tasks laid out or read between turns: a few tens of milliseconds of work. */
export const TASKS_PER_TURN = 2000

/** Tasks written a statement or more each (revised, withdrawn) between turns: about as long. */
export const TASK_WRITES_PER_TURN = 200

/**
 * A counter of work done that gives the event loop a turn once every `slice` units of it: `await
 * pace()` after each unit (or `pace(n)` after n), which resolves at once between turns.
 */
export function pacer(slice: number): (units?: number) => Promise<void> | undefined {
  let since = 0
  return (units = 1) => {
    since += units
    if (since < slice) return undefined
    since = 0
    return eventLoopTurn()
  }
}
