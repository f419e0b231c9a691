/**
 * @module The checks an .xlsx passes before a spreadsheet reader sees it. A zip packs text at up
 * to a thousand to one: 268 KB can hold 30 million empty rows, 1 MB a 1 GB shared string, and
 * a reader that unpacks them first runs for minutes or runs out of memory. So:
 *
 * 1. {@link checkZipDirectory} reads the central directory only, and refuses too many entries,
 *    an entry or a total that unpacks too large, and a compression ratio no spreadsheet has.
 * 2. {@link verifyXlsxEntries} inflates each entry with its declared size as a hard limit (a
 *    file that understates a size is refused the moment it passes it), reads each sheet's
 *    `<dimension>` and counts its `<row>` elements against Excel's own maximum, and counts the
 *    rows of the first worksheet that hold a value, so that an import over its row limit is
 *    refused before the workbook is loaded whole.
 *
 * The reading itself then happens in a worker with a heap and a time limit (`read-upload.ts`).
 */
import { inflateRawSync } from 'node:zlib'
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import type { TableFailure } from './table-failure.ts'
import { entryData, readZipDirectory } from './zip-directory.ts'
import type { ZipEntry } from './zip-directory.ts'
import { endsTagName, firstSheetPart, partName, WORKSHEET_PART } from './xlsx-first-sheet.ts'

export interface XlsxLimits {
  /** Entries in the zip (a workbook has a dozen or two). */
  maxEntries: number
  /** Unpacked bytes of one entry. */
  maxEntryBytes: number
  /** Unpacked bytes of all entries together. */
  maxTotalBytes: number
  /** Unpacked ÷ packed size of an entry over {@link ratioFloorBytes} (sheets pack 5–30 to 1). */
  maxRatio: number
  ratioFloorBytes: number
  /** Rows a sheet may span or hold, empty ones included: Excel's own maximum. */
  maxSheetRows: number
}

const MiB = 2 ** 20

/** The limits for an upload: generous for any real workbook of ≤ 8 MB and ≤ 200,000 rows. */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 1000,
  maxEntryBytes: 96 * MiB,
  maxTotalBytes: 128 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
  maxSheetRows: 1_048_576,
}

/** The directory's entries, or a failure: `too-large` (413) or `unreadable`. */
export function checkZipDirectory(
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
): { ok: true; entries: ZipEntry[] } | TableFailure {
  const directory = readZipDirectory(bytes, limits.maxEntries)
  if (!directory.ok) {
    if (directory.problem === 'not-a-zip') return unreadable()
    return tooLarge({
      zh: `文件内含 ${count(directory.entries ?? 0)} 个部件，超过上限 ${count(limits.maxEntries)} 个，不像 Excel 工作簿，未读取`,
      en: `The file holds ${count(directory.entries ?? 0)} parts, more than ${count(limits.maxEntries)}; it is not like an Excel workbook and was not read`,
    })
  }
  let total = 0
  for (const entry of directory.entries) {
    if (entry.flags & 1) return unreadable()
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      return tooLarge({
        zh: `文件解压后过大：其中「${entry.name}」有 ${mib(entry.uncompressedSize)}，超过上限 ${mib(limits.maxEntryBytes)}；请分成几个文件上传`,
        en: `The file unpacks too large: "${entry.name}" is ${mib(entry.uncompressedSize)}, over the ${mib(limits.maxEntryBytes)} limit; split it into several files`,
      })
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      return tooLarge({
        zh: `文件压缩比异常：「${entry.name}」解压后是压缩时的 ${Math.round(ratio)} 倍（上限 ${limits.maxRatio} 倍），疑似压缩炸弹，未读取`,
        en: `The file's compression ratio is abnormal: "${entry.name}" unpacks to ${Math.round(ratio)} times its size (the limit is ${limits.maxRatio}); it looks like a zip bomb and was not read`,
      })
    }
    total += entry.uncompressedSize
  }
  if (total > limits.maxTotalBytes) {
    return tooLarge({
      zh: `文件解压后共 ${mib(total)}，超过上限 ${mib(limits.maxTotalBytes)}；请分成几个文件上传`,
      en: `The file unpacks to ${mib(total)} in all, over the ${mib(limits.maxTotalBytes)} limit; split it into several files`,
    })
  }
  return { ok: true, entries: directory.entries }
}

/** What the inflated entries showed: the rows of the first worksheet that hold a value. */
export interface XlsxExtent {
  ok: true
  firstSheetRows: number
}

/**
 * Inflates every entry, each bounded by its declared size, and checks each worksheet's extent.
 * Costs one inflate of the file (tens of milliseconds for a real workbook).
 * @returns the failure (`unreadable` for an entry larger than it declares, `too-many-rows`), or
 * the extent when the file is what its directory says
 */
export function verifyXlsxEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: XlsxLimits = XLSX_LIMITS,
): TableFailure | XlsxExtent {
  const valueRows = new Map<string, number>()
  const names = new Set<string>()
  let workbookXml = ''
  let relsXml = ''
  for (const entry of entries) {
    // The reader keys parts by name with one leading `/` taken off: two entries one part are a
    // file no spreadsheet program writes, and which of them is read is the reader's guess.
    const name = partName(entry.name)
    if (names.has(name)) return unreadable()
    names.add(name)
    const data = entryData(bytes, entry)
    if (!data) return unreadable()
    let content: Uint8Array
    if (entry.method === 0) {
      content = data
    } else if (entry.method === 8) {
      try {
        // The declared size is a hard limit: zlib stops with an error once the output passes it.
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) })
      } catch (error) {
        return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? mismatch(entry)
          : unreadable()
      }
    } else {
      return unreadable()
    }
    if (content.length !== entry.uncompressedSize) return mismatch(entry)
    const xml = Buffer.from(content.buffer, content.byteOffset, content.byteLength)
    if (WORKSHEET_PART.test(name)) {
      const extent = checkSheetExtent(xml, entry.name, limits.maxSheetRows)
      if (typeof extent !== 'number') return extent
      valueRows.set(name, extent)
    } else if (name === 'xl/workbook.xml') {
      workbookXml = xml.toString('utf8')
    } else if (name === 'xl/_rels/workbook.xml.rels') {
      relsXml = xml.toString('utf8')
    }
  }
  const first = firstSheetPart(workbookXml, relsXml, new Set(valueRows.keys()))
  // No tab the reader would read: the largest sheet, so an odd file is never counted short.
  const rows = first === undefined ? Math.max(0, ...valueRows.values()) : valueRows.get(first)!
  return { ok: true, firstSheetRows: rows }
}

/**
 * The sheet's declared `<dimension ref="A1:C30000000">`, then its `<row>` elements.
 * @returns the rows that hold a value as the reader reads it — a `<v>` or an inline string's
 * `<t>` with text in it, or a formula `<f>` — counted to the end of the part, so no comment or
 * stray `</sheetData>` ends the count early; formatted empty rows and empty cells are not counted
 * (a cell pointing to an empty shared string is, which only ever errs towards refusing)
 */
function checkSheetExtent(xml: Buffer, name: string, maxRows: number): TableFailure | number {
  const head = xml.subarray(0, 64 * 1024).toString('latin1')
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(head)?.[1]
  const lastRow = Number(/(\d+)$/.exec(ref ?? '')?.[1] ?? 0)
  if (lastRow > maxRows) {
    return tooManyRows({
      zh: `工作表「${name}」声明的范围 ${ref} 超过 Excel 的上限 ${count(maxRows)} 行，文件异常，未读取`,
      en: `Sheet "${name}" declares the range ${ref}, beyond Excel's ${count(maxRows)} rows; the file is abnormal and was not read`,
    })
  }
  const markers = [
    { tag: 'v', empty: false },
    { tag: 't', empty: false },
    { tag: 'f', empty: true },
  ].map((marker) => ({ ...marker, at: nextValue(xml, marker.tag, 0, marker.empty) }))
  let rows = 0
  let withValues = 0
  for (let at = nextTag(xml, 'row', 0); at !== -1;) {
    rows++
    if (rows > maxRows) {
      return tooManyRows({
        zh: `工作表「${name}」有超过 ${count(maxRows)} 行（含空行），超过 Excel 的上限，文件异常，未读取`,
        en: `Sheet "${name}" has more than ${count(maxRows)} rows (empty ones included), beyond Excel's maximum; the file is abnormal and was not read`,
      })
    }
    const next = nextTag(xml, 'row', at + 4)
    const rowEnd = next === -1 ? xml.length : next
    // Each marker only moves forward, so the whole part is scanned once per marker.
    let filled = false
    for (const marker of markers) {
      while (marker.at !== -1 && marker.at < at)
        marker.at = nextValue(xml, marker.tag, marker.at + 1, marker.empty)
      if (marker.at !== -1 && marker.at < rowEnd) filled = true
    }
    if (filled) withValues++
    at = next
  }
  return withValues
}

/**
 * Where the next `<tag>` with something in it starts — not `<tag/>`, not `<tag></tag>` — or any
 * `<tag …>` when `empty` counts too; -1 when there is none.
 */
function nextValue(xml: Buffer, tag: string, from: number, empty: boolean): number {
  for (let at = nextTag(xml, tag, from); at !== -1; at = nextTag(xml, tag, at + 1)) {
    if (empty) return at
    const close = xml.indexOf(0x3e, at)
    if (close === -1) return -1
    if (xml[close - 1] === 0x2f) continue
    if (xml.subarray(close + 1, close + 3 + tag.length).toString('latin1') === `</${tag}`) continue
    return at
  }
  return -1
}

/** Where the next `<name>`, `<name …>` or `<name/>` starts (not `<names…>`), or -1. */
function nextTag(xml: Buffer, name: string, from: number): number {
  const open = `<${name}`
  let at = xml.indexOf(open, from, 'latin1')
  while (at !== -1 && !endsTagName(xml[at + open.length])) at = xml.indexOf(open, at + 1, 'latin1')
  return at
}

function mismatch(entry: ZipEntry): TableFailure {
  return unreadable({
    zh: `文件内「${entry.name}」的实际内容与其声明的大小（${mib(entry.uncompressedSize)}）不符，文件已损坏或被篡改，未读取`,
    en: `"${entry.name}" in the file does not match its declared size (${mib(entry.uncompressedSize)}); the file is damaged or crafted and was not read`,
  })
}

/** An .xlsx that cannot be read: damaged, encrypted, or not what it says it is. */
export function unreadable(
  message: LocalizedText = {
    zh: '无法读取该 .xlsx 文件（可能已损坏或加密），请在 Excel 中重新保存后上传',
    en: 'The .xlsx file cannot be read (damaged or encrypted?); save it again in Excel and upload',
  },
): TableFailure {
  return { ok: false, reason: 'unreadable', message }
}

function tooLarge(message: LocalizedText): TableFailure {
  return { ok: false, reason: 'too-large', message }
}

function tooManyRows(message: LocalizedText): TableFailure {
  return { ok: false, reason: 'too-many-rows', message }
}

function mib(bytes: number): string {
  return bytes >= 10 * MiB
    ? `${Math.round(bytes / MiB).toLocaleString('en-US')} MB`
    : `${(bytes / MiB).toFixed(1)} MB`
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}
