/**
 * The assessment reports as Excel over HTTP, on Meishan's real config: a year computed, reviewed
 * and published, then the run's workbook and one unit's workbook downloaded and opened with
 * exceljs. The same access rules as the JSON routes: a unit gets its own report only.
 */
import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import { copiedFixture, loginAs, startBundledPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import {
  enterValues as enter,
  MEISHAN_MEMBERS as MEMBERS,
  meishanInputs as inputs2021,
} from '../helpers/meishan.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function open(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await response.arrayBuffer())
  return book
}

/** Every cell's text of a sheet, row by row (index = row number − 1; merged cells repeat their text). */
function texts(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = Array.from({ length: sheet.rowCount }, () => [])
  sheet.eachRow((row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text))
    rows[row.number - 1] = cells
  })
  return rows
}

/** The cell to the right of the first cell whose text is `label` (a header-block field). */
function field(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).text === label) found = row.getCell(3)
  })
  if (!found) throw new Error(`no field ${label}`)
  return found
}

function fileName(response: Response): string {
  const disposition = response.headers.get('content-disposition') ?? ''
  expect(disposition).toMatch(/^attachment; /)
  return decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!)
}

describe('GET …/runs/:year/report.xlsx and …/units/:unitId/report.xlsx', () => {
  let t: TestApp
  let base: string
  let bureau: Client
  let dongpo: Client

  // Every test starts from Meishan's plan with two users logged in: built once, copied for each.
  const fixture = copiedFixture('2021-12-20T09:00:00+08:00', async (t) => {
    const { planId, policyId } = await startBundledPlan(t, 'meishan', MEMBERS)
    return {
      planId,
      bureau: await loginAs(t, 'bureau', {
        units: [{ policyId, unitId: 'city-healthcare-security-bureau' }],
      }),
      dongpo: await loginAs(t, 'dongpo', { units: [{ policyId, unitId: 'dongpo-mc' }] }),
    }
  })

  beforeEach(async () => {
    let planId: string
    ;({ t, planId, bureau, dongpo } = await fixture())
    base = `/api/plans/${planId}/assessments/reform-assessment/runs`
    // Dongpo: 85.6% of visits in the county against ≥ 90%, 10 points lost (capped), 良好.
    await enter(t, planId, 'dongpo-mc', '2021', inputs2021({ county_visits: 8560 }))
    // Renshou: 6‰ of the pooled fund in violations, 一票否决.
    await enter(t, planId, 'renshou-mc', '2021', inputs2021({ violation_cost: 600000 }))
    expect((await bureau.post(base, { year: 2021 })).status).toBe(201)
    expect((await bureau.post(`${base}/2021/review`, { note: '数据已核对' })).status).toBe(200)
    expect((await bureau.post(`${base}/2021/publish`)).status).toBe(200)
  })

  it('downloads the run as one row per unit with totals, grade, veto and effects', async () => {
    const response = await bureau.get(`${base}/2021/report.xlsx`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(XLSX)
    expect(fileName(response)).toBe('2021年紧密型县域医共体医疗保障管理改革考核-考核结果汇总.xlsx')
    const book = await open(response)
    const sheet = book.getWorksheet('考核结果汇总')!
    expect(sheet.getCell('A1').text).toBe(
      '2021年紧密型县域医共体医疗保障管理改革考核结果汇总（已公布）',
    )
    const rows = texts(sheet)
    expect(rows[1]).toEqual([
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
    const dongpoRow = sheet.getRow(3)
    expect(dongpoRow.getCell(2).text).toBe('东坡区医共体')
    expect(dongpoRow.getCell(6).value).toBe(89.5)
    expect(dongpoRow.getCell(6).numFmt).toBe('0.00')
    expect(dongpoRow.getCell(7).text).toBe('良好')
    expect(dongpoRow.getCell(8).text).toBe('否')
    expect(dongpoRow.getCell(10).text).toBe('全额拨付约定“打包付费”总额')
    expect(dongpoRow.getCell(11).text).toBe('县域内就诊率')
    const renshouRow = sheet.getRow(4)
    expect(renshouRow.getCell(2).text).toBe('仁寿县医共体')
    expect(renshouRow.getCell(6).value).toBe(99.5)
    expect(renshouRow.getCell(7).text).toBe('不合格')
    expect(renshouRow.getCell(8).text).toBe('一票否决：医保基金监管')
    expect(renshouRow.getCell(10).text).toContain('扣减 30%')
    // Printed on A4, one page wide, the header row on every page.
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    })
    const counts = texts(book.getWorksheet('等次统计')!)
    expect(counts).toContainEqual([
      '良好',
      '70 分及以上、90 分以下',
      '1',
      '全额拨付约定“打包付费”总额',
    ])
    expect(counts).toContainEqual(expect.arrayContaining(['不合格', '1']))
  })

  it('downloads one unit’s report with the items explained in Chinese and the trend', async () => {
    const response = await dongpo.get(`${base}/2021/units/dongpo-mc/report.xlsx`)
    expect(response.status).toBe(200)
    expect(fileName(response)).toBe('2021年紧密型县域医共体医疗保障管理改革考核-东坡区医共体.xlsx')
    const book = await open(response)
    const sheet = book.getWorksheet('考核结果')!
    expect(field(sheet, '被考核单位').text).toBe('东坡区医共体')
    expect(field(sheet, '考核年度').text).toBe('2021年')
    expect(field(sheet, '状态').text).toBe('已公布（2021-12-20 公布）')
    expect(field(sheet, '总分（满分 100）').value).toBe(89.5)
    expect(field(sheet, '等次').text).toBe('良好')
    expect(field(sheet, '结果应用').text).toBe('全额拨付约定“打包付费”总额')
    expect(field(sheet, '公布时记录').text).toContain('整改任务 1 项：县域内就诊率')
    const rows = texts(sheet)
    const header = rows.findIndex((row) => row[0] === '序号')
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header + 1}:${header + 1}`)
    const visit = sheet.getRow(rows.findIndex((row) => row[1] === '县域内就诊率') + 1)
    // weight, score, value, target, gap, steps, deducted: numbers shown with 2 decimals (and the unit)
    expect([4, 5, 6, 7, 8, 9, 10].map((column) => visit.getCell(column).value)).toEqual([
      10,
      0,
      85.6,
      '≥90%（2021年）',
      4.4,
      5,
      15,
    ])
    expect([4, 5, 6, 8, 10].map((column) => visit.getCell(column).numFmt)).toEqual([
      '0.00',
      '0.00',
      'General"%"',
      'General"%"',
      '0.00',
    ])
    expect(visit.getCell(11).text).toContain(
      '县域内就诊率 85.6%，目标 ≥90%（2021 年目标），差 4.4 个百分点，按 5 个百分点计',
    )
    expect(visit.getCell(11).text).toContain('扣完为止')
    const daySurgery = rows.findIndex((row) => row[1] === '日间手术开展')
    expect(rows[daySurgery + 1]![1]).toBe('　病种数')
    expect(rows.find((row) => row[1] === '医保基金监管')![10]).toBe('未触发一票否决。')
    const trend = texts(book.getWorksheet('历年趋势')!)
    expect(trend).toEqual([
      ['年度', '状态', '总分', '等次'],
      ['2021年', '已公布', '89.5', '良好'],
    ])
  })

  it('lets a unit download its own report only, as the JSON routes do', async () => {
    expect((await dongpo.get(`${base}/2021/units/renshou-mc/report.xlsx`)).status).toBe(404)
    expect((await bureau.get(`${base}/2021/units/renshou-mc/report.xlsx`)).status).toBe(200)
    // The run's workbook holds the unit's own row only.
    const own = await open(await dongpo.get(`${base}/2021/report.xlsx`))
    expect(
      texts(own.getWorksheet('考核结果汇总')!)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(['单位', '东坡区医共体'])
    expect((await bureau.get(`${base}/2020/report.xlsx`)).status).toBe(404)
  })
})
