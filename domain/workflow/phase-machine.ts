/**
 * @module A plan's phase: pending until its window opens, open while its work runs, closed once
 * its gate holds (every task approved unless the gate says otherwise, the named body's sign-off
 * recorded, its milestones passed). The same machine for every phase of every plan; the config
 * decides only what the gate needs. The `plan_phase.status` column stores the state value, and
 * the server asks this machine which status an event leads to (server/plan-model/phase-gate.ts).
 */
import { setup } from 'xstate'

/** A phase's gate as the server found it; only `holds` decides, the rest is its evidence. */
export interface PhaseGate {
  holds: boolean
}

export type PhaseEvent =
  /** The first day of the phase's window (the `phase-open` timer). */
  | { type: 'OPEN' }
  /** The gate's body signs the phase off; the phase stays open until the whole gate holds. */
  | { type: 'SIGN_OFF' }
  /**
   * The gate is checked: when the window ends (the `phase-end` timer), and after each approval
   * or sign-off, so a late phase closes the moment it holds.
   */
  | { type: 'CLOSE'; gate: PhaseGate }

export const phaseMachine = setup({
  types: { events: {} as PhaseEvent },
  guards: {
    gateHolds: ({ event }) => event.type === 'CLOSE' && event.gate.holds,
  },
}).createMachine({
  id: 'phase',
  initial: 'pending',
  states: {
    pending: { on: { OPEN: 'open' } },
    open: {
      on: {
        SIGN_OFF: 'open',
        CLOSE: { guard: 'gateHolds', target: 'closed' },
      },
    },
    closed: { type: 'final' },
  },
})

/** Phase statuses in the order a phase passes them: the values of `plan_phase.status`. */
export const PHASE_STATUSES = ['pending', 'open', 'closed'] as const
export type PhaseStatus = (typeof PHASE_STATUSES)[number]
