/**
 * @module Turns an uploaded table into indicator values and a row-by-row report. Two layouts,
 * told apart by the header row:
 *
 * - **wide** — `单位` (unit id or name), `期间` (period), then one column per input, headed by
 *   its id or Chinese name, optionally followed by its unit of measure: `县域内就诊人次（人次）`.
 *   An empty cell is "not reported", never an error.
 * - **long** — `单位`, `期间`, `指标` (input id or name) and `数值`, one value per row.
 *
 * `单位名称`, `指标名称`, `计量单位` and `备注` columns may sit alongside and are not read.
 * Everything is checked (header, units and the user's right to write them, periods against each
 * input's frequency, values against their type's range, repeats within the file) and every
 * problem is reported with its row and column. A header problem or an empty file is `fatal`:
 * nothing can be imported. Pure and synchronous, so 100,000 values check in well under a second.
 */
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import type { EntryInput } from '../inputs.ts'
import type { EntryIssueCode, EntryResolver } from '../entry-context.ts'
import type { NewIndicatorValue } from '../value-store.ts'
import type { Cell, Table } from './parse-table.ts'

export type ImportLayout = 'wide' | 'long'

export type ImportIssueCode =
  | EntryIssueCode
  | 'empty-file'
  | 'no-data'
  | 'unknown-column'
  | 'duplicate-column'
  | 'missing-column'
  | 'unit-mismatch'
  | 'mixed-layout'
  | 'no-header'

/** One refused row, or one refused cell of a wide row. */
export interface RejectedEntry {
  /** The spreadsheet row number. */
  row: number
  /** The spreadsheet column letter (`C`), when one cell is at fault. */
  column?: string
  /** The column's header text. */
  header?: string
  unit?: string
  period?: string
  input?: string
  code: ImportIssueCode
  /** Starts with the place: `第 5 行 C 列：…` / `Row 5, column C: …`. */
  message: LocalizedText
  /** The validation rule the value breaks (`rule-violated`). */
  rule?: { id: string; severity: 'error' | 'warning'; message: LocalizedText }
}

/** Where an accepted value was read: its row and, in a wide table, its column. */
export interface ValuePlace {
  row: number
  column?: string
}

export interface ImportReport {
  layout: ImportLayout | null
  /** Data rows read (non-empty rows after the header). */
  rows: number
  accepted: NewIndicatorValue[]
  /** Where each accepted value was read, index for index. */
  places: ValuePlace[]
  rejected: RejectedEntry[]
  /** True when the file as a whole cannot be imported (header problems, no data). */
  fatal: boolean
}

type Role = 'unit' | 'period' | 'element' | 'value' | 'ignored'

/** Header words of the fixed columns (compared without spaces, case-insensitively). */
const ROLE_HEADERS: Record<string, Role> = {
  单位: 'unit',
  unit: 'unit',
  单位编号: 'unit',
  填报单位: 'unit',
  unitid: 'unit',
  期间: 'period',
  period: 'period',
  统计期间: 'period',
  报告期: 'period',
  指标: 'element',
  element: 'element',
  数据项: 'element',
  input: 'element',
  indicator: 'element',
  指标编号: 'element',
  数值: 'value',
  value: 'value',
  值: 'value',
  数据: 'value',
  单位名称: 'ignored',
  unitname: 'ignored',
  指标名称: 'ignored',
  elementname: 'ignored',
  计量单位: 'ignored',
  备注: 'ignored',
  note: 'ignored',
  notes: 'ignored',
}

/** Columns of unit names, read as the unit column when a file has no 单位 column. */
const UNIT_NAME_HEADERS = new Set(['单位名称', 'unitname'])

const ROLE_NAMES: Record<'unit' | 'period' | 'element' | 'value', string> = {
  unit: '单位',
  period: '期间',
  element: '指标',
  value: '数值',
}

interface Columns {
  unit?: number
  period?: number
  element?: number
  value?: number
  inputs: Array<{ index: number; input: EntryInput; header: string }>
  /** Columns without a header: data under them is an error. */
  blank: number[]
}

/**
 * Checks a table and returns the values to store and every problem.
 * @example importValues(table, new EntryResolver(entryContext(plan, { user }, now, 'import')))
 */
export function importValues(table: Table, resolver: EntryResolver): ImportReport {
  const [header, ...data] = table.rows
  if (!header)
    return fatal(null, 0, [
      {
        row: 1,
        code: 'empty-file',
        message: {
          zh: '文件是空的：第 1 行应为表头（单位、期间、各数据项）',
          en: 'The file is empty: row 1 should be the header (unit, period, the inputs)',
        },
      },
    ])
  const read = readHeader(header.cells, header.row, resolver)
  if (read.problems.length > 0) return fatal(read.layout, data.length, read.problems)
  if (data.length === 0) {
    return fatal(read.layout, 0, [
      {
        row: header.row,
        code: 'no-data',
        message: at(header.row, undefined, {
          zh: '只有表头，没有数据行',
          en: 'there is a header but no data rows',
        }),
      },
    ])
  }
  const report =
    read.layout === 'wide'
      ? importWide(data, read.columns, resolver)
      : importLong(data, read.columns, resolver)
  if (report.accepted.length === 0 && report.rejected.length === 0) {
    return fatal(report.layout, report.rows, [
      {
        row: header.row,
        code: 'no-data',
        message: at(header.row, undefined, {
          zh: '文件中没有填写任何数值',
          en: 'the file holds no values',
        }),
      },
    ])
  }
  return report
}

function readHeader(
  cells: readonly Cell[],
  row: number,
  resolver: EntryResolver,
): { layout: ImportLayout | null; columns: Columns; problems: RejectedEntry[] } {
  const columns: Columns = { inputs: [], blank: [] }
  const problems: RejectedEntry[] = []
  const seenInputs = new Map<string, number>()
  let unitNameColumn: number | undefined
  const problem = (
    index: number,
    code: ImportIssueCode,
    message: LocalizedText,
    extra: Partial<RejectedEntry> = {},
  ) =>
    problems.push({
      row,
      column: columnLetter(index),
      header: headerText(cells[index]),
      code,
      message: at(row, index, message),
      ...extra,
    })
  cells.forEach((cell, index) => {
    const text = headerText(cell)
    if (text === '') return void columns.blank.push(index)
    const key = text.replace(/\s+/g, '').toLowerCase()
    const role =
      ROLE_HEADERS[key] ?? ROLE_HEADERS[stripParenthetical(text).replace(/\s+/g, '').toLowerCase()]
    if (role === 'ignored') {
      if (UNIT_NAME_HEADERS.has(key)) unitNameColumn ??= index
      return
    }
    if (role) {
      if (columns[role] !== undefined)
        return void problem(index, 'duplicate-column', {
          zh: `「${ROLE_NAMES[role]}」列出现了两次（另见 ${columnLetter(columns[role])} 列）`,
          en: `the ${role} column appears twice (also column ${columnLetter(columns[role])})`,
        })
      columns[role] = index
      return
    }
    const matched = matchInputHeader(text, resolver)
    if (!matched.ok) return void problem(index, matched.code, matched.message)
    const earlier = seenInputs.get(matched.input.id)
    if (earlier !== undefined)
      return void problem(
        index,
        'duplicate-column',
        {
          zh: `${matched.input.name}（${matched.input.id}）出现了两列（另见 ${columnLetter(earlier)} 列）`,
          en: `${matched.input.id} has two columns (also column ${columnLetter(earlier)})`,
        },
        { input: matched.input.id },
      )
    seenInputs.set(matched.input.id, index)
    columns.inputs.push({ index, input: matched.input, header: text })
  })
  // A file with only the template's 单位名称 column names its units there: read it as the unit.
  if (columns.unit === undefined && unitNameColumn !== undefined) columns.unit = unitNameColumn
  const long = columns.element !== undefined || columns.value !== undefined
  const layout: ImportLayout | null = long ? 'long' : columns.inputs.length > 0 ? 'wide' : null
  const missing = (role: 'unit' | 'period' | 'element' | 'value') => {
    if (columns[role] === undefined) {
      problems.push({
        row,
        code: 'missing-column',
        message: at(row, undefined, {
          zh: `缺少「${ROLE_NAMES[role]}」列`,
          en: `the ${role} column (${ROLE_NAMES[role]}) is missing`,
        }),
      })
    }
  }
  missing('unit')
  missing('period')
  if (long) {
    missing('element')
    missing('value')
    for (const column of columns.inputs) {
      problem(
        column.index,
        'mixed-layout',
        {
          zh: '长表（单位、期间、指标、数值）不能再有数据项列；请二选一',
          en: 'a long table (unit, period, element, value) cannot also have input columns; use one layout',
        },
        { input: column.input.id },
      )
    }
  } else if (columns.inputs.length === 0) {
    problems.push({
      row,
      code: 'missing-column',
      message: at(row, undefined, {
        zh: '没有数据项列：宽表每列一个数据项（编号或名称），或用长表（单位、期间、指标、数值）',
        en: 'no input columns: a wide table has one column per input (id or name); a long table has unit, period, element, value',
      }),
    })
  }
  return { layout, columns, problems }
}

/** An input header: its id or name, optionally followed by its unit of measure in parentheses. */
function matchInputHeader(
  text: string,
  resolver: EntryResolver,
): { ok: true; input: EntryInput } | { ok: false; code: ImportIssueCode; message: LocalizedText } {
  const whole = resolver.input(text)
  if (whole.ok) return { ok: true, input: whole.value }
  const match = /^(.*?)\s*[（(]\s*([^（）()]*)\s*[)）]$/.exec(text)
  if (match) {
    const stripped = resolver.input(match[1]!)
    if (stripped.ok) {
      const input = stripped.value
      const unit = match[2]!.trim()
      if (input.unit === null || unit === input.unit || unit === '') return { ok: true, input }
      return {
        ok: false,
        code: 'unit-mismatch',
        message: {
          zh: `列「${text}」的计量单位是「${unit}」，而 ${input.name}（${input.id}）以「${input.unit}」填报；请换算后填写，并把表头改为「${input.name}（${input.unit}）」`,
          en: `column "${text}" is in ${unit}, but ${input.id} is entered in ${input.unit}; convert the values and head the column "${input.name}（${input.unit}）"`,
        },
      }
    }
  }
  const hint = resolver.suggestInput(match ? match[1]! : text)
  return {
    ok: false,
    code: 'unknown-column',
    message: { zh: `不认识的列「${text}」${hint.zh}`, en: `unknown column "${text}"${hint.en}` },
  }
}

function importWide(rows: Table['rows'], columns: Columns, resolver: EntryResolver): ImportReport {
  const { planId, enteredBy, enteredAt, source } = resolver.context
  const candidates: Candidate[] = []
  const rejected: RejectedEntry[] = []
  const unitColumn = columns.unit!
  const periodColumn = columns.period!
  for (const { row, cells } of rows) {
    for (const index of columns.blank) {
      if (!isEmpty(cells[index]))
        rejected.push({
          row,
          column: columnLetter(index),
          code: 'no-header',
          message: at(row, index, {
            zh: '该列没有表头，数据无法归入任何数据项',
            en: 'this column has no header, so its data belongs to no input',
          }),
        })
    }
    const filled = columns.inputs.filter((column) => !isEmpty(cells[column.index]))
    if (filled.length === 0) continue // a unit with nothing reported this time
    // Every problem of the row is reported at once, so one round of corrections fixes it.
    const unit = resolver.unit(cells[unitColumn])
    if (!unit.ok)
      rejected.push({
        row,
        column: columnLetter(unitColumn),
        unit: text(cells[unitColumn]),
        code: unit.code,
        message: at(row, unitColumn, unit.message),
      })
    const period = resolver.period(cells[periodColumn])
    if (!period.ok)
      rejected.push({
        row,
        column: columnLetter(periodColumn),
        ...(unit.ok ? { unit: unit.value } : {}),
        period: text(cells[periodColumn]),
        code: period.code,
        message: at(row, periodColumn, period.message),
      })
    for (const { index, input } of filled) {
      const where = {
        row,
        column: columnLetter(index),
        ...(unit.ok ? { unit: unit.value } : {}),
        ...(period.ok ? { period: period.value.text } : {}),
        input: input.id,
      }
      const fits = period.ok ? resolver.periodFits(input, period.value) : undefined
      if (fits && !fits.ok) {
        rejected.push({ ...where, code: fits.code, message: at(row, index, fits.message) })
        continue
      }
      const value = resolver.value(input, cells[index])
      if (!value.ok) {
        rejected.push({ ...where, code: value.code, message: at(row, index, value.message) })
        continue
      }
      if (!unit.ok || !period.ok) continue
      candidates.push({
        row,
        index,
        input,
        value: {
          plan_id: planId,
          element_id: input.id,
          unit_id: unit.value,
          period: period.value.text,
          value: value.value,
          source,
          task_id: null,
          entered_by: enteredBy,
          entered_at: enteredAt,
        },
      })
    }
  }
  return settle('wide', rows.length, candidates, rejected)
}

function importLong(rows: Table['rows'], columns: Columns, resolver: EntryResolver): ImportReport {
  const { planId, enteredBy, enteredAt, source } = resolver.context
  const candidates: Candidate[] = []
  const rejected: RejectedEntry[] = []
  const [unitColumn, periodColumn, elementColumn, valueColumn] = [
    columns.unit!,
    columns.period!,
    columns.element!,
    columns.value!,
  ]
  for (const { row, cells } of rows) {
    for (const index of columns.blank) {
      if (!isEmpty(cells[index]))
        rejected.push({
          row,
          column: columnLetter(index),
          code: 'no-header',
          message: at(row, index, { zh: '该列没有表头', en: 'this column has no header' }),
        })
    }
    // Every problem of the row is reported at once, so one round of corrections fixes it.
    const unit = resolver.unit(cells[unitColumn])
    if (!unit.ok)
      rejected.push({
        row,
        column: columnLetter(unitColumn),
        unit: text(cells[unitColumn]),
        code: unit.code,
        message: at(row, unitColumn, unit.message),
      })
    const input = resolver.input(cells[elementColumn])
    if (!input.ok)
      rejected.push({
        row,
        column: columnLetter(elementColumn),
        ...(unit.ok ? { unit: unit.value } : {}),
        input: text(cells[elementColumn]),
        code: input.code,
        message: at(row, elementColumn, input.message),
      })
    const where = {
      row,
      ...(unit.ok ? { unit: unit.value } : {}),
      ...(input.ok ? { input: input.value.id } : {}),
    }
    const period = resolver.period(cells[periodColumn])
    const fits = period.ok && input.ok ? resolver.periodFits(input.value, period.value) : period
    if (!fits.ok)
      rejected.push({
        ...where,
        column: columnLetter(periodColumn),
        period: text(cells[periodColumn]),
        code: fits.code,
        message: at(row, periodColumn, fits.message),
      })
    if (!input.ok) continue
    const value = resolver.value(input.value, cells[valueColumn])
    if (!value.ok) {
      rejected.push({
        ...where,
        column: columnLetter(valueColumn),
        ...(fits.ok ? { period: fits.value.text } : {}),
        code: value.code,
        message: at(row, valueColumn, value.message),
      })
      continue
    }
    if (!unit.ok || !fits.ok) continue
    candidates.push({
      row,
      index: undefined,
      input: input.value,
      value: {
        plan_id: planId,
        element_id: input.value.id,
        unit_id: unit.value,
        period: fits.value.text,
        value: value.value,
        source,
        task_id: null,
        entered_by: enteredBy,
        entered_at: enteredAt,
      },
    })
  }
  return settle('long', rows.length, candidates, rejected)
}

/** A value that passed its own checks, before repeats and its row's other cells are weighed. */
interface Candidate {
  row: number
  /** Its column (wide layout); a long row is one value. */
  index: number | undefined
  input: EntryInput
  value: NewIndicatorValue
}

/**
 * Weighs the values that passed their own checks against each other and their rows:
 * - the same unit, period and input twice: with the same value, the first stands and the repeat
 *   is reported; with different values nobody can tell which is right, so both are refused;
 * - a row with any refused cell is refused whole, so a rate's new numerator is never stored over
 *   an old denominator (the report lists what is wrong in the row; its other cells wait for the
 *   corrected row).
 */
function settle(
  layout: ImportLayout,
  rows: number,
  candidates: Candidate[],
  rejected: RejectedEntry[],
): ImportReport {
  const byKey = new Map<string, Candidate[]>()
  for (const candidate of candidates) {
    const key = `${candidate.value.unit_id}\u0000${candidate.value.period}\u0000${candidate.value.element_id}`
    const same = byKey.get(key)
    if (same) same.push(candidate)
    else byKey.set(key, [candidate])
  }
  const refused = new Set<Candidate>()
  for (const same of byKey.values()) {
    if (same.length === 1) continue
    const agree = same.every((candidate) => candidate.value.value === same[0]!.value.value)
    for (const [position, candidate] of same.entries()) {
      if (agree && position === 0) continue
      refused.add(candidate)
      const { row, index, input, value } = candidate
      const others = same.filter((other) => other !== candidate).map((other) => other.row)
      rejected.push({
        row,
        ...(index === undefined ? {} : { column: columnLetter(index) }),
        unit: value.unit_id,
        period: value.period,
        input: input.id,
        code: 'duplicate',
        message: at(
          row,
          index,
          agree ? repeatOf(same[0]!.row, input, value) : conflictWith(others, input, value),
        ),
      })
    }
  }
  const badRows = new Set(rejected.map((entry) => entry.row))
  const kept = candidates.filter(
    (candidate) => !refused.has(candidate) && !badRows.has(candidate.row),
  )
  sortRejected(rejected)
  return {
    layout,
    rows,
    rejected,
    fatal: false,
    accepted: kept.map((candidate) => candidate.value),
    places: kept.map(({ row, index }) =>
      index === undefined ? { row } : { row, column: columnLetter(index) },
    ),
  }
}

/** Sorts refusals by row, then column. */
export function sortRejected(rejected: RejectedEntry[]): void {
  rejected.sort(
    (a, b) =>
      a.row - b.row ||
      (a.column ?? '').length - (b.column ?? '').length ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  )
}

function repeatOf(first: number, input: EntryInput, value: NewIndicatorValue): LocalizedText {
  return {
    zh: `与第 ${first} 行重复：${value.unit_id} ${value.period} 的${input.name}（${input.id}）已在该行填写同一数值，此处不再导入`,
    en: `repeats row ${first}: ${input.id} of ${value.unit_id} for ${value.period} is already there with the same value; this one is not imported`,
  }
}

function conflictWith(
  others: number[],
  input: EntryInput,
  value: NewIndicatorValue,
): LocalizedText {
  const rows = others.join('、')
  return {
    zh: `与第 ${rows} 行矛盾：${value.unit_id} ${value.period} 的${input.name}（${input.id}）填了不同的数值，无法判断哪个正确，均不导入`,
    en: `conflicts with row ${others.join(', ')}: ${input.id} of ${value.unit_id} for ${value.period} has different values, so neither is imported`,
  }
}

/** Prefixes a message with its place: `第 5 行 C 列：` / `Row 5, column C: `. */
function at(row: number, index: number | undefined, message: LocalizedText): LocalizedText {
  const column = index === undefined ? undefined : columnLetter(index)
  return {
    zh: `第 ${row} 行${column ? ` ${column} 列` : ''}：${message.zh}`,
    en: `Row ${row}${column ? `, column ${column}` : ''}: ${message.en}`,
  }
}

function fatal(layout: ImportLayout | null, rows: number, problems: RejectedEntry[]): ImportReport {
  return { layout, rows, accepted: [], places: [], rejected: problems, fatal: true }
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

function headerText(cell: Cell | undefined): string {
  return cell === null || cell === undefined || typeof cell === 'object'
    ? ''
    : String(cell).replace(/\s+/g, ' ').trim()
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'object') return 'date' in cell ? cell.date : cell.error
  return String(cell).trim()
}

function stripParenthetical(text: string): string {
  return text.replace(/\s*[（(][^（）()]*[)）]$/, '')
}
