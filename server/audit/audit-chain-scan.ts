/**
 * @module The fast pass of a full verification: the audit log read once in its own order (`seq`,
 * the table's order on disk) — whole, or cut into stretches read at once — each row handed to its
 * chain's state, and every chain checked alone exactly as the walk of audit-chain-walk.ts checks
 * it — numbered 1, 2, 3 … with no gap, each row linked to the one before, its HMAC right, the
 * checkpointed hash at each checkpointed row, ending at the head read before the pass and reaching
 * the chain's highest checkpoint.
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
import type { CopiedRow } from './audit-copy-rows.ts'

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

/**
 * What a pass over one stretch of the log found of one chain: its rows there, each checked against
 * the one before it in the stretch; where the chain enters the stretch (the row, and the hash it
 * links back to) and where it leaves it.
 */
export interface ChainStretch {
  chain: string
  first: { seq: number; prev: string }
  last: { seq: number; hash: string }
  rows: number
  off: boolean
}

/** What a pass over one stretch of the log found: each chain's stretch, and chains no one expected. */
export interface StretchOutcome {
  stretches: ChainStretch[]
  unexpected: string[]
}

/** A stretch of the log by `seq`: after `after`, up to `upTo` (both by value, not by count). */
export interface LogStretch {
  after: number
  upTo: number
}

/** The whole log as one stretch (a row numbered 0 or below by hand is in it too). */
export const WHOLE_LOG: LogStretch = {
  after: Number.MIN_SAFE_INTEGER,
  upTo: Number.MAX_SAFE_INTEGER,
}

interface Expected {
  head: ChainExpectation['head']
  checkpoints: Map<number, string>
}

/**
 * One pass over rows of one stretch of the log, in log order. Each row's HMAC is checked over the
 * previous hash it names, and that name against the row before it in the stretch; the stretches
 * are joined by {@link joinStretches}. So the log can be cut into stretches read at once on several
 * threads, and each chain is still checked row by row from 1 to its head.
 */
export class ChainScan {
  readonly #hasher: AuditHasher
  readonly #expected = new Map<string, Expected>()
  readonly #stretches = new Map<string, ChainStretch>()
  readonly #unexpected = new Set<string>()

  constructor(key: Buffer, expected: ChainExpectation[]) {
    this.#hasher = new AuditHasher(key)
    for (const expect of expected)
      this.#expected.set(expect.chain, {
        head: expect.head,
        checkpoints: new Map(expect.checkpoints.map((c) => [c.seq, c.hash])),
      })
  }

  /** Checks one row; rows must come in log order. */
  add(row: ScanRow): void {
    const stretch = this.#linked(row[0], row[1], row[2])
    if (stretch) this.#hashed(stretch, row[1], row[3], this.#hasher.hmac(row[2], row[4]))
  }

  /** Checks one row read as bytes (audit-copy-rows.ts); rows must come in log order. */
  addCopied(row: CopiedRow): void {
    const stretch = this.#linked(row.chain, row.chainSeq, row.prevHash)
    if (stretch) this.#hashed(stretch, row.chainSeq, row.hash, this.#hasher.hmacOfBytes(row.hashed))
  }

  /**
   * The stretch of the row's chain when the row is next in it and links to the row before; else
   * null, with the stretch marked off when the row breaks it. Only then is the row worth hashing.
   */
  #linked(chain: string, seq: number, prev: string): ChainStretch | null {
    const expect = this.#expected.get(chain)
    if (expect === undefined) {
      this.#unexpected.add(chain)
      return null
    }
    // Appended after the head was read: the walk leaves these for the next verification too.
    if (seq > expect.head.seq) return null
    let stretch = this.#stretches.get(chain)
    if (stretch === undefined) {
      stretch = {
        chain,
        first: { seq, prev },
        last: { seq: seq - 1, hash: prev },
        rows: 0,
        off: false,
      }
      this.#stretches.set(chain, stretch)
    }
    if (stretch.off) return null
    if (seq !== stretch.last.seq + 1 || prev !== stretch.last.hash) {
      stretch.off = true
      return null
    }
    return stretch
  }

  /** Takes a linked row whose HMAC, worked out here, is `computed`. */
  #hashed(stretch: ChainStretch, seq: number, hash: string, computed: string): void {
    // A plain comparison: the verdict itself says whether the hashes match, so timing hides nothing.
    const checkpoint = this.#expected.get(stretch.chain)!.checkpoints.get(seq)
    if (computed !== hash || (checkpoint !== undefined && checkpoint !== hash)) {
      stretch.off = true
      return
    }
    stretch.last = { seq, hash }
    stretch.rows++
  }

  /** What this stretch held, once every row of it has been added. */
  finish(): StretchOutcome {
    return { stretches: [...this.#stretches.values()], unexpected: [...this.#unexpected] }
  }
}

/**
 * The verdicts from the stretches of the whole log, given in log order: a chain is whole when each
 * of its stretches is, each begins where the one before ended (the next row, linked to its last
 * hash) from row 1 linked to the genesis hash, and the last ends at the head read before the pass,
 * at or past the chain's highest checkpoint.
 */
export function joinStretches(expected: ChainExpectation[], parts: StretchOutcome[]): ScanOutcome {
  const found = parts.map((part) => new Map(part.stretches.map((s) => [s.chain, s])))
  const outcome: ScanOutcome = {
    whole: [],
    walk: [...new Set(parts.flatMap((part) => part.unexpected))],
  }
  for (const expect of expected) {
    const highest = expect.checkpoints.reduce<number | null>(
      (best, c) => (best === null || c.seq > best ? c.seq : best),
      null,
    )
    // A checkpoint of row 0 names the chain's start: another start is another chain.
    let off = expect.checkpoints.some((c) => c.seq === 0 && c.hash !== GENESIS_HASH)
    let last = { seq: 0, hash: GENESIS_HASH }
    let rows = 0
    for (const stretches of found) {
      const stretch = stretches.get(expect.chain)
      if (off || stretch === undefined) continue
      if (stretch.off || stretch.first.seq !== last.seq + 1 || stretch.first.prev !== last.hash)
        off = true
      last = stretch.last
      rows += stretch.rows
    }
    const whole =
      !off &&
      last.seq === expect.head.seq &&
      last.hash === expect.head.hash &&
      (highest === null || highest <= last.seq)
    if (whole) outcome.whole.push({ chain: expect.chain, rows, checkpointSeq: highest })
    else outcome.walk.push(expect.chain)
  }
  return outcome
}
