/**
 * @module The checks a .docx passes before a Word reader sees it. A .docx is a zip, and a zip
 * packs text at up to a thousand to one, so (as for an .xlsx, `indicators/import/inspect-xlsx.ts`):
 *
 * 1. {@link checkDocxDirectory} reads the central directory only, and refuses too many parts, a
 *    part or a total that unpacks too large, and a compression ratio no document has.
 * 2. {@link verifyDocxEntries} (in the worker) inflates each part with its declared size as a
 *    hard limit, so a file that understates a size is refused the moment it passes it.
 */
import { inflateRawSync } from 'node:zlib'
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import { entryData, readZipDirectory } from '../../indicators/import/zip-directory.ts'
import type { ZipEntry } from '../../indicators/import/zip-directory.ts'

const MiB = 2 ** 20

export interface DocxLimits {
  /** Parts in the zip (a document has a dozen or two, plus its images). */
  maxEntries: number
  /** Unpacked bytes of one part. */
  maxEntryBytes: number
  /** Unpacked bytes of all parts together. */
  maxTotalBytes: number
  /** Unpacked ÷ packed size of a part over {@link ratioFloorBytes} (Word's XML packs 5–20 to 1). */
  maxRatio: number
  ratioFloorBytes: number
}

/** The limits for an upload: generous for any real policy document of ≤ 8 MB. */
export const DOCX_LIMITS: DocxLimits = {
  maxEntries: 1000,
  maxEntryBytes: 32 * MiB,
  maxTotalBytes: 64 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
}

/** Why a .docx is not read: `too-large` (413) or `unreadable` (422). */
export type DocxFailure = { ok: false; reason: 'too-large' | 'unreadable'; message: LocalizedText }

/** The parts of a .docx, or why it is refused, from its central directory alone. */
export function checkDocxDirectory(
  bytes: Uint8Array,
  limits: DocxLimits = DOCX_LIMITS,
): { ok: true; entries: ZipEntry[] } | DocxFailure {
  const directory = readZipDirectory(bytes, limits.maxEntries)
  if (!directory.ok) {
    if (directory.problem === 'not-a-zip') return unreadable()
    return tooLarge({
      zh: `文件内含 ${directory.entries ?? 0} 个部件，超过上限 ${limits.maxEntries} 个，不像 Word 文档，未读取`,
      en: `The file holds ${directory.entries ?? 0} parts, more than ${limits.maxEntries}; it is not like a Word document and was not read`,
    })
  }
  if (!directory.entries.some((entry) => entry.name === 'word/document.xml')) return unreadable()
  let total = 0
  for (const entry of directory.entries) {
    if (entry.flags & 1) return unreadable()
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      return tooLarge({
        zh: `文件解压后过大：其中「${entry.name}」有 ${mib(entry.uncompressedSize)}，超过上限 ${mib(limits.maxEntryBytes)}，未读取`,
        en: `The file unpacks too large: "${entry.name}" is ${mib(entry.uncompressedSize)}, over the ${mib(limits.maxEntryBytes)} limit; it was not read`,
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
      zh: `文件解压后共 ${mib(total)}，超过上限 ${mib(limits.maxTotalBytes)}，未读取`,
      en: `The file unpacks to ${mib(total)} in all, over the ${mib(limits.maxTotalBytes)} limit; it was not read`,
    })
  }
  return { ok: true, entries: directory.entries }
}

/**
 * Inflates every part, each bounded by its declared size.
 * @returns the failure for a part that is larger (or smaller) than it declares, or undefined
 */
export function verifyDocxEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
): DocxFailure | undefined {
  for (const entry of entries) {
    const data = entryData(bytes, entry)
    if (!data) return unreadable()
    let size: number
    if (entry.method === 0) {
      size = data.length
    } else if (entry.method === 8) {
      try {
        // The declared size is a hard limit: zlib stops with an error once the output passes it.
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) }).length
      } catch {
        return mismatch(entry)
      }
    } else {
      return unreadable()
    }
    if (size !== entry.uncompressedSize) return mismatch(entry)
  }
  return undefined
}

function mismatch(entry: ZipEntry): DocxFailure {
  return unreadable({
    zh: `文件内「${entry.name}」的实际内容与其声明的大小（${mib(entry.uncompressedSize)}）不符，文件已损坏或被篡改，未读取`,
    en: `"${entry.name}" in the file does not match its declared size (${mib(entry.uncompressedSize)}); the file is damaged or crafted and was not read`,
  })
}

/** The failure for a file that is not a readable .docx. */
export function unreadable(
  message: LocalizedText = {
    zh: '无法读取该 .docx 文件（可能已损坏、加密，或不是 Word 文档）：请在 Word 或 WPS 中重新另存为 .docx，或另存为纯文本（.txt，UTF-8）后上传',
    en: 'The .docx file cannot be read (damaged, encrypted, or not a Word document): save it again as .docx in Word or WPS, or save it as plain text (.txt, UTF-8), and upload that',
  },
): DocxFailure {
  return { ok: false, reason: 'unreadable', message }
}

function tooLarge(message: LocalizedText): DocxFailure {
  return { ok: false, reason: 'too-large', message }
}

function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MB`
}
