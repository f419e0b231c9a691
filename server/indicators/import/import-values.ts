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
import type { EntryResolver } from '../entry-context.ts'
import type { Table } from './parse-table.ts'
import { readHeader } from './import-header.ts'
import { at, fatal, type ImportReport } from './import-report.ts'
import { importLong, importWide } from './import-rows.ts'

export {
  columnLetter,
  sortRejected,
  type ImportIssueCode,
  type ImportLayout,
  type ImportReport,
  type RejectedEntry,
  type ValuePlace,
} from './import-report.ts'

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
