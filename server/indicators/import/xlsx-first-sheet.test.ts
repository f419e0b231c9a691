/** Which part holds a workbook's first tab, found as the spreadsheet reader finds it. */
import { firstSheetPart } from './xlsx-first-sheet.ts'

const rels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id='rId2' Type="…/worksheet" Target=" /xl/worksheets/sheet2.xml"/>
  <Relationship Id="rId3" Type="…/worksheet" Target="./worksheets/sheet3.xml"/>
  <Relationship Id="rId4" Type="…/chartsheet" Target="chartsheets/sheet1.xml"/>
  <Relationship Id="rId5" Type="…/worksheet" Target="worksheets/sheet&#53;.xml"/>
</Relationships>`

const parts = new Set([
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet2.xml',
  'xl/worksheets/sheet3.xml',
  'xl/worksheets/sheet5.xml',
])

function workbook(...ids: string[]): string {
  return `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <sheets>${ids.map((id, i) => `<sheet name="第${i}页" sheetId="${i + 1}" r:id="${id}"/>`).join('')}</sheets>
</workbook>`
}

describe('firstSheetPart', () => {
  it('follows the first <sheet> of the workbook to its part, not the lowest-numbered part', () => {
    expect(firstSheetPart(workbook('rId2', 'rId1'), rels, parts)).toBe('xl/worksheets/sheet2.xml')
    expect(firstSheetPart(workbook('rId1', 'rId2'), rels, parts)).toBe('xl/worksheets/sheet1.xml')
    expect(firstSheetPart(workbook('rId5'), rels, parts)).toBe('xl/worksheets/sheet5.xml')
  })

  it('passes over a chartsheet, a target the reader does not resolve and an unknown relationship, as the reader does', () => {
    expect(firstSheetPart(workbook('rId4', 'rId3', 'rId9', 'rId1'), rels, parts)).toBe(
      'xl/worksheets/sheet1.xml',
    )
  })

  it('says nothing when no sheet resolves to a worksheet part', () => {
    expect(firstSheetPart('', rels, parts)).toBeUndefined()
    expect(firstSheetPart(workbook('rId4'), rels, parts)).toBeUndefined()
    expect(firstSheetPart(workbook('rId1'), '', parts)).toBeUndefined()
  })

  it('finds the sheet past a megabyte of unclosed and overlong tags', () => {
    const hostile = '<Relationship '.repeat(80_000) + '<sheet '.repeat(80_000)
    expect(firstSheetPart(hostile, hostile, parts)).toBeUndefined()
    const long = `<sheet ${'a'.repeat(4000)} r:id="rId1"/>`.repeat(250)
    expect(firstSheetPart(`<sheets>${long}</sheets>`, rels, parts)).toBe('xl/worksheets/sheet1.xml')
  })
})
