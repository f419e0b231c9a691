/**
 * @module The hash of an audit row: HMAC-SHA256 under the audit key over the previous row's hash
 * and the row's canonical text. {@link AuditHasher} computes exactly what `createHmac` computes
 * (RFC 2104), from the key's inner and outer pads prepared once: `createHmac` costs several
 * microseconds per call in setting up its key, which at a million rows is most of a verification
 * (and a share of every audited write). Two one-shot `hash()` calls into reused buffers do the same
 * work with no per-row setup.
 */
import { createHash, createHmac, hash } from 'node:crypto'
import type { AuditRow } from '../db/database.ts'

/** The fields a row's hash covers (what it is, where it stands in its chain). */
export type HashedFields = Pick<
  AuditRow,
  'chain' | 'chain_seq' | 'at' | 'actor' | 'action' | 'entity' | 'entity_id' | 'payload'
>

/**
 * The text a row's hash covers. Chain '' hashes its rows as the single chain did before (so old
 * rows verify unchanged); a plan's chain names itself too, so a row moved to another chain fails.
 */
export function canonicalAuditText(row: HashedFields): string {
  return JSON.stringify(
    row.chain === ''
      ? [row.chain_seq, row.at, row.actor, row.action, row.entity, row.entity_id, row.payload]
      : [
          row.chain,
          row.chain_seq,
          row.at,
          row.actor,
          row.action,
          row.entity,
          row.entity_id,
          row.payload,
        ],
  )
}

/** The fields {@link canonicalAuditText} covers, in its order (chain '' leaves out the first). */
export const CANONICAL_AUDIT_FIELDS = [
  'chain',
  'chain_seq',
  'at',
  'actor',
  'action',
  'entity',
  'entity_id',
  'payload',
] as const satisfies ReadonlyArray<keyof HashedFields>

/** The `prev_hash` of every chain's first row. */
export const GENESIS_HASH = '0'.repeat(64)

/**
 * A row as the fast verification reads it: where it stands, its links, and its canonical text
 * ({@link canonicalAuditText}, or the same text built by the database). No object per row.
 */
export type ScanRow = [
  chain: string,
  chainSeq: number,
  prevHash: string,
  hash: string,
  text: string,
]

const BLOCK = 64

/** HMAC-SHA256 under one key, with its pads prepared once and its buffers reused. */
export class AuditHasher {
  readonly #outer = Buffer.alloc(BLOCK + 32)
  #inner = Buffer.alloc(4096)

  constructor(key: Buffer) {
    // RFC 2104: a key longer than the block is hashed first; a shorter one is padded with zeros.
    const block = Buffer.alloc(BLOCK)
    ;(key.length > BLOCK ? createHash('sha256').update(key).digest() : key).copy(block)
    for (let i = 0; i < BLOCK; i++) {
      this.#inner[i] = block[i]! ^ 0x36
      this.#outer[i] = block[i]! ^ 0x5c
    }
  }

  /** The hex HMAC of `prev` then `text` (each as UTF-8), as `createHmac(…).update(prev).update(text)`. */
  hmac(prev: string, text: string): string {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: grow first, so write() never cuts the text.
    this.#roomAfterPad(3 * (prev.length + text.length))
    let end = BLOCK + this.#inner.write(prev, BLOCK, 'utf8')
    end += this.#inner.write(text, end, 'utf8')
    return this.#digest(end)
  }

  /** The hex HMAC of `bytes`: the previous hash then the canonical text, already as UTF-8. */
  hmacOfBytes(bytes: Uint8Array): string {
    this.#roomAfterPad(bytes.length)
    this.#inner.set(bytes, BLOCK)
    return this.#digest(BLOCK + bytes.length)
  }

  /** Room for `bytes` after the inner pad, the pad kept. */
  #roomAfterPad(bytes: number): void {
    if (BLOCK + bytes <= this.#inner.length) return
    const grown = Buffer.alloc(Math.max(BLOCK + bytes, 2 * this.#inner.length))
    this.#inner.copy(grown, 0, 0, BLOCK)
    this.#inner = grown
  }

  /** The HMAC over the inner pad and the `end - BLOCK` bytes written after it. */
  #digest(end: number): string {
    // The inner digest as a latin1 string, one byte a character, written back as those bytes: a
    // 'buffer' digest allocates a new backing store per call, at twice the cost of the hash.
    this.#outer.write(hash('sha256', this.#inner.subarray(0, end), 'binary'), BLOCK, 'latin1')
    return hash('sha256', this.#outer, 'hex')
  }

  /** The hash of a row whose predecessor's hash is `prev`. */
  row(prev: string, row: HashedFields): string {
    return this.hmac(prev, canonicalAuditText(row))
  }
}

let cached: { key: Buffer; hasher: AuditHasher } | undefined

/** The hasher for `key`, kept while the same key is asked for (the process's key, as a rule). */
export function hasherFor(key: Buffer): AuditHasher {
  if (!cached?.key.equals(key)) {
    // A copy: the caller may reuse or change its buffer; the cache must not change with it.
    cached = { key: Buffer.from(key), hasher: new AuditHasher(key) }
  }
  return cached.hasher
}

/** The hash of a row: HMAC-SHA256 under the audit key over the previous hash and the row's fields. */
export function auditHash(key: Buffer, prevHash: string, row: HashedFields): string {
  return hasherFor(key).row(prevHash, row)
}

/** The same through `createHmac`: the definition {@link AuditHasher} is tested against. */
export function referenceAuditHash(key: Buffer, prevHash: string, row: HashedFields): string {
  return createHmac('sha256', key).update(prevHash).update(canonicalAuditText(row)).digest('hex')
}

/** The hash rows had before the chain was keyed (plain sha256); only to check them before re-keying. */
export function unkeyedAuditHash(prevHash: string, row: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalAuditText(row)).digest('hex')
}
