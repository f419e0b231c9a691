/**
 * @module Reads an import table's header row: which column holds the unit, period, element and
 * value, which columns are inputs (by id or name, optionally with their unit of measure), and
 * what is wrong with the header.
 */
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import type { EntryInput } from '../inputs.ts'
import type { EntryResolver } from '../entry-context.ts'
import type { Cell } from './parse-table.ts'
import {
  at,
  columnLetter,
  type ImportIssueCode,
  type ImportLayout,
  type RejectedEntry,
} from './import-report.ts'

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

export interface Columns {
  unit?: number
  period?: number
  element?: number
  value?: number
  inputs: Array<{ index: number; input: EntryInput; header: string }>
  /** Columns without a header: data under them is an error. */
  blank: number[]
}

export function readHeader(
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

function headerText(cell: Cell | undefined): string {
  return cell === null || cell === undefined || typeof cell === 'object'
    ? ''
    : String(cell).replace(/\s+/g, ' ').trim()
}

function stripParenthetical(text: string): string {
  return text.replace(/\s*[（(][^（）()]*[)）]$/, '')
}
