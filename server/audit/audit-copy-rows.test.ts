import { AuditCopyReader, CopyFormatError } from './audit-copy-rows.ts'
import type { CopiedRow } from './audit-copy-rows.ts'
import { canonicalAuditText, GENESIS_HASH } from './audit-hash.ts'
import type { HashedFields } from './audit-hash.ts'

type Row = HashedFields & { prev_hash: string; hash: string }

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')

/** PostgreSQL's binary COPY of rows (text as UTF-8, chain_seq as int4 or int8), as a server sends it. */
function binaryCopy(rows: Row[], seqBytes: 4 | 8 = 4, extension = Buffer.alloc(0)): Buffer {
  const text = (value: string) => {
    const bytes = Buffer.from(value, 'utf8')
    const length = Buffer.alloc(4)
    length.writeInt32BE(bytes.length)
    return [length, bytes]
  }
  const parts: Buffer[] = [SIGNATURE, Buffer.alloc(4), Buffer.alloc(4), extension]
  parts[2]!.writeUInt32BE(extension.length)
  for (const row of rows) {
    const count = Buffer.alloc(2)
    count.writeInt16BE(10)
    const seq = Buffer.alloc(4 + seqBytes)
    seq.writeInt32BE(seqBytes)
    if (seqBytes === 4) seq.writeInt32BE(row.chain_seq, 4)
    else seq.writeBigInt64BE(BigInt(row.chain_seq), 4)
    parts.push(count, ...text(row.chain), seq)
    for (const field of ['at', 'actor', 'action', 'entity', 'entity_id', 'payload'] as const)
      parts.push(...text(row[field]))
    parts.push(...text(row.prev_hash), ...text(row.hash))
  }
  const trailer = Buffer.alloc(2)
  trailer.writeInt16BE(-1)
  parts.push(trailer)
  return Buffer.concat(parts)
}

/** Every text JSON.stringify escapes, and some it does not. */
const AWKWARD = [
  'say "hi"',
  'C:\\path\\',
  'tab\there\nnew\r\b\f',
  '\u0001\u0007\u000b\u001f\u007f',
  '😀 中文，全角',
  'line\u2028sep\u2029',
  '</script>',
  '',
  JSON.stringify({ note: '第 3 次提交：材料已上传', list: ['a"b', 'c\\d'] }),
  // Longer, once escaped, than the reader's first buffer.
  '"\u0001'.repeat(2000) + '中'.repeat(2000),
]

function rowsOf(chain: string): Row[] {
  return AWKWARD.map((text, n) => ({
    chain,
    chain_seq: n + 1,
    at: '2026-12-07T10:00:00.000Z',
    actor: `user-${n}`,
    action: text,
    entity: 'task',
    entity_id: `${text}-${n}`,
    payload: text,
    prev_hash: n === 0 ? GENESIS_HASH : `${n}`.repeat(64).slice(0, 64),
    hash: 'f'.repeat(64),
  }))
}

/** The rows read back from `stream` given in pieces of `size` bytes. */
function readInPieces(stream: Buffer, size: number) {
  const read: Array<Omit<CopiedRow, 'hashed'> & { hashed: string }> = []
  const reader = new AuditCopyReader((row) =>
    read.push({ ...row, hashed: row.hashed.toString('utf8') }),
  )
  for (let at = 0; at < stream.length; at += size) reader.push(stream.subarray(at, at + size))
  reader.end()
  return read
}

describe('audit rows read from a binary COPY', () => {
  const rows = [...rowsOf(''), ...rowsOf('01a25175-8262-7000-b2b5-22e32226625f')]

  it('hashes over the previous hash and the canonical text, byte for byte, however the stream is cut', () => {
    const expected = rows.map((row) => ({
      chain: row.chain,
      chainSeq: row.chain_seq,
      prevHash: row.prev_hash,
      hash: row.hash,
      hashed: row.prev_hash + canonicalAuditText(row),
    }))
    const stream = binaryCopy(rows)
    for (const size of [1, 2, 3, 7, 19, 64, 1000, stream.length])
      expect(readInPieces(stream, size)).toEqual(expected)
  })

  it('reads a chain position sent as int8, and skips a header extension', () => {
    const [row] = rowsOf('plan')
    const read = readInPieces(binaryCopy([row!], 8, Buffer.from('ext')), 5)
    expect(read.map((r) => [r.chainSeq, r.hashed])).toEqual([
      [1, row!.prev_hash + canonicalAuditText(row!)],
    ])
  })

  it('refuses a stream that is not a binary COPY, has rows of other columns, or ends early', () => {
    const reader = () => new AuditCopyReader(() => {})
    expect(() => reader().push(Buffer.from('chain\tchain_seq\n'.repeat(3)))).toThrow(
      CopyFormatError,
    )
    const stream = binaryCopy(rowsOf('plan'))
    const cut = reader()
    cut.push(stream.subarray(0, stream.length - 10))
    expect(() => cut.end()).toThrow(/ended inside a row/)
    const narrow = Buffer.from(stream)
    narrow.writeInt16BE(9, SIGNATURE.length + 8)
    expect(() => reader().push(narrow)).toThrow(/a row of 9 fields/)
  })
})
