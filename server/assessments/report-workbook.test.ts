import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { RunView, UnitReport } from './assessment-views.ts'
import {
  attachmentDisposition,
  gradeArgb,
  runReportWorkbook,
  setDecimal,
  unitReportFileName,
  unitReportWorkbook,
} from './report-workbook.ts'

const GRADES: RunView['assessment']['grades'] = [
  {
    id: 'fail',
    name: '不合格',
    min: 0,
    max: null,
    below: 60,
    effects: [{ kind: 'budget-adjustment', percent: -30, text: '扣减 30%' }],
  },
  {
    id: 'excellent',
    name: '优秀',
    min: 90,
    max: null,
    below: null,
    effects: [{ kind: 'budget-adjustment', percent: 0, text: '全额拨付' }],
  },
  { id: 'good', name: '良好', min: 70, max: null, below: 90, effects: [] },
  { id: 'pass', name: '合格', min: 60, max: null, below: 70, effects: [] },
]

const ASSESSMENT: RunView['assessment'] = {
  id: 'reform',
  name: '改革考核',
  totalScore: 100,
  maxScore: null,
  assessor: [],
  with: [],
  due: null,
  method: null,
  source: null,
  grades: GRADES,
  items: [{ id: 'visits', name: '县域内就诊率', kind: 'deduct', weight: 10, points: null }],
}

function buildReport(over: Partial<UnitReport['score']> = {}): UnitReport {
  return {
    assessment: ASSESSMENT,
    run: {
      year: 2021,
      status: 'computed',
      version: 1,
      computedAt: '2021-12-20T01:00:00.000Z',
      reviewedAt: null,
      reviewNote: null,
      publishedAt: null,
    },
    unit: { id: 'a/b', name: '东坡区/医共体' },
    score: {
      assessmentId: 'reform',
      unitId: 'a',
      year: 2021,
      complete: false,
      missing: ['county_visits'],
      base: null,
      bonus: null,
      bonusCapApplied: false,
      total: null,
      maxScoreApplied: false,
      vetoedBy: null,
      grade: null,
      effects: [],
      items: [
        {
          id: 'visits',
          name: '县域内就诊率',
          kind: 'deduct',
          weight: '10',
          cap: '10',
          score: null,
          deducted: null,
          capApplied: false,
          status: 'missing',
          missing: ['county_visits'],
          explanation: { zh: '缺少数据：county_visits', en: 'missing county_visits' },
          measures: [
            {
              name: null,
              indicator: 'visit-rate',
              indicatorName: '县域内就诊率',
              unit: '%',
              value: null,
              target: null,
              met: null,
              gap: null,
              step: '1',
              points: '3',
              rounding: 'whole-steps',
              steps: null,
              deducted: null,
              missing: ['county_visits'],
              problem: null,
            },
          ],
        },
      ],
      ...over,
    },
    consequences: null,
    rectifications: [],
    trend: [{ year: 2021, status: 'computed', total: null, grade: null, vetoedBy: null }],
  }
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(new Uint8Array(bytes).buffer)
  return book
}

describe('setDecimal', () => {
  const cell = () => new ExcelJS.Workbook().addWorksheet('s').getCell('A1')

  it('writes a decimal Excel holds exactly as a number shown with 2 decimals', () => {
    const target = cell()
    setDecimal(target, '90.361445783133')
    expect(target.value).toBe(90.361445783133)
    expect(target.numFmt).toBe('0.00')
  })

  it('writes a decimal with more than 15 significant digits as text, keeping every digit', () => {
    const target = cell()
    setDecimal(target, '6.6666666666666666667')
    expect(target.value).toBe('6.6666666666666666667')
    expect(target.alignment.horizontal).toBe('right')
  })

  it('leaves the cell empty for no value (never 0)', () => {
    const target = cell()
    setDecimal(target, null)
    expect(target.value).toBeNull()
  })
})

describe('gradeArgb', () => {
  it('colours by rank of the minimum, whatever the order of the config', () => {
    expect(
      ['excellent', 'good', 'pass', 'fail', 'none'].map((id) => gradeArgb(GRADES, id)),
    ).toEqual(['FFD1FADF', 'FFD1E9FF', 'FFFEF0C7', 'FFFEE4E2', null])
  })
})

describe('file names', () => {
  it('names the file in Chinese, without characters a file system refuses, and encodes it per RFC 5987', () => {
    const name = unitReportFileName(buildReport())
    expect(name).toBe('2021年改革考核-东坡区_医共体.xlsx')
    expect(attachmentDisposition(name)).toBe(
      `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
  })
})

describe('unitReportWorkbook', () => {
  it('says data is missing, by name, instead of writing 0', async () => {
    const book = await load(
      await unitReportWorkbook(buildReport(), new Map([['county_visits', '县域内就诊人次']])),
    )
    const sheet = book.getWorksheet('考核结果')!
    const cells: Record<string, string> = {}
    sheet.eachRow((row) => {
      cells[row.getCell(1).text] = row.getCell(3).text
    })
    expect(cells['总分（满分 100）']).toBe('数据缺失，未计分')
    expect(cells['等次']).toBe('未定（数据不全）')
    expect(cells['数据缺失']).toBe('县域内就诊人次')
    expect(cells['公布时记录']).toBe('尚未公布')
    let item: ExcelJS.Row | undefined
    sheet.eachRow((row) => {
      if (row.getCell(2).text === '县域内就诊率') item = row
    })
    expect(item!.getCell(5).text).toBe('数据缺失')
    expect(item!.getCell(6).text).toBe('数据缺失')
    expect(item!.getCell(11).text).toContain('缺少数据：县域内就诊人次')
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    })
    expect(sheet.getColumn(11).width).toBe(60)
    expect(book.getWorksheet('历年趋势')!.getRow(2).getCell(3).text).toBe('—')
  })
})

describe('runReportWorkbook', () => {
  it('writes an incomplete unit as missing data and counts the grades', async () => {
    const view: RunView = {
      assessment: ASSESSMENT,
      run: buildReport().run,
      results: [
        {
          unit: { id: 'a', name: '东坡区医共体' },
          complete: false,
          missing: ['county_visits'],
          base: null,
          bonus: null,
          total: null,
          grade: null,
          vetoedBy: null,
          effects: [],
          failing: [],
        },
      ],
      counts: { units: 1, complete: 0, grades: { none: 1 } },
      may: { compute: true, review: true, publish: true },
    }
    const book = await load(await runReportWorkbook(view))
    const row = book.getWorksheet('考核结果汇总')!.getRow(3)
    expect([2, 3, 4, 5, 6, 7, 9].map((column) => row.getCell(column).text)).toEqual([
      '东坡区医共体',
      '否',
      '数据缺失',
      '数据缺失',
      '数据缺失',
      '未定',
      'county_visits',
    ])
    const counts: string[][] = []
    book
      .getWorksheet('等次统计')!
      .eachRow((r) => counts.push([r.getCell(1).text, r.getCell(3).text]))
    expect(counts).toEqual([
      ['等次', '单位数'],
      ['优秀', '0'],
      ['良好', '0'],
      ['合格', '0'],
      ['不合格', '0'],
      ['未定（数据不全）', '1'],
      ['合计', '1'],
    ])
  })
})
