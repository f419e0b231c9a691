/**
 * @module The fast pass of a full verification: the audit log read once in its own order (`seq`,
 * the table's order on disk), each row handed to its chain's state, and every chain checked alone
 * exactly as the walk of audit-chain-walk.ts checks it — numbered 1, 2, 3 … with no gap, each row
 * linked to the one before, its HMAC right, the checkpointed hash at each checkpointed row, ending
 * at the head read before the pass and reaching the chain's highest checkpoint.
 *
 * This pass only ever says "whole". A chain where anything is off — or whose rows do not come in
 * their chain's order, or that had no head when the pass began — is handed back to be walked alone
 * through its index, which reports what it finds (the row, the reason) in the walk's own words. So
 * what a verification reports never depends on which pass ran; the fast one only saves the walks.
 * The same holds for a row's canonical text when the database builds it (audit-scan-worker.ts):
 * should it ever differ from the text the row was hashed over, the row fails here and its chain is
 * walked, where the text is built as it was at writing.
 */
import { AuditHasher, GENESIS_HASH } from './audit-hash.ts'
import type { ScanRow } from './audit-hash.ts'

/** What one chain must reach: its head (read before the pass) and its signed checkpoints. */
export interface ChainExpectation {
  chain: string
  head: { seq: number; hash: string }
  /** The checkpoints of this chain: row → hash, each signature already checked. */
  checkpoints: Array<{ seq: number; hash: string }>
}

/** A chain the fast pass found whole: its rows, and its highest checkpoint's row (or null). */
export interface ChainWhole {
  chain: string
  rows: number
  checkpointSeq: number | null
}

/** The outcome of a pass: the chains found whole, and those to walk alone. */
export interface ScanOutcome {
  whole: ChainWhole[]
  /** Chains to walk alone: something was off, or they were not expected (no head before the pass). */
  walk: string[]
}

interface ChainState {
  expect: ChainExpectation
  checkpoints: Map<number, string>
  highest: number | null
  prev: string
  next: number
  rows: number
  off: boolean
}

/** One pass over rows of many chains, in log order. */
export class ChainScan {
  readonly #hasher: AuditHasher
  readonly #states = new Map<string, ChainState>()
  readonly #unexpected = new Set<string>()

  constructor(key: Buffer, expected: ChainExpectation[]) {
    this.#hasher = new AuditHasher(key)
    for (const expect of expected) {
      const checkpoints = new Map(expect.checkpoints.map((c) => [c.seq, c.hash]))
      const highest = expect.checkpoints.reduce<number | null>(
        (best, c) => (best === null || c.seq > best ? c.seq : best),
        null,
      )
      this.#states.set(expect.chain, {
        expect,
        checkpoints,
        highest,
        prev: GENESIS_HASH,
        next: 1,
        rows: 0,
        // A checkpoint of row 0 names the chain's start: another start is another chain.
        off: checkpoints.has(0) && checkpoints.get(0) !== GENESIS_HASH,
      })
    }
  }

  /** Checks one row; rows must come in log order. */
  add(row: ScanRow): void {
    const state = this.#states.get(row[0])
    if (state === undefined) {
      this.#unexpected.add(row[0])
      return
    }
    if (state.off) return
    const seq = row[1]
    // Appended after the head was read: the walk leaves these for the next verification too.
    if (seq > state.expect.head.seq) return
    if (seq !== state.next || row[2] !== state.prev) {
      state.off = true
      return
    }
    // A plain comparison: the verdict itself says whether the hashes match, so timing hides nothing.
    if (this.#hasher.hmac(state.prev, row[4]) !== row[3]) {
      state.off = true
      return
    }
    const checkpoint = state.checkpoints.get(seq)
    if (checkpoint !== undefined && checkpoint !== row[3]) {
      state.off = true
      return
    }
    state.prev = row[3]
    state.next = seq + 1
    state.rows++
  }

  /** The verdicts once every row has been added. */
  finish(): ScanOutcome {
    const outcome: ScanOutcome = { whole: [], walk: [...this.#unexpected] }
    for (const [chain, state] of this.#states) {
      const last = state.next - 1
      const whole =
        !state.off &&
        last === state.expect.head.seq &&
        state.prev === state.expect.head.hash &&
        (state.highest === null || state.highest <= last)
      if (whole) outcome.whole.push({ chain, rows: state.rows, checkpointSeq: state.highest })
      else outcome.walk.push(chain)
    }
    return outcome
  }
}
