/**
 * @module Time, injected. Everything that asks "what time is it?" takes a {@link Clock}, so a
 * two-year plan is tested in seconds with a {@link SimulatedClock}.
 */

/** A source of the current instant. */
export interface Clock {
  now(): Date
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() }

/** A clock that moves only when told to. */
export class SimulatedClock implements Clock {
  #now: number

  constructor(start: Date | string) {
    this.#now = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.#now)
  }

  /** Moves to an instant (never backwards: time in a plan only goes forward). */
  set(instant: Date | string): void {
    const next = new Date(instant).getTime()
    if (next < this.#now)
      throw new RangeError(`the simulated clock cannot go back to ${new Date(next).toISOString()}`)
    this.#now = next
  }

  /** Moves forward by a number of milliseconds. */
  advance(ms: number): void {
    this.set(new Date(this.#now + ms))
  }
}
