/**
 * @module The ledger (台账) as an Excel workbook (exceljs): a title, the column header, then each
 * group (phase or part) under its own header row; A4 landscape, fitted to the page width, the
 * column header repeated on every printed page and frozen on screen.
 *
 * Every text is hostile: titles, unit names and progress notes are written as string cells with
 * the text format (`@`), as the other exports do (users/user-import.ts), so a task named
 * `=HYPERLINK(…)` is shown as those characters and never run as a formula.
 */
import ExcelJS from 'exceljs'
import type { Ledger, LedgerRow } from '../../schemas/api/responses.schema.ts'
import { attachmentDisposition } from '../http/content-disposition.ts'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The ledger's columns, in order, with their widths (in characters). */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '任务', width: 36 },
  { header: '条款', width: 10 },
  { header: '牵头单位', width: 16 },
  { header: '配合单位', width: 20 },
  { header: '时限', width: 18 },
  { header: '进展', width: 30 },
  { header: '状态', width: 10 },
  { header: '灯色', width: 8 },
  { header: '督办级别', width: 9 },
  { header: '办结日期', width: 12 },
] as const

/** The row of the column header (after the title and the subtitle). */
export const LEDGER_HEADER_ROW = 3

const LIGHT_FILL: Record<LedgerRow['light'], string> = {
  green: 'FFD1FADF',
  blue: 'FFD1E9FF',
  yellow: 'FFFEF0C7',
  red: 'FFFEE4E2',
}
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
}
/** Excel's limit of characters in one cell. */
const CELL_CHARS = 32_767

const fit = (text: string) => (text.length > CELL_CHARS ? text.slice(0, CELL_CHARS) : text)

/** The cells of one row, every one a string (see the module note). */
export function ledgerCells(row: LedgerRow): string[] {
  return [
    String(row.index),
    row.title,
    row.clause ?? '',
    row.lead.name,
    row.support.map((unit) => unit.name).join('、'),
    [
      row.dueOn ?? '未规定',
      row.duePhrase && row.duePhrase !== row.dueOn ? `（${row.duePhrase}）` : '',
    ]
      .join('')
      .trim(),
    row.progress ?? '',
    row.overdue ? `${row.stateName}（逾期 ${row.daysOverdue} 天）` : row.stateName,
    row.lightName,
    row.escalationName ?? '',
    row.doneOn ?? '',
  ].map(fit)
}

/** `平南县…-任务台账-2018-09-05.xlsx` */
export function ledgerFileName(ledger: Ledger): string {
  return `${ledger.plan.name}-任务台账-${ledger.today}.xlsx`.replace(/[\\/:*?"<>|\r\n]+/g, '_')
}

export const ledgerDisposition = (ledger: Ledger) =>
  attachmentDisposition(ledgerFileName(ledger), `ledger-${ledger.today}.xlsx`)

/** The workbook's bytes. */
export async function ledgerWorkbook(ledger: Ledger): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'luoshi'
  const sheet = workbook.addWorksheet('任务台账', {
    views: [{ state: 'frozen', ySplit: LEDGER_HEADER_ROW }],
  })
  const last = LEDGER_COLUMNS.length
  LEDGER_COLUMNS.forEach((column, index) => {
    const col = sheet.getColumn(index + 1)
    col.width = column.width
    col.numFmt = '@'
  })
  const title = sheet.addRow([fit(`${ledger.policyTitle} 任务台账`)])
  title.font = { bold: true, size: 14 }
  title.height = 24
  sheet.mergeCells(title.number, 1, title.number, last)
  const subtitle = sheet.addRow([
    fit(
      `${ledger.plan.name}${ledger.documentNumber ? `（${ledger.documentNumber}）` : ''} · 截至 ${ledger.today} · 共 ${ledger.total} 项`,
    ),
  ])
  sheet.mergeCells(subtitle.number, 1, subtitle.number, last)
  const header = sheet.addRow(LEDGER_COLUMNS.map((column) => column.header))
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } }
    cell.border = THIN
  })
  for (const group of ledger.groups) {
    const head = sheet.addRow([fit(`${group.name}（${group.rows.length} 项）`)])
    head.font = { bold: true }
    head.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4F7' } }
    sheet.mergeCells(head.number, 1, head.number, last)
    for (const row of group.rows) {
      const added = sheet.addRow(ledgerCells(row))
      added.alignment = { vertical: 'top', wrapText: true }
      for (let column = 1; column <= last; column += 1) added.getCell(column).border = THIN
      added.getCell(9).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: LIGHT_FILL[row.light] },
      }
    }
  }
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${LEDGER_HEADER_ROW}:${LEDGER_HEADER_ROW}`,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  }
  sheet.headerFooter.oddFooter = '第 &P 页，共 &N 页'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
