/** Imports of whole files: empty and odd files, encodings, formats, limits and .xlsx workbooks. */
import ExcelJS from 'exceljs'
import { columnLetter, importValues } from './import-values.ts'
import { detectFormat, parseTable, XLSX_TYPE } from './parse-table.ts'
import { buildResolver, importCsv, values } from './import-test-support.ts'

describe('importValues — empty and odd files', () => {
  it('says an empty file is empty, and a header alone has no data', async () => {
    const empty = await importCsv('')
    expect(empty).toMatchObject({ fatal: true, rejected: [{ row: 1, code: 'empty-file' }] })
    expect(empty.rejected[0]!.message.zh).toContain('文件是空的')
    const header = await importCsv('单位,期间,county_visits\n')
    expect(header).toMatchObject({ fatal: true, rejected: [{ row: 1, code: 'no-data' }] })
    const blank = await importCsv('单位,期间,county_visits\ndongpo-mc,2021,\n')
    expect(blank).toMatchObject({ fatal: true, rejected: [{ code: 'no-data' }] })
  })

  it('reads UTF-8 with a BOM, GB18030 (Excel on Chinese Windows), tabs and semicolons', async () => {
    expect(
      values(await importCsv('\uFEFF单位,期间,county_visits\r\ndongpo-mc,2021,1\r\n')),
    ).toEqual(['dongpo-mc 2021 county_visits=1'])
    const gbk = Buffer.from(
      'b5a5cebb2cc6dabce42ccfd8d3f2c4dabecdd5efc8cbb4ce0ab6abc6c2c7f8d2bdb9b2cce52c323032312c3130300a',
      'hex',
    )
    const parsed = await parseTable(gbk, { contentType: 'text/csv' })
    expect(parsed).toMatchObject({ ok: true, table: { encoding: 'gb18030' } })
    expect(values(await importCsv(gbk))).toEqual(['dongpo-mc 2021 county_visits=100'])
    expect(values(await importCsv('单位\t期间\tcounty_visits\ndongpo-mc\t2021\t1,234\n'))).toEqual([
      'dongpo-mc 2021 county_visits=1234',
    ])
    expect(values(await importCsv('单位;期间;county_visits\ndongpo-mc;2021;2\n'))).toEqual([
      'dongpo-mc 2021 county_visits=2',
    ])
  })

  it('asks for UTF-8 when the bytes are no known encoding', async () => {
    const parsed = await parseTable(Uint8Array.from([0x41, 0x2c, 0x42, 0x0a, 0xff, 0xff, 0xff]), {
      contentType: 'text/csv',
    })
    expect(parsed).toMatchObject({ ok: false, reason: 'encoding' })
    if (!parsed.ok) expect(parsed.message.zh).toContain('UTF-8 CSV')
  })

  it('tells formats apart by bytes, type and name', () => {
    expect(detectFormat(Buffer.from('PK\u0003\u0004rest'), { contentType: 'text/csv' })).toEqual({
      ok: true,
      format: 'xlsx',
    })
    expect(detectFormat(Buffer.from('a,b'), { fileName: '数据.csv' })).toEqual({
      ok: true,
      format: 'csv',
    })
    expect(detectFormat(Buffer.from('a,b'), {})).toEqual({ ok: true, format: 'csv' })
    expect(
      detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), { fileName: 'old.xls' }),
    ).toMatchObject({ ok: false, reason: 'unsupported-type' })
    expect(detectFormat(Buffer.from('%PDF'), { contentType: 'application/pdf' })).toMatchObject({
      ok: false,
      reason: 'unsupported-type',
    })
    expect(detectFormat(Buffer.from('a,b'), { contentType: XLSX_TYPE })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    })
  })

  it('refuses more rows than the limit, saying how many', async () => {
    const text =
      '单位,期间,county_visits\n' +
      Array.from({ length: 11 }, (_, i) => `dongpo-mc,${2000 + i},1`).join('\n')
    const parsed = await parseTable(Buffer.from(text), { contentType: 'text/csv' }, 10)
    expect(parsed).toMatchObject({ ok: false, reason: 'too-many-rows' })
    if (!parsed.ok) expect(parsed.message.zh).toContain('11 行')
  })

  it('names columns like a spreadsheet', () => {
    expect([0, 2, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      'A',
      'C',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ])
  })
})

describe('importValues — .xlsx', () => {
  async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const book = new ExcelJS.Workbook()
    fill(book.addWorksheet('填报'))
    book.addWorksheet('说明').addRow(['这一页不读'])
    return Buffer.from(await book.xlsx.writeBuffer())
  }

  it('refuses an .xlsx over the limit before loading it, saying how many rows; takes one at the limit', async () => {
    const build = (rows: number) =>
      workbook((sheet) => {
        sheet.addRow(['单位', '期间', 'county_visits'])
        for (let i = 0; i < rows; i++) sheet.addRow(['dongpo-mc', String(2000 + (i % 90)), i])
        // Formatted rows without a value are not data rows.
        for (let i = 0; i < 300; i++)
          sheet.getCell(`A${rows + 10 + i}`).style = { font: { bold: true } }
      })
    const over = await parseTable(await build(1_001), { fileName: 'big.xlsx' }, 1_000)
    expect(over).toMatchObject({ ok: false, reason: 'too-many-rows' })
    if (!over.ok)
      expect(over.message.zh).toContain('文件有 1,001 行数据，超过一次导入的上限 1,000 行')
    const within = await parseTable(await build(1_000), { fileName: 'big.xlsx' }, 1_000)
    expect(within.ok && within.table.rows.length).toBe(1_001)
  })

  it('counts the rows of the first tab in the workbook’s order, whichever part holds it', async () => {
    const book = async (firstTabRows: number, otherTabRows: number) => {
      const built = new ExcelJS.Workbook()
      const other = built.addWorksheet('说明')
      for (let i = 0; i <= otherTabRows; i++) other.addRow([`说明 ${i}`])
      const first = built.addWorksheet('填报')
      first.addRow(['单位', '期间', 'county_visits'])
      for (let i = 0; i < firstTabRows; i++) first.addRow(['dongpo-mc', String(2000 + i), i])
      // 填报 is written as sheet2.xml but is the first tab (ExcelJS orders tabs by an untyped orderNo).
      ;(other as ExcelJS.Worksheet & { orderNo: number }).orderNo = 1
      ;(first as ExcelJS.Worksheet & { orderNo: number }).orderNo = 0
      return Buffer.from(await built.xlsx.writeBuffer())
    }
    const small = await parseTable(await book(3, 50), { fileName: 'tabs.xlsx' }, 10)
    expect(small.ok && small.table.rows.map((row) => row.cells[0])).toEqual([
      '单位',
      'dongpo-mc',
      'dongpo-mc',
      'dongpo-mc',
    ])
    const large = await parseTable(await book(50, 3), { fileName: 'tabs.xlsx' }, 10)
    expect(large).toMatchObject({ ok: false, reason: 'too-many-rows' })
    if (!large.ok) expect(large.message.zh).toContain('文件有 50 行数据')
  })

  it('reads numbers, text, rich text, formula results, percent formats and booleans from the first sheet', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow([
        '单位',
        '期间',
        '县域内就诊人次（人次）',
        'total_visits',
        '群众满意度',
        'drg_started',
        'county_total_cost',
      ])
      sheet.addRow([
        'dongpo-mc',
        2021,
        90240,
        '100000',
        0.9551,
        true,
        { formula: 'SUM(1,2)', result: 1234567.89 },
      ])
      sheet.getCell('E2').numFmt = '0.00%'
      sheet.addRow([
        { richText: [{ text: '仁寿县' }, { text: '医共体', font: { bold: true } }] },
        '2021',
        { formula: 'C2-240', result: 90000 },
        100000,
        88,
        '否',
        0.1 + 0.2,
      ])
    })
    const parsed = await parseTable(bytes, { contentType: XLSX_TYPE })
    expect(parsed).toMatchObject({ ok: true, table: { format: 'xlsx' } })
    if (!parsed.ok) return
    const report = importValues(parsed.table, buildResolver())
    expect(report.rejected).toEqual([])
    expect(values(report)).toEqual([
      'dongpo-mc 2021 county_visits=90240',
      'dongpo-mc 2021 total_visits=100000',
      'dongpo-mc 2021 public-satisfaction=95.51',
      'dongpo-mc 2021 drg_started=true',
      'dongpo-mc 2021 county_total_cost=1234567.89',
      'renshou-mc 2021 county_visits=90000',
      'renshou-mc 2021 total_visits=100000',
      'renshou-mc 2021 public-satisfaction=88',
      'renshou-mc 2021 drg_started=false',
      'renshou-mc 2021 county_total_cost=0.3',
    ])
  })

  it('refuses a period Excel stored as a decimal number (2021.10 becomes 2021.1), but takes a whole year', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['单位', '期间', 'monthly_visits'])
      sheet.addRow(['dongpo-mc', 2021.1, 12])
      sheet.addRow(['renshou-mc', 2021, 7])
    })
    const parsed = await parseTable(bytes, { fileName: '填报.xlsx' })
    if (!parsed.ok) throw new Error(parsed.message.en)
    const report = importValues(parsed.table, buildResolver())
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'B', 'invalid-period'],
    ])
    expect(report.rejected[0]!.message.zh).toContain(
      '无法分辨月份（Excel 会把 2021.10 存成 2021.1）',
    )
    expect(values(report)).toEqual(['renshou-mc 2021 monthly_visits=7'])
  })

  it('rejects dates, error values and formulas without a result in value cells; takes a month typed as a date in the period', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['单位', '期间', 'county_visits', 'total_visits', 'monthly_visits'])
      sheet.addRow([
        'dongpo-mc',
        '2021',
        new Date(Date.UTC(2021, 2, 1)),
        { formula: 'A1/0', result: { error: '#DIV/0!' } },
        null,
      ])
      sheet.addRow(['renshou-mc', '2021', { formula: 'SUM(D2:D9)' }, 5, null])
      sheet.addRow(['pengshan-mc', new Date(Date.UTC(2021, 2, 1)), null, null, 12])
    })
    const parsed = await parseTable(bytes, { fileName: '填报.xlsx' })
    if (!parsed.ok) throw new Error(parsed.message.en)
    const report = importValues(parsed.table, buildResolver())
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, 'C', 'date-cell'],
      [2, 'D', 'error-cell'],
      [3, 'C', 'error-cell'],
    ])
    expect(report.rejected[0]!.message.zh).toContain('单元格是日期（2021-03-01），应为数字')
    expect(report.rejected[1]!.message.zh).toContain('#DIV/0!')
    expect(report.rejected[2]!.message.zh).toContain('公式没有计算结果')
    expect(values(report)).toEqual(['pengshan-mc 2021-03 monthly_visits=12'])
  })

  it('says a damaged workbook cannot be read', async () => {
    const parsed = await parseTable(Buffer.from('PK\u0003\u0004 not really a zip'), {
      contentType: XLSX_TYPE,
    })
    expect(parsed).toMatchObject({ ok: false, reason: 'unreadable' })
  })
})
