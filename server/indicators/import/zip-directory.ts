/**
 * @module Reads a zip file's central directory — the list of its entries with their packed and
 * unpacked sizes — from the bytes, without unpacking anything (APPNOTE.TXT §4.3.12–4.3.16,
 * with the Zip64 records of §4.3.14–4.3.15 and the extra field of §4.5.3). An .xlsx is a zip;
 * this is how an upload's unpacked size is known before a byte of it is inflated.
 *
 * The sizes are what the file *declares*. `inspect-xlsx.ts` holds the entries to them while
 * inflating, so a file that lies gets no further than one that tells the truth.
 */

/** One entry of the central directory. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated; others are not read. */
  method: number
  /** General purpose flags: bit 0 is encryption. */
  flags: number
  compressedSize: number
  uncompressedSize: number
  /** Where the entry's local header starts. */
  localOffset: number
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; problem: 'not-a-zip' | 'too-many-entries'; entries?: number }

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const MAX_COMMENT = 0xffff

/**
 * The entries of a zip, or why they cannot be listed.
 * @param maxEntries more declared entries than this are refused before any is read
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  try {
    return readDirectory(bytes, maxEntries)
  } catch {
    // A length or offset pointing past the end of the file: a damaged or crafted zip.
    return { ok: false, problem: 'not-a-zip' }
  }
}

function readDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = findEndRecord(view)
  if (end === undefined) return { ok: false, problem: 'not-a-zip' }
  let count = view.getUint16(end + 10, true)
  let size = view.getUint32(end + 12, true)
  let offset = view.getUint32(end + 16, true)
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64End(view, end)
    if (!zip64) return { ok: false, problem: 'not-a-zip' }
    ;({ count, size, offset } = zip64)
  }
  if (count > maxEntries) return { ok: false, problem: 'too-many-entries', entries: count }
  if (offset + size > end) return { ok: false, problem: 'not-a-zip' }
  const entries: ZipEntry[] = []
  let at = offset
  for (let index = 0; index < count; index++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== CENTRAL_HEADER)
      return { ok: false, problem: 'not-a-zip' }
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const next = at + 46 + nameLength + extraLength + commentLength
    if (next > offset + size) return { ok: false, problem: 'not-a-zip' }
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    }
    if (!applyZip64Extra(view, at + 46 + nameLength, extraLength, entry))
      return { ok: false, problem: 'not-a-zip' }
    entries.push(entry)
    at = next
  }
  return { ok: true, entries }
}

/** The bytes of an entry as stored (packed), found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return undefined
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  return end <= bytes.length ? bytes.subarray(start, end) : undefined
}

/** The end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KB. */
function findEndRecord(view: DataView): number | undefined {
  const last = view.byteLength - 22
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (
      view.getUint32(at, true) === EOCD &&
      at + 22 + view.getUint16(at + 20, true) === view.byteLength
    )
      return at
  }
  return undefined
}

function readZip64End(
  view: DataView,
  end: number,
): { count: number; size: number; offset: number } | undefined {
  const locator = end - 20
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return undefined
  const record = safeNumber(view.getBigUint64(locator + 8, true))
  if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_EOCD) return undefined
  return {
    count: safeNumber(view.getBigUint64(record + 32, true)),
    size: safeNumber(view.getBigUint64(record + 40, true)),
    offset: safeNumber(view.getBigUint64(record + 48, true)),
  }
}

/** Replaces the 32-bit sizes marked 0xFFFFFFFF with the Zip64 extra field's 64-bit ones. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): boolean {
  const wanted = (['uncompressedSize', 'compressedSize', 'localOffset'] as const).filter(
    (field) => entry[field] === 0xffffffff,
  )
  if (wanted.length === 0) return true
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true)
    const size = view.getUint16(at + 2, true)
    if (id === 0x0001) {
      if (size < wanted.length * 8) return false
      wanted.forEach(
        (field, index) => (entry[field] = safeNumber(view.getBigUint64(at + 4 + index * 8, true))),
      )
      return true
    }
    at += 4 + size
  }
  return false
}

/** A 64-bit size as a number; beyond 2^53 it is absurd anyway, and stays above any limit. */
function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value)
}
