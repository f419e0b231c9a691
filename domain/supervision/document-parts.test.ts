/** The document's parts as a grouping for progress. */
import { documentPart, dutiesByPart } from './document-parts.ts'

describe('the document’s own structure', () => {
  it.each([
    ['二、(三)1', '二、'],
    ['四、', '四、'],
    ['十二、(一)', '十二、'],
    ['附件考核表', '附件'],
    ['附件四、', '附件'],
    ['首部', '首部'],
  ])('puts clause %s in part %s', (clause, part) => {
    expect(documentPart(clause)).toBe(part)
  })

  it('groups duties by part in the order the parts first appear', () => {
    expect(
      dutiesByPart([
        { id: 'a', source: { clause: '二、(一)1' } },
        { id: 'b', source: { clause: '三、(二)' } },
        { id: 'c', source: { clause: '二、(三)' } },
        { id: 'd' },
      ]),
    ).toEqual([
      { part: '二、', duties: ['a', 'c'] },
      { part: '三、', duties: ['b'] },
      { part: '（未注明出处）', duties: ['d'] },
    ])
  })
})
