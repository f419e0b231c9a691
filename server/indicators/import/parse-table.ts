/**
 * @module Reads an uploaded spreadsheet into rows of cells with their spreadsheet row numbers:
 * CSV (UTF-8 with or without BOM, GB18030 as Excel on Chinese Windows saves it, UTF-16 "Unicode
 * text"; comma, tab or semicolon separated) and .xlsx (the first worksheet). The format comes
 * from the file's first bytes, then its Content-Type, then its name. CSV cells stay text, so a
 * decimal is never rounded on the way in; .xlsx cells keep their type: numbers, text, booleans,
 * dates and error values, formulas as their cached result, rich text as its plain text, and a
 * percent-formatted number (0.9024 shown as 90.24%) as the text `90.24%`.
 */
import { Decimal } from 'decimal.js'
import ExcelJS from 'exceljs'
import type { CellValue } from 'exceljs'
import { parse } from 'csv-parse/sync'
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import type { TableFailure } from './table-failure.ts'
import { checkZipDirectory, unreadable, verifyXlsxEntries } from './inspect-xlsx.ts'

/** A date-formatted cell (`2021-03-01`): never a valid value, but a period column may hold one. */
export interface DateCell {
  date: string
}

/** An error value (`#DIV/0!`), or `#NO-RESULT` for a formula saved without its result. */
export interface ErrorCell {
  error: string
}

export type Cell = string | number | boolean | null | DateCell | ErrorCell

export interface TableRow {
  /** The 1-based row number the spreadsheet shows (the header is row 1 in a typical file). */
  row: number
  cells: Cell[]
}

export type TableFormat = 'csv' | 'xlsx'

export interface Table {
  format: TableFormat
  /** The text encoding a CSV was read in. */
  encoding?: 'utf-8' | 'gb18030' | 'utf-16'
  /** Non-empty rows only, in order; row numbers keep the gaps. */
  rows: TableRow[]
}

export type { TableFailure } from './table-failure.ts'

export type TableResult = { ok: true; table: Table } | TableFailure

export interface TableHint {
  contentType?: string | undefined
  fileName?: string | undefined
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** Types browsers and tools send for CSV (Windows sends `application/vnd.ms-excel` for .csv). */
const CSV_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'text/plain',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
])
const NO_TYPE = new Set(['', 'application/octet-stream'])
/** The no-result marker for formulas stored without a cached value (written by code, not Excel). */
export const NO_RESULT = '#NO-RESULT'

/** The format of an upload, or why it is not accepted. */
export function detectFormat(
  bytes: Uint8Array,
  hint: TableHint = {},
): { ok: true; format: TableFormat } | TableFailure {
  const type = (hint.contentType ?? '').split(';')[0]!.trim().toLowerCase()
  const extension = /\.([a-z0-9]+)$/i.exec(hint.fileName ?? '')?.[1]?.toLowerCase() ?? ''
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { ok: true, format: 'xlsx' }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return unsupported({
      zh: '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 UTF-8 CSV 后上传',
      en: 'Old Excel (.xls) files are not supported; save as .xlsx or UTF-8 CSV and upload again',
    })
  }
  if (type === XLSX_TYPE || extension === 'xlsx') {
    return {
      ok: false,
      reason: 'unreadable',
      message: {
        zh: '文件不是有效的 .xlsx 工作簿（可能已损坏），请在 Excel 中重新保存后上传',
        en: 'The file is not a valid .xlsx workbook (it may be damaged); save it again in Excel and upload',
      },
    }
  }
  if (CSV_TYPES.has(type) || ['csv', 'txt', 'tsv'].includes(extension) || NO_TYPE.has(type))
    return { ok: true, format: 'csv' }
  return unsupported({
    zh: `不接受该文件类型（${type}）；请上传 .xlsx 或 CSV`,
    en: `File type ${type} is not accepted; upload .xlsx or CSV`,
  })
}

/**
 * Reads an upload into a table.
 * @param maxRows the most data rows (after the header) accepted
 */
export async function parseTable(
  bytes: Uint8Array,
  hint: TableHint = {},
  maxRows = Infinity,
): Promise<TableResult> {
  const detected = detectFormat(bytes, hint)
  if (!detected.ok) return detected
  const result = detected.format === 'xlsx' ? await readXlsx(bytes, maxRows) : readCsv(bytes)
  if (result.ok && result.table.rows.length - 1 > maxRows)
    return tooManyRows(result.table.rows.length - 1, maxRows)
  return result
}

function readCsv(bytes: Uint8Array): TableResult {
  const decoded = decode(bytes)
  if (!decoded) {
    return {
      ok: false,
      reason: 'encoding',
      message: {
        zh: '无法识别文件的文字编码，请在 Excel 中「另存为」UTF-8 CSV（或 .xlsx）后上传',
        en: 'The text encoding is not recognised; save the file as UTF-8 CSV (or .xlsx) and upload again',
      },
    }
  }
  if (decoded.text.includes('\u0000')) {
    return {
      ok: false,
      reason: 'unreadable',
      message: {
        zh: '文件不是文本表格，请上传 .xlsx 或 UTF-8 CSV',
        en: 'The file is not a text table; upload .xlsx or UTF-8 CSV',
      },
    }
  }
  let records: string[][]
  try {
    records = parse(decoded.text, {
      delimiter: delimiterOf(decoded.text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return {
      ok: false,
      reason: 'unreadable',
      message: {
        zh: `CSV 格式有误${line ? `（约第 ${line} 行）` : ''}：${(error as Error).message}。请检查引号是否成对`,
        en: `The CSV cannot be read${line ? ` (near line ${line})` : ''}: ${(error as Error).message}. Check that quotes are paired`,
      },
    }
  }
  const rows: TableRow[] = []
  for (let index = 0; index < records.length; index++) {
    const cells = records[index]!
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ row: index + 1, cells })
  }
  return { ok: true, table: { format: 'csv', encoding: decoded.encoding, rows } }
}

function decode(
  bytes: Uint8Array,
): { text: string; encoding: NonNullable<Table['encoding']> } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' }
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    // Excel on Chinese Windows saves "CSV" in the system code page (GBK, a subset of GB18030).
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' }
  } catch {
    return undefined
  }
}

/** The separator of the first line: comma unless tabs or semicolons clearly dominate. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n')
  const first = end === -1 ? text : text.slice(0, end)
  const count = (ch: string) => first.split(ch).length - 1
  const [comma, tab, semicolon] = [count(','), count('\t'), count(';')]
  if (tab > comma && tab >= semicolon) return '\t'
  if (semicolon > comma) return ';'
  return ','
}

/**
 * Reads the first worksheet, once the zip has passed `inspect-xlsx.ts` (unpacked sizes, ratio,
 * rows). That inspection also counts the first worksheet's rows with a value, so a file over
 * the limit is refused before it is loaded: a small .xlsx can unpack to hundreds of thousands
 * of rows, and the whole workbook in memory would hold them all. Only a file within the limit
 * is loaded whole (the workbook, not a streaming reader, keeps formula results: a `#DIV/0!`
 * would come back as "no result").
 */
async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<TableResult> {
  const directory = checkZipDirectory(bytes)
  if (!directory.ok) return directory
  const extent = verifyXlsxEntries(bytes, directory.entries)
  if (!extent.ok) return extent
  // The header is one of the rows.
  if (extent.firstSheetRows - 1 > maxRows) return tooManyRows(extent.firstSheetRows - 1, maxRows)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0])
  } catch {
    return unreadable()
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return { ok: true, table: { format: 'xlsx', rows: [] } }
  const rows: TableRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = []
    let filled = false
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = cellOf(cell.value, cell.numFmt)
      cells[column - 1] = value
      if (value !== null && value !== '') filled = true
    })
    for (let index = 0; index < cells.length; index++)
      if (cells[index] === undefined) cells[index] = null
    if (filled) rows.push({ row: rowNumber, cells })
  })
  return { ok: true, table: { format: 'xlsx', rows } }
}

/** One .xlsx cell as a plain value (see the module comment). */
export function cellOf(value: CellValue, numFmt?: string): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits; a formula's binary residue (0.30000000000000004) is noise.
    const shown = Number.isFinite(value) ? Number(value.toPrecision(15)) : value
    return numFmt && isPercentFormat(numFmt)
      ? `${new Decimal(String(shown)).times(100).toString()}%`
      : shown
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) }
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('error' in value) return { error: value.error }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result
    if (result === undefined || result === null) return { error: NO_RESULT }
    return cellOf(result, numFmt)
  }
  if ('hyperlink' in value) {
    const text = value.text as unknown
    return typeof text === 'string'
      ? text
      : text && typeof text === 'object' && 'richText' in text
        ? cellOf(text as CellValue)
        : String(text ?? '')
  }
  return String(value)
}

/** True for number formats that show a percentage (`0.00%`), ignoring quoted literal text. */
function isPercentFormat(numFmt: string): boolean {
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%')
}

function unsupported(message: LocalizedText): TableFailure {
  return { ok: false, reason: 'unsupported-type', message }
}

function tooManyRows(rows: number | string, maxRows: number): TableFailure {
  return {
    ok: false,
    reason: 'too-many-rows',
    message: {
      zh: `文件有 ${rows.toLocaleString('en-US')} 行数据，超过一次导入的上限 ${maxRows.toLocaleString('en-US')} 行；请分成几个文件上传`,
      en: `The file has ${rows.toLocaleString('en-US')} data rows, more than the ${maxRows.toLocaleString('en-US')} one import takes; split it into several files`,
    },
  }
}
