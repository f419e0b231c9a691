/**
 * @module Audit rows as PostgreSQL's binary COPY sends them, hashed from their bytes. Read through
 * the query protocol, every field of a million rows becomes a JavaScript string, and the row's
 * canonical text is then built from those strings and encoded back to UTF-8 for the hash: most of
 * a verification's time. Binary COPY sends each text field as its UTF-8 bytes; the canonical text
 * (canonicalAuditText: JSON.stringify of the fields) is built here from those bytes, escaped
 * exactly as JSON.stringify escapes, and only the chain's name and the two hashes become strings.
 *
 * Should the bytes ever give another text than the fields' strings would (a database whose
 * encoding is not UTF-8), the row fails its hash and its chain is walked (audit-chain-scan.ts),
 * where the text is built from strings: slower, never wrong.
 */

import { CANONICAL_AUDIT_FIELDS } from './audit-hash.ts'

/** The fields a COPY of {@link AUDIT_COPY_COLUMNS} sends, by position. */
const CHAIN = 0
const CHAIN_SEQ = 1
const FIRST_TEXT = 2
const LAST_TEXT = 7
const PREV_HASH = 8
const HASH = 9
const FIELDS = 10

/** The columns a COPY must send, in this order: the canonical fields, then the two hashes. */
export const AUDIT_COPY_COLUMNS = [...CANONICAL_AUDIT_FIELDS, 'prev_hash', 'hash'] as const

/** "PGCOPY\n\377\r\n\0", then 32-bit flags and the length of a header extension. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')
const HEADER = SIGNATURE.length + 8

/** One row: where its chain stands, its links, and the bytes its hash covers (prev, then text). */
export interface CopiedRow {
  chain: string
  chainSeq: number
  prevHash: string
  hash: string
  /** The previous hash then the canonical text, as UTF-8: what the HMAC covers. */
  hashed: Buffer
}

/** An error in the stream's shape: not a COPY of {@link AUDIT_COPY_COLUMNS} in binary. */
export class CopyFormatError extends Error {
  constructor(message: string) {
    super(`audit COPY: ${message}`)
    this.name = 'CopyFormatError'
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const HEX = '0123456789abcdef'
/** JSON.stringify's short escapes: \b \t \n \f \r. */
const SHORT: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 }

/**
 * Reads the chunks of a binary COPY of {@link AUDIT_COPY_COLUMNS} (cut anywhere), and hands each
 * row to `onRow`. The buffer a row's `hashed` points into is reused for the next row.
 */
export class AuditCopyReader {
  readonly #onRow: (row: CopiedRow) => void
  #pending: Buffer = Buffer.alloc(0)
  #headerRead = false
  #ended = false
  readonly #starts = new Int32Array(FIELDS)
  readonly #lengths = new Int32Array(FIELDS)
  #out = Buffer.alloc(4096)

  constructor(onRow: (row: CopiedRow) => void) {
    this.#onRow = onRow
  }

  /** Takes the next chunk of the stream. */
  push(chunk: Buffer): void {
    if (this.#ended) throw new CopyFormatError('data after the end of the rows')
    const buffer = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk
    let at = 0
    if (!this.#headerRead) {
      if (buffer.length < HEADER) return void (this.#pending = buffer)
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE))
        throw new CopyFormatError('not a binary COPY')
      const extension = buffer.readUInt32BE(SIGNATURE.length + 4)
      if (buffer.length < HEADER + extension) return void (this.#pending = buffer)
      at = HEADER + extension
      this.#headerRead = true
    }
    for (;;) {
      const next = this.#row(buffer, at)
      if (next < 0) break
      at = next
      if (this.#ended) break
    }
    this.#pending = at === buffer.length ? Buffer.alloc(0) : buffer.subarray(at)
  }

  /** Ends the stream: every row must have come, and the trailer after them. */
  end(): void {
    if (!this.#ended || this.#pending.length > 0)
      throw new CopyFormatError('the stream ended inside a row or before its trailer')
  }

  /** Reads the row at `at`; answers where the next begins, or -1 if the row is not all here. */
  #row(buffer: Buffer, at: number): number {
    if (buffer.length < at + 2) return -1
    const count = buffer.readInt16BE(at)
    if (count === -1) {
      this.#ended = true
      return at + 2
    }
    if (count !== FIELDS) throw new CopyFormatError(`a row of ${count} fields, not ${FIELDS}`)
    let field = at + 2
    for (let i = 0; i < FIELDS; i++) {
      if (buffer.length < field + 4) return -1
      const length = buffer.readInt32BE(field)
      this.#starts[i] = field + 4
      this.#lengths[i] = length
      field += 4 + Math.max(length, 0)
      if (buffer.length < field) return -1
    }
    this.#onRow(this.#copied(buffer))
    return field
  }

  #text(buffer: Buffer, i: number): string {
    const length = this.#lengths[i]!
    if (length < 0) throw new CopyFormatError(`field ${AUDIT_COPY_COLUMNS[i]} is null`)
    return buffer.toString('utf8', this.#starts[i], this.#starts[i]! + length)
  }

  #copied(buffer: Buffer): CopiedRow {
    const chain = this.#text(buffer, CHAIN)
    const chainSeq = this.#integer(buffer, CHAIN_SEQ)
    this.#roomForRow()
    let end = this.#raw(buffer, PREV_HASH, 0)
    // canonicalAuditText: chain '' leaves its name out (its rows were hashed before chains).
    this.#out[end++] = 0x5b
    if (chain !== '') {
      end = this.#string(buffer, CHAIN, end)
      this.#out[end++] = 0x2c
    }
    end = this.#ascii(Number.isNaN(chainSeq) ? 'null' : String(chainSeq), end)
    for (let i = FIRST_TEXT; i <= LAST_TEXT; i++) {
      this.#out[end++] = 0x2c
      end = this.#lengths[i]! < 0 ? this.#ascii('null', end) : this.#string(buffer, i, end)
    }
    this.#out[end++] = 0x5d
    return {
      chain,
      chainSeq,
      prevHash: this.#text(buffer, PREV_HASH),
      hash: this.#text(buffer, HASH),
      hashed: this.#out.subarray(0, end),
    }
  }

  /** An int4 or int8 field as a number (NaN when null, which no chain position equals). */
  #integer(buffer: Buffer, i: number): number {
    const length = this.#lengths[i]!
    if (length === 4) return buffer.readInt32BE(this.#starts[i])
    if (length === 8) return Number(buffer.readBigInt64BE(this.#starts[i]))
    if (length < 0) return Number.NaN
    throw new CopyFormatError(`field ${AUDIT_COPY_COLUMNS[i]} is ${length} bytes, not an integer`)
  }

  /**
   * Room for the row's hashed bytes at their longest: each byte of a text escaped to six (\u00XX),
   * with its quotes and comma, the number, the brackets, and the previous hash as it is.
   */
  #roomForRow(): void {
    let most = 32 + Math.max(this.#lengths[PREV_HASH]!, 0)
    for (let i = CHAIN; i <= LAST_TEXT; i++) most += 3 + 6 * Math.max(this.#lengths[i]!, 0)
    if (most > this.#out.length) this.#out = Buffer.alloc(Math.max(most, 2 * this.#out.length))
  }

  #raw(buffer: Buffer, i: number, end: number): number {
    const start = this.#starts[i]!
    const stop = start + Math.max(this.#lengths[i]!, 0)
    const out = this.#out
    for (let at = start; at < stop; at++) out[end++] = buffer[at]!
    return end
  }

  #ascii(text: string, end: number): number {
    return end + this.#out.write(text, end, 'latin1')
  }

  /** Field `i`'s bytes as a JSON string, escaped as JSON.stringify escapes (UTF-8 passes as is). */
  #string(buffer: Buffer, i: number, end: number): number {
    const start = this.#starts[i]!
    const stop = start + this.#lengths[i]!
    const out = this.#out
    out[end++] = QUOTE
    // Byte by byte: a field is a few dozen bytes, and Buffer.copy costs more per call than that.
    for (let at = start; at < stop; at++) {
      const byte = buffer[at]!
      if (byte >= 0x20 && byte !== QUOTE && byte !== BACKSLASH) {
        out[end++] = byte
        continue
      }
      out[end++] = BACKSLASH
      const short = byte === QUOTE || byte === BACKSLASH ? byte : SHORT[byte]
      if (short !== undefined) out[end++] = short
      else {
        // \u00XX in lower case, as JSON.stringify writes it.
        out[end++] = 0x75
        out[end++] = 0x30
        out[end++] = 0x30
        out[end++] = HEX.charCodeAt(byte >> 4)
        out[end++] = HEX.charCodeAt(byte & 15)
      }
    }
    out[end++] = QUOTE
    return end
  }
}
