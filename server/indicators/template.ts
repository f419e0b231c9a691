/**
 * @module The Excel template an office fills in and uploads back: a 填报 sheet whose header
 * names each input (`县域内就诊人次（人次）`, its id in the cell's note) with one row per unit
 * the user may write, and a 说明 sheet listing every input with its id, value type, unit of
 * measure, allowed range and frequency. Uploading the filled sheet unchanged is a valid import.
 */
import { policyTitle } from '../../domain/compiler/policy-names.ts'
import ExcelJS from 'exceljs'
import type { PolicyConfig } from '../../schemas/index.ts'
import type { EntryInput, ValueType } from './inputs.ts'

export type TemplateLayout = 'wide' | 'long'

export interface TemplateInput {
  layout: TemplateLayout
  inputs: readonly EntryInput[]
  /** The rows: units the user may write, id → name. */
  units: ReadonlyArray<{ id: string; name: string }>
  /** Canonical period to prefill (`2021`), or none. */
  period?: string | undefined
  config: PolicyConfig
}

export const VALUE_TYPE_ZH: Record<ValueType, string> = {
  percentage: '百分比',
  permille: '千分比',
  ratio: '比值',
  count: '计数',
  amount: '金额',
  days: '天数',
  number: '数值',
  boolean: '是/否',
}

/** What `checkValue` accepts for each type, in words (server/indicators/check-value.ts). */
export const RANGE_ZH: Record<ValueType, string> = {
  percentage: '0–100（不带 % 号亦可）',
  permille: '0–1000',
  ratio: '≥ 0',
  count: '≥ 0 的整数',
  amount: '≥ 0',
  days: '≥ 0',
  number: '任意数（可为负）',
  boolean: '是 / 否（或 1 / 0）',
}

export const FREQUENCY_ZH: Record<EntryInput['frequency'], string> = {
  monthly: '按月',
  quarterly: '按季度',
  yearly: '按年',
  once: '一次',
}
const PERIOD_FORMS: Record<EntryInput['frequency'], string> = {
  monthly: '2021-03、2021-Q1 或 2021',
  quarterly: '2021-Q1 或 2021',
  yearly: '2021',
  once: '2021',
}

/** The column header of an input: its name with its unit of measure, or its id when the name is shared. */
export function inputHeader(input: EntryInput, inputs: readonly EntryInput[]): string {
  const shared = inputs.some((other) => other !== input && other.name === input.name)
  if (shared) return input.id
  return input.unit ? `${input.name}（${input.unit}）` : input.name
}

/** Builds the workbook; returns the .xlsx bytes. */
export async function buildTemplate(template: TemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'luoshi'
  const sheet = workbook.addWorksheet('填报', {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }],
  })
  if (template.layout === 'wide') fillWide(sheet, template)
  else fillLong(sheet, template)
  fillGuide(workbook.addWorksheet('说明'), template)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function fillWide(sheet: ExcelJS.Worksheet, { inputs, units, period }: TemplateInput): void {
  sheet.columns = [
    { header: '单位', key: 'unit', width: 30 },
    { header: '单位名称', key: 'unitName', width: 24 },
    { header: '期间', key: 'period', width: 10, style: { numFmt: '@' } },
    ...inputs.map((input) => ({
      header: inputHeader(input, inputs),
      key: input.id,
      width: Math.max(12, Math.min(30, input.name.length * 2 + 6)),
    })),
  ]
  inputs.forEach((input, index) => {
    sheet.getRow(1).getCell(index + 4).note =
      `编号 ${input.id}；${VALUE_TYPE_ZH[input.valueType]}，${RANGE_ZH[input.valueType]}；${FREQUENCY_ZH[input.frequency]}报送`
  })
  styleHeader(sheet)
  for (const unit of units)
    sheet.addRow({ unit: unit.id, unitName: unit.name, period: period ?? null })
}

function fillLong(sheet: ExcelJS.Worksheet, { inputs, units, period }: TemplateInput): void {
  sheet.columns = [
    { header: '单位', key: 'unit', width: 30 },
    { header: '单位名称', key: 'unitName', width: 24 },
    { header: '期间', key: 'period', width: 10, style: { numFmt: '@' } },
    { header: '指标', key: 'element', width: 28 },
    { header: '指标名称', key: 'elementName', width: 30 },
    { header: '计量单位', key: 'measure', width: 10 },
    { header: '数值', key: 'value', width: 14 },
  ]
  styleHeader(sheet)
  for (const unit of units) {
    for (const input of inputs)
      sheet.addRow({
        unit: unit.id,
        unitName: unit.name,
        period: period ?? null,
        element: input.id,
        elementName: input.name,
        measure: input.unit ?? '',
      })
  }
}

function fillGuide(sheet: ExcelJS.Worksheet, { inputs, config }: TemplateInput): void {
  const names = ownerNames(config)
  const indicators = new Map(
    (config.indicators ?? []).map((indicator) => [indicator.id, indicator.name]),
  )
  sheet.addRow([`${policyTitle(config.metadata)} —— 数据填报说明`]).font = { bold: true, size: 13 }
  for (const line of [
    '在「填报」页每行填写一个单位一个期间的数据；空单元格表示本次不报送，不会覆盖已有数据。',
    '期间写作 2021（年）、2021-Q1（季度）或 2021-03（月），不得细于数据项的报送频次。',
    '百分比填 90.24 或 90.24%；计数填整数；不要填写日期或文字说明。单位列填单位编号或名称。',
    '同一单位、期间、数据项再次导入会覆盖原值。表头可用数据项名称或编号，名称后可带（计量单位）。',
  ])
    sheet.addRow([line])
  sheet.addRow([])
  const header = sheet.addRow([
    '名称',
    '编号',
    '取值类型',
    '计量单位',
    '允许范围',
    '报送频次',
    '期间写法',
    '填报单位',
    '用于指标',
  ])
  header.font = { bold: true }
  for (const input of inputs) {
    sheet.addRow([
      input.name,
      input.id,
      VALUE_TYPE_ZH[input.valueType],
      input.unit ?? '',
      RANGE_ZH[input.valueType],
      FREQUENCY_ZH[input.frequency],
      PERIOD_FORMS[input.frequency],
      input.owners.map((owner) => names.get(owner) ?? owner).join('、') || '文件未明确',
      input.indicators.map((indicator) => indicators.get(indicator) ?? indicator).join('、'),
    ])
  }
  sheet.columns.forEach((column, index) => {
    column.width = [28, 30, 10, 10, 22, 10, 24, 24, 36][index] ?? 12
  })
}

/** Names of units, groups and bodies, for the 填报单位 column. */
function ownerNames(config: PolicyConfig): Map<string, string> {
  const names = new Map<string, string>()
  for (const unit of config.organizations.units) names.set(unit.id, unit.name)
  for (const group of config.organizations.groups ?? []) names.set(group.id, group.name)
  for (const body of config.governance?.bodies ?? []) names.set(body.id, body.name)
  return names
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const row = sheet.getRow(1)
  row.font = { bold: true }
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } }
}
