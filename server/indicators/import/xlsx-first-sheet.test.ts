/** Which part holds a workbook's first tab. */
import { firstSheetPart } from './xlsx-first-sheet.ts'

const rels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="…/worksheet" Target="/xl/worksheets/sheet2.xml"/>
  <Relationship Id="rId3" Type="…/worksheet" Target="./worksheets/../worksheets/a&amp;b.xml"/>
</Relationships>`

function workbook(firstId: string, prefix = 'r'): string {
  return `<workbook xmlns:${prefix}="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <bookViews><workbookView activeTab="0"/></bookViews>
  <sheets><sheet name="填报" sheetId="7" ${prefix}:id="${firstId}"/><sheet name="说明" sheetId="1" ${prefix}:id="rId1"/></sheets>
</workbook>`
}

describe('firstSheetPart', () => {
  it('follows the first <sheet> of the workbook to its part, not the lowest-numbered part', () => {
    expect(firstSheetPart(workbook('rId2'), rels)).toBe('xl/worksheets/sheet2.xml')
    expect(firstSheetPart(workbook('rId1'), rels)).toBe('xl/worksheets/sheet1.xml')
  })

  it('resolves relative targets and XML entities, whatever prefix names the relationship', () => {
    expect(firstSheetPart(workbook('rId3', 'rel'), rels)).toBe('xl/worksheets/a&b.xml')
  })

  it('says nothing when the workbook or its relationships do not name the part', () => {
    expect(firstSheetPart('', rels)).toBeUndefined()
    expect(firstSheetPart(workbook('rId9'), rels)).toBeUndefined()
    expect(firstSheetPart(workbook('rId1'), '')).toBeUndefined()
  })
})
