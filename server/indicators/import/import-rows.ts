/**
 * @module Resolves the data rows of an import table into value candidates and refusals, for
 * the wide layout (one column per input) and the long layout (one value per row).
 */
import type { EntryResolver } from '../entry-context.ts'
import type { Cell, Table } from './parse-table.ts'
import type { Columns } from './import-header.ts'
import {
  at,
  columnLetter,
  settle,
  type Candidate,
  type ImportReport,
  type RejectedEntry,
} from './import-report.ts'

export function importWide(
  rows: Table['rows'],
  columns: Columns,
  resolver: EntryResolver,
): ImportReport {
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

export function importLong(
  rows: Table['rows'],
  columns: Columns,
  resolver: EntryResolver,
): ImportReport {
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

function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'object') return 'date' in cell ? cell.date : cell.error
  return String(cell).trim()
}
