/**
 * The rows of the first tab counted while an .xlsx is unpacked, before the spreadsheet reader
 * loads it: the count the import's limit is held to, so a file over the limit is never loaded.
 * Each crafted file here is one the reader would read as the count says.
 */
import { buildZip, part, sheetXml, workbookParts } from '../../../test/helpers/hostile-xlsx.ts'
import type { ZipPart } from '../../../test/helpers/hostile-xlsx.ts'
import { checkZipDirectory, verifyXlsxEntries } from './inspect-xlsx.ts'

const rows = (n: number, cell = '<c r="A{r}" t="inlineStr"><is><t>x</t></is></c>') =>
  Array.from(
    { length: n },
    (_, i) => `<row r="${i + 1}">${cell.replace('{r}', String(i + 1))}</row>`,
  ).join('')

/** The first tab's rows with a value, or the failure, for a workbook of these parts. */
function counted(parts: ZipPart[]) {
  const bytes = buildZip(parts)
  const directory = checkZipDirectory(bytes)
  if (!directory.ok) return directory
  const extent = verifyXlsxEntries(bytes, directory.entries)
  return extent.ok ? extent.firstSheetRows : extent
}

const withSheet = (name: string, xml: string, others: ZipPart[] = workbookParts()) => [
  ...others,
  part(name, xml),
]

describe('the first tab’s rows, counted before loading', () => {
  it('counts a plain workbook’s rows, to the end of the part whatever a comment says', () => {
    expect(counted(withSheet('xl/worksheets/sheet1.xml', sheetXml(rows(1000))))).toBe(1000)
    const early = sheetXml(`<!--</sheetData>-->${rows(1000)}`)
    expect(counted(withSheet('xl/worksheets/sheet1.xml', early))).toBe(1000)
  })

  it('counts a worksheet named with a leading slash, as the reader keys it, and refuses two entries of one part', () => {
    expect(counted(withSheet('/xl/worksheets/sheet1.xml', sheetXml(rows(1000))))).toBe(1000)
    const twice = [
      ...withSheet('xl/worksheets/sheet1.xml', sheetXml(rows(1))),
      part('/xl/worksheets/sheet1.xml', sheetXml(rows(1000))),
    ]
    expect(counted(twice)).toMatchObject({ ok: false, reason: 'unreadable' })
  })

  it('passes over a chartsheet first in the workbook, to the worksheet the reader reads', () => {
    const parts = workbookParts().map((p) =>
      p.name === 'xl/workbook.xml'
        ? part(
            p.name,
            '<workbook xmlns:r="r"><sheets><sheet name="图" sheetId="2" r:id="rId3"/><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
          )
        : p.name === 'xl/_rels/workbook.xml.rels'
          ? part(
              p.name,
              '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Target="chartsheets/sheet1.xml"/></Relationships>',
            )
          : p,
    )
    const chart = part('xl/chartsheets/sheet1.xml', '<chartsheet/>')
    expect(
      counted(withSheet('xl/worksheets/sheet1.xml', sheetXml(rows(1000)), [...parts, chart])),
    ).toBe(1000)
  })

  it('counts no row whose cells are empty, and every row with a value, an inline string or a formula', () => {
    const empty = [
      '<c r="A{r}"><v/></c>',
      '<c r="A{r}" t="str"><v></v></c>',
      '<c r="A{r}" t="inlineStr"><is><t></t></is></c>',
      '<c r="A{r}" s="3"/>',
    ]
    const filled = [
      '<c r="A{r}"><v>12</v></c>',
      '<c r="A{r}" t="inlineStr"><is><t xml:space="preserve">x</t></is></c>',
      '<c r="A{r}"><f t="shared" si="0"/></c>',
      '<c r="A{r}"><f>SUM(1,2)</f></c>',
    ]
    const sheet = sheetXml(
      [...empty, ...filled].map((cell) => rows(100, cell)).join('') + '<row r="900"/>',
    )
    expect(counted(withSheet('xl/worksheets/sheet1.xml', sheet))).toBe(filled.length * 100)
  })
})
