/**
 * @module The import page's texts (Chinese first, English by the switch) and its pure helpers:
 * the rows of a check's report as people read them (unit and input names, the reason without
 * the row and column it already shows), how many rows are good and bad, and what each import
 * mode will do with them.
 */
import type { IndicatorImportReport } from '../../api-types.ts'
import { messageTable, pick } from '../../i18n.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

export const IMPORT_TEXT = {
  title: { zh: '导入指标数据', en: 'Import indicator data' },
  back: { zh: '返回看板', en: 'Back to the dashboard' },
  step1: { zh: '1. 下载模板', en: '1. Download the template' },
  step1Note: {
    zh: '模板每行一个单位、每列一个数据项；也可用长表（单位、期间、指标、数值）。CSV 可为 UTF-8 或 Excel 在中文 Windows 上保存的 GBK / GB18030 编码。',
    en: 'One row per unit and one column per input; a long table (unit, period, input, value) works too. CSV may be UTF-8, or GBK / GB18030 as Excel saves it on Chinese Windows.',
  },
  templateWide: { zh: '下载 Excel 模板', en: 'Download the Excel template' },
  templateLong: { zh: '长表模板', en: 'Long-table template' },
  catalogue: { zh: '可填报的数据项（{n} 项）', en: 'Inputs you can enter ({n})' },
  myUnits: { zh: '可填报的单位：{units}', en: 'Units you may enter: {units}' },
  andMore: { zh: '等 {n} 个', en: 'and {n} more' },
  col_name: { zh: '名称', en: 'Name' },
  col_id: { zh: '编号', en: 'Id' },
  col_measure: { zh: '计量单位', en: 'Measure' },
  col_range: { zh: '取值范围', en: 'Range' },
  col_frequency: { zh: '填报周期', en: 'Frequency' },
  col_indicators: { zh: '用于指标', en: 'Used by' },
  frequency_yearly: { zh: '按年', en: 'Yearly' },
  frequency_quarterly: { zh: '按季度', en: 'Quarterly' },
  frequency_monthly: { zh: '按月', en: 'Monthly' },
  frequency_once: { zh: '一次', en: 'Once' },
  step2: { zh: '2. 选择文件并检查', en: '2. Choose the file and check it' },
  file: { zh: '数据文件（.xlsx 或 .csv）', en: 'Data file (.xlsx or .csv)' },
  check: { zh: '先检查', en: 'Check first' },
  checking: { zh: '检查中…', en: 'Checking…' },
  checkNote: { zh: '检查不会写入任何数据。', en: 'Checking writes nothing.' },
  checked: {
    zh: '检查结果：{format} 文件，{rows} 行数据，{accepted} 个数值合格，{rejected} 处问题。',
    en: 'Checked: {format} file, {rows} data rows, {accepted} good values, {rejected} problems.',
  },
  allGood: {
    zh: '全部 {rows} 行均合格。',
    en: '{rows, plural, one {The row is} other {All # rows are}} good.',
  },
  nothingToImport: {
    zh: '没有可导入的数据：请按下表改正文件后重新检查。',
    en: 'Nothing can be imported: fix the file as listed below and check again.',
  },
  listed: { zh: '（只列出前 {n} 处）', en: ' (the first {n} are listed)' },
  col_row: { zh: '行', en: 'Row' },
  col_column: { zh: '列', en: 'Column' },
  col_unit: { zh: '单位', en: 'Unit' },
  col_period: { zh: '期间', en: 'Period' },
  col_input: { zh: '数据项', en: 'Input' },
  col_reason: { zh: '原因', en: 'Reason' },
  reportCaption: { zh: '被拒绝的行', en: 'Rejected rows' },
  step3: { zh: '3. 导入', en: '3. Import' },
  mode: { zh: '导入方式', en: 'How to import' },
  mode_keepGood: { zh: '只导入合格数据', en: 'Import only the good rows' },
  mode_allOrNothing: { zh: '全部正确才导入', en: 'All or nothing' },
  keepGoodConsequence: {
    zh: '只导入 {good} 行合格数据，{bad} 行被拒绝：写入 {accepted} 个数值，{rejected} 处有问题的数值不写入。',
    en: 'Imports only the {good} good rows; {bad} rows are rejected: {accepted} values are written, the {rejected} with problems are not.',
  },
  allOrNothingConsequence: {
    zh: '文件有 {rejected} 处问题（{bad} 行），将不导入任何数据；请改正后重新检查。',
    en: 'The file has {rejected} problems ({bad} rows), so nothing will be imported; fix them and check again.',
  },
  cleanConsequence: {
    zh: '将写入 {accepted} 个数值；同一单位、期间、数据项已有的数值会被替换。',
    en: '{accepted} values will be written, replacing any stored for the same unit, period and input.',
  },
  import: { zh: '导入', en: 'Import' },
  importGood: { zh: '只导入合格数据', en: 'Import the good rows' },
  importing: { zh: '导入中…', en: 'Importing…' },
  imported: {
    zh: '已导入 {applied} 个数值（{rows} 行数据，{rejected} 处被拒绝）。',
    en: 'Imported {applied} values ({rows} data rows, {rejected} rejected).',
  },
  changed: { zh: '文件已更换，请重新检查。', en: 'The file changed; check it again.' },
  step4: { zh: '已保存的数值', en: 'Values stored' },
  period: { zh: '期间', en: 'Period' },
  periodHint: {
    zh: '如 2021、2021-Q1、2021-03；留空为全部期间',
    en: 'e.g. 2021, 2021-Q1, 2021-03; empty for every period',
  },
  unit: { zh: '单位', en: 'Unit' },
  allUnits: { zh: '全部单位', en: 'Every unit' },
  show: { zh: '查看', en: 'Show' },
  valuesCount: { zh: '共 {n} 个数值', en: '{n, plural, one {# value} other {# values}}' },
  valuesShown: {
    zh: '共 {n} 个数值，显示前 {shown} 个',
    en: '{n, plural, one {# value} other {# values}}; the first {shown} are shown',
  },
  noValues: { zh: '该期间尚无数值。', en: 'No values for this period yet.' },
  col_value: { zh: '数值', en: 'Value' },
  col_source: { zh: '来源', en: 'Source' },
  col_enteredBy: { zh: '填报人', en: 'Entered by' },
  col_enteredAt: { zh: '时间', en: 'When' },
  source_import: { zh: '文件导入', en: 'Import' },
  source_form: { zh: '任务填报', en: 'Task report' },
  source_api: { zh: '接口', en: 'API' },
  source_demo: { zh: '演示数据', en: 'Demo data' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  loading: { zh: '加载中…', en: 'Loading…' },
} as const

export type ImportTextKey = keyof typeof IMPORT_TEXT

/** The current locale's text for a key, with `{name}` placeholders filled. */
export const importText: (key: ImportTextKey, params?: Record<string, string | number>) => string =
  messageTable(IMPORT_TEXT)

/** A refused row or cell: from a check's report, or an issue of a refused import. */
export interface RejectedLike {
  row?: number
  column?: string
  unit?: string
  period?: string
  input?: string
  message: LocalizedText
}

/** One row of the report table. */
export interface ReportRow {
  row: string
  column: string
  unit: string
  period: string
  input: string
  reason: string
}

/** Names to show instead of ids. */
export interface ReportNames {
  units: ReadonlyMap<string, string>
  inputs: ReadonlyMap<string, string>
}

/** The server's messages start with the place (`第 3 行 C 列：`), which the table has columns for. */
const PLACE = /^(第 \d+ 行(?: [A-Z]+ 列)?：|Row \d+(?:, column [A-Z]+)?: )/

/** Capitalises an English reason whose place was cut off. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The rows of the report table, in the current locale. */
export function reportRows(entries: readonly RejectedLike[], names: ReportNames): ReportRow[] {
  return entries.map((entry) => {
    const reason = pick(entry.message)
    const stripped = reason.replace(PLACE, '')
    return {
      row: entry.row === undefined ? '—' : String(entry.row),
      column: entry.column ?? '—',
      unit: entry.unit ? (names.units.get(entry.unit) ?? entry.unit) : '—',
      period: entry.period ?? '—',
      input: entry.input ? (names.inputs.get(entry.input) ?? entry.input) : '—',
      reason: stripped === reason ? reason : sentence(stripped),
    }
  })
}

/** Good and bad data rows of a check: a row with any problem is bad. */
export function rowCounts(
  report: Pick<IndicatorImportReport, 'rows' | 'rejected' | 'rejectedCount'>,
): { good: number; bad: number } {
  // Only the first 1,000 problems are listed; every further one may be on another row.
  const listed = new Set(report.rejected.map((entry) => entry.row)).size
  const bad = Math.min(
    report.rows,
    listed + Math.max(0, report.rejectedCount - report.rejected.length),
  )
  return { good: Math.max(0, report.rows - bad), bad }
}

export type ImportMode = 'keep-good' | 'all-or-nothing'

/** What importing the checked file in a mode will do, in words. */
export function consequence(
  report: Pick<IndicatorImportReport, 'rows' | 'rejected' | 'rejectedCount' | 'accepted'>,
  mode: ImportMode,
): string {
  const { good, bad } = rowCounts(report)
  if (report.rejectedCount === 0)
    return importText('cleanConsequence', { accepted: report.accepted })
  return mode === 'keep-good'
    ? importText('keepGoodConsequence', {
        good,
        bad,
        accepted: report.accepted,
        rejected: report.rejectedCount,
      })
    : importText('allOrNothingConsequence', { bad, rejected: report.rejectedCount })
}

/** The content type to send a file with, when the browser gives none. */
export function fileType(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type
  if (/\.xlsx$/i.test(file.name))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (/\.(csv|txt|tsv)$/i.test(file.name)) return 'text/csv'
  return 'application/octet-stream'
}

/**
 * A stored decimal with thousands separators for reading (433000000 → 433,000,000), its digits
 * untouched: the text is exact, so it never goes through a float. Anything else is returned as is.
 */
export function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text)
  if (!match) return text
  const [, sign, whole, fraction = ''] = match
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`
}
