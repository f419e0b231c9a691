/**
 * @module The assessment reports as Excel workbooks (exceljs), for offices that file and print
 * them: one unit's report (考核结果 — the header block, every item with its explanation in
 * Chinese — and 历年趋势) and one run's results (one row per unit, and the count by grade).
 * A4, fitted to the page width, the table header repeated on every printed page.
 */
import { Decimal } from 'decimal.js'
import ExcelJS from 'exceljs'
import type { PolicyConfig } from '../../schemas/index.ts'
import { entryInputs } from '../indicators/inputs.ts'
import type { ItemScore, MeasureScore } from '../../domain/scoring/score-types.ts'
import type { RunView, UnitReport } from './assessment-views.ts'

/** Names of data inputs by id (`county_visits` → 县域内就诊人次), to list missing data by name. */
export type InputNames = ReadonlyMap<string, string>

/** The names of a config's data inputs, by id. */
export function inputNames(config: PolicyConfig): InputNames {
  return new Map([...entryInputs(config).values()].map((input) => [input.id, input.name]))
}

type Sheet = ExcelJS.Worksheet
type Grades = RunView['assessment']['grades']

const STATUS_ZH: Record<string, string> = {
  computed: '已计算，待审核',
  reviewed: '已审核，待公布',
  published: '已公布',
}
const KIND_ZH: Record<ItemScore['kind'], string> = {
  deduct: '扣分项',
  proportional: '按比例计分',
  bonus: '加分项',
  veto: '一票否决',
}
const OP_ZH: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }
/** Excel keeps 15 significant digits of a number (IEEE double, as Excel shows and re-saves it). */
const EXCEL_DIGITS = 15
const SCORE_FORMAT = '0.00'
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFEEF2F7' },
}
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
}

/**
 * Writes an exact decimal ("89.5", "90.361445783133") into a cell.
 *
 * Decision: a number whenever Excel reads, shows and saves it back unchanged — at most 15
 * significant digits, which scores (sums of the config's points) and nearly all values (at most
 * 12 decimal places) have — so sums, sorting and charts work; the format shows 2 decimals while
 * the cell keeps every digit. A decimal with more digits (a non-terminating share such as 20 ÷ 3,
 * or a large value with 12 places) would be silently rounded by Excel, so it is written as text,
 * right-aligned, with all its digits: exactness wins over arithmetic there.
 */
export function setDecimal(
  cell: ExcelJS.Cell,
  text: string | null | undefined,
  format = SCORE_FORMAT,
): void {
  if (text === null || text === undefined) return
  const value = new Decimal(text)
  if (value.sd() <= EXCEL_DIGITS) {
    cell.value = value.toNumber()
    cell.numFmt = format
  } else {
    cell.value = value.toFixed()
    cell.alignment = { ...cell.alignment, horizontal: 'right' }
  }
}

/** The grade's fill colour: the best band (highest minimum) green, the worst red, those between blue and amber. */
export function gradeArgb(grades: Grades, gradeId: string | null | undefined): string | null {
  const ranked = [...grades].sort((a, b) => b.min - a.min)
  const index = ranked.findIndex((grade) => grade.id === gradeId)
  if (index < 0) return null
  if (index === 0) return 'FFD1FADF'
  if (index === ranked.length - 1) return 'FFFEE4E2'
  return index === 1 ? 'FFD1E9FF' : 'FFFEF0C7'
}

const effectsText = (effects: ReadonlyArray<{ text: string }>) =>
  effects.length ? effects.map((effect) => effect.text).join('；') : '无'
const missingText = (ids: readonly string[], names?: InputNames) =>
  ids.map((id) => names?.get(id) ?? id).join('、')
const safeName = (text: string) => text.replace(/[\\/:*?"<>|\r\n]+/g, '_')

/** `2021年紧密型县域医共体医疗保障管理改革考核-东坡区医共体.xlsx` */
export function unitReportFileName(report: UnitReport): string {
  return safeName(`${report.run.year}年${report.assessment.name}-${report.unit.name}.xlsx`)
}

/** `2021年紧密型县域医共体医疗保障管理改革考核-考核结果汇总.xlsx` */
export function runReportFileName(view: RunView): string {
  return safeName(`${view.run.year}年${view.assessment.name}-考核结果汇总.xlsx`)
}

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'luoshi'
  return workbook
}

/** A4, fitted to one page wide (as many pages tall as needed), `titleRows` repeated on each. */
function printSetup(sheet: Sheet, titleRows: string, landscape: boolean): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  }
  sheet.headerFooter.oddFooter = '第 &P 页，共 &N 页'
}

function headerRow(sheet: Sheet, values: string[]): ExcelJS.Row {
  const row = sheet.addRow(values)
  row.font = { bold: true }
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL
    cell.border = THIN
  })
  return row
}

function title(sheet: Sheet, text: string, lastColumn: number): void {
  const row = sheet.addRow([text])
  row.font = { bold: true, size: 14 }
  row.height = 24
  sheet.mergeCells(row.number, 1, row.number, lastColumn)
}

function borders(row: ExcelJS.Row, columns: number): void {
  for (let column = 1; column <= columns; column += 1) row.getCell(column).border = THIN
  row.alignment = { vertical: 'top', wrapText: true }
}

/** One unit's report: 考核结果 (header block and item table) and 历年趋势. */
export async function unitReportWorkbook(report: UnitReport, names?: InputNames): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = workbook.addWorksheet('考核结果')
  sheet.columns = [6, 24, 12, 8, 8, 12, 16, 10, 8, 8, 60].map((width) => ({ width }))
  const columns = 11
  title(sheet, `${report.run.year}年${report.assessment.name}结果——${report.unit.name}`, columns)
  sheet.addRow([])
  const { score, assessment, consequences } = report
  const field = (label: string, fill: (cell: ExcelJS.Cell) => void) => {
    const row = sheet.addRow([label])
    row.getCell(1).font = { bold: true }
    sheet.mergeCells(row.number, 1, row.number, 2)
    sheet.mergeCells(row.number, 3, row.number, columns)
    fill(row.getCell(3))
    row.getCell(3).alignment = { horizontal: 'left', vertical: 'top', wrapText: true }
    return row.getCell(3)
  }
  const text = (value: string) => (cell: ExcelJS.Cell) => {
    cell.value = value
  }
  const decimalOrMissing = (value: string | null) => (cell: ExcelJS.Cell) => {
    if (value === null) cell.value = score.vetoedBy ? '—（一票否决）' : '数据缺失，未计分'
    else setDecimal(cell, value)
  }
  field('考核名称', text(assessment.name))
  field('被考核单位', text(report.unit.name))
  field('考核年度', text(`${report.run.year}年`))
  field(
    '状态',
    text(
      `${STATUS_ZH[report.run.status] ?? report.run.status}${report.run.publishedAt ? `（${report.run.publishedAt.slice(0, 10)} 公布）` : ''}`,
    ),
  )
  field('基础得分', decimalOrMissing(score.base))
  field('加分', decimalOrMissing(score.bonus))
  field(`总分（满分 ${assessment.totalScore}）`, decimalOrMissing(score.total))
  const grade = field('等次', text(score.grade?.name ?? '未定（数据不全）'))
  const argb = gradeArgb(assessment.grades, score.grade?.id)
  if (argb) grade.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } }
  grade.font = { bold: true }
  field(
    '一票否决',
    text(
      score.vetoedBy
        ? `是：${assessment.items.find((item) => item.id === score.vetoedBy)?.name ?? score.vetoedBy}`
        : '否',
    ),
  )
  field('结果应用', text(effectsText(score.effects)))
  field(
    '公布时记录',
    text(consequences ? recordedText(consequences, assessment.items) : '尚未公布'),
  )
  field('数据缺失', text(score.missing.length ? missingText(score.missing, names) : '无'))
  sheet.addRow([])
  const header = headerRow(sheet, [
    '序号',
    '考核项目',
    '类型',
    '分值',
    '得分',
    '实际值',
    '目标',
    '差距',
    '计步',
    '扣分',
    '得分说明',
  ])
  score.items.forEach((item, index) => itemRows(sheet, item, index + 1, columns, names))
  sheet.views = [{ state: 'frozen', ySplit: header.number }]
  printSetup(sheet, `${header.number}:${header.number}`, true)

  const trend = workbook.addWorksheet('历年趋势', { views: [{ state: 'frozen', ySplit: 1 }] })
  trend.columns = [10, 16, 10, 14].map((width) => ({ width }))
  headerRow(trend, ['年度', '状态', '总分', '等次'])
  for (const point of report.trend) {
    const row = trend.addRow([`${point.year}年`, STATUS_ZH[point.status] ?? point.status])
    if (point.total === null) row.getCell(3).value = '—'
    else setDecimal(row.getCell(3), point.total)
    row.getCell(4).value = point.grade?.name ?? '未定'
    const fill = gradeArgb(assessment.grades, point.grade?.id)
    if (fill) row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
    borders(row, 4)
  }
  printSetup(trend, '1:1', false)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function recordedText(
  consequences: NonNullable<UnitReport['consequences']>,
  items: UnitReport['assessment']['items'],
): string {
  const recorded = consequences as {
    grade: { name: string } | null
    effects: Array<{ text: string }>
    rectificationTasks: Array<{ item: string; dueOn: string | null }>
    recordedAt: string
  }
  const tasks = recorded.rectificationTasks.map(
    (task) =>
      `${items.find((item) => item.id === task.item)?.name ?? task.item}${task.dueOn ? `（${task.dueOn} 前）` : ''}`,
  )
  return [
    `${recorded.recordedAt.slice(0, 10)} 记录`,
    `等次 ${recorded.grade?.name ?? '未定'}`,
    effectsText(recorded.effects),
    tasks.length ? `整改任务 ${tasks.length} 项：${tasks.join('、')}` : '无整改任务',
  ].join('；')
}

function target(measure: MeasureScore): string {
  if (!measure.target) return ''
  const year = measure.target.year === null ? '' : `（${measure.target.year}年）`
  return `${OP_ZH[measure.target.op] ?? measure.target.op}${measure.target.value}${measure.unit ?? ''}${year}`
}

function measureCells(row: ExcelJS.Row, measure: MeasureScore): void {
  const unit = measure.unit ? `"${measure.unit.replace(/"/g, '')}"` : ''
  // General, not 0.00: a count stays 11种, not 11.00种, and a rate keeps the places it has.
  if (measure.value === null) row.getCell(6).value = '数据缺失'
  else setDecimal(row.getCell(6), measure.value, `General${unit}`)
  row.getCell(7).value = target(measure)
  setDecimal(row.getCell(8), measure.gap, `General${unit}`)
  setDecimal(row.getCell(9), measure.steps, '0.####')
  setDecimal(row.getCell(10), measure.deducted)
}

function itemRows(
  sheet: Sheet,
  item: ItemScore,
  index: number,
  columns: number,
  names?: InputNames,
): void {
  const row = sheet.addRow([index, item.name, KIND_ZH[item.kind]])
  setDecimal(row.getCell(4), item.weight)
  if (item.status === 'missing') row.getCell(5).value = '数据缺失'
  else if (item.status === 'not-applicable') row.getCell(5).value = '不适用'
  else if (item.status === 'error') row.getCell(5).value = '无法计分'
  else if (item.kind === 'veto') row.getCell(5).value = item.holds ? '否决' : '—'
  else setDecimal(row.getCell(5), item.score)
  const measures = item.measures ?? []
  if (measures.length === 1) measureCells(row, measures[0]!)
  else if (item.kind === 'deduct') setDecimal(row.getCell(10), item.deducted)
  if (item.kind === 'proportional') {
    setDecimal(row.getCell(6), item.value ?? null)
    row.getCell(7).value = item.full ? `满分对应 ${item.full}` : ''
  }
  if (item.kind === 'bonus' || item.kind === 'veto')
    row.getCell(6).value =
      item.holds === null || item.holds === undefined ? '' : item.holds ? '条件成立' : '条件不成立'
  const notes = [item.explanation.zh]
  if (item.capApplied) notes.push(`（扣分超过上限 ${item.cap} 分，扣完为止）`)
  if (item.missing.length) notes.push(`缺少数据：${missingText(item.missing, names)}`)
  row.getCell(11).value = notes.join('')
  borders(row, columns)
  if (measures.length > 1) {
    for (const measure of measures) {
      const sub = sheet.addRow(['', `\u3000${measure.name ?? measure.indicatorName}`])
      measureCells(sub, measure)
      if (measure.missing.length)
        sub.getCell(11).value = `缺少数据：${missingText(measure.missing, names)}`
      borders(sub, columns)
    }
  }
}

/** One run's results: one row per unit (考核结果汇总) and the count by grade (等次统计). */
export async function runReportWorkbook(view: RunView, names?: InputNames): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = workbook.addWorksheet('考核结果汇总')
  sheet.columns = [6, 22, 10, 10, 8, 10, 10, 18, 26, 40, 24].map((width) => ({ width }))
  const columns = 11
  const { assessment, run } = view
  title(
    sheet,
    `${run.year}年${assessment.name}结果汇总（${STATUS_ZH[run.status] ?? run.status}）`,
    columns,
  )
  const header = headerRow(sheet, [
    '序号',
    '单位',
    '数据完整',
    '基础得分',
    '加分',
    '总分',
    '等次',
    '一票否决',
    '缺失数据',
    '结果应用',
    '需整改项目',
  ])
  const itemName = (id: string) => assessment.items.find((item) => item.id === id)?.name ?? id
  view.results.forEach((result, index) => {
    const row = sheet.addRow([index + 1, result.unit.name, result.complete ? '是' : '否'])
    const cells: Array<[number, string | null]> = [
      [4, result.base],
      [5, result.bonus],
      [6, result.total],
    ]
    for (const [column, value] of cells) {
      if (value === null) {
        row.getCell(column).value = result.vetoedBy ? '—' : '数据缺失'
        row.getCell(column).font = { color: { argb: 'FFB42318' } }
      } else setDecimal(row.getCell(column), value)
    }
    row.getCell(7).value = result.grade?.name ?? '未定'
    const fill = gradeArgb(assessment.grades, result.grade?.id)
    if (fill) row.getCell(7).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
    row.getCell(8).value = result.vetoedBy ? `一票否决：${itemName(result.vetoedBy)}` : '否'
    row.getCell(9).value = result.missing.length ? missingText(result.missing, names) : '无'
    row.getCell(10).value = effectsText(result.effects)
    row.getCell(11).value = result.failing.length ? result.failing.map(itemName).join('、') : '无'
    borders(row, columns)
  })
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number, column: columns },
  }
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 2 }]
  printSetup(sheet, `${header.number}:${header.number}`, true)

  const counts = workbook.addWorksheet('等次统计', { views: [{ state: 'frozen', ySplit: 1 }] })
  counts.columns = [12, 16, 10, 60].map((width) => ({ width }))
  headerRow(counts, ['等次', '分数段', '单位数', '结果应用'])
  for (const grade of [...assessment.grades].sort((a, b) => b.min - a.min)) {
    const range = `${grade.min} 分及以上${grade.below !== null ? `、${grade.below} 分以下` : grade.max !== null ? `、${grade.max} 分及以下` : ''}`
    const row = counts.addRow([
      grade.name,
      range,
      view.counts.grades[grade.id] ?? 0,
      effectsText(grade.effects),
    ])
    const fill = gradeArgb(assessment.grades, grade.id)
    if (fill) row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
    borders(row, 4)
  }
  const undecided = view.counts.grades.none ?? 0
  if (undecided) borders(counts.addRow(['未定（数据不全）', '', undecided, '']), 4)
  borders(
    counts.addRow(['合计', '', view.counts.units, `其中数据完整 ${view.counts.complete} 个`]),
    4,
  )
  printSetup(counts, '1:1', false)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
