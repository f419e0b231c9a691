/**
 * @module The import report: its types, how accepted candidates are weighed against each other
 * and their rows, and how refusals are placed and worded.
 */
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import type { EntryInput } from '../inputs.ts'
import type { EntryIssueCode } from '../entry-context.ts'
import type { NewIndicatorValue } from '../value-store.ts'

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

/** A value that passed its own checks, before repeats and its row's other cells are weighed. */
export interface Candidate {
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
export function settle(
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
export function at(row: number, index: number | undefined, message: LocalizedText): LocalizedText {
  const column = index === undefined ? undefined : columnLetter(index)
  return {
    zh: `第 ${row} 行${column ? ` ${column} 列` : ''}：${message.zh}`,
    en: `Row ${row}${column ? `, column ${column}` : ''}: ${message.en}`,
  }
}

export function fatal(
  layout: ImportLayout | null,
  rows: number,
  problems: RejectedEntry[],
): ImportReport {
  return { layout, rows, accepted: [], places: [], rejected: problems, fatal: true }
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}
