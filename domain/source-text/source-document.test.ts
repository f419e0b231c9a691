import { readFileSync } from 'node:fs'
import { clauseAgrees, SourceDocument } from './source-document.ts'

const read = (region: string) =>
  new SourceDocument(
    readFileSync(new URL(`../../policies/${region}/source.txt`, import.meta.url), 'utf8'),
  )

describe('SourceDocument', () => {
  it('outlines Pingnan’s numbered clauses to three levels', () => {
    const labels = read('pingnan').clauses.map((clause) => clause.label)
    expect(labels.slice(0, 4)).toEqual(['一、', '一、(一)', '一、(二)', '一、(三)'])
    expect(labels).toContain('二、(三)7')
    expect(labels).toContain('四、(九)')
    expect(labels.at(-1)).toBe('五、(五)')
    // The step headings carry their dates in parentheses; those are not clauses.
    expect(labels.filter((label) => label.startsWith('三、'))).toHaveLength(7)
  })

  it('finds Meishan’s headings run together on one line, and its annex and scoring table', () => {
    const labels = read('meishan').clauses.map((clause) => clause.label)
    expect(labels).toContain('三、(五)')
    expect(labels).toContain('四、(一)2')
    expect(labels).toContain('附件四、')
    expect(labels.at(-1)).toBe('附件考核表')
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('finds a quote across stray spaces and line breaks, and names its clause', () => {
    const meishan = read('meishan')
    const [match] = meishan.findQuote('到2022年底县域内就诊率力争达90%以上')
    expect(match?.clause).toBe('三、(一)')
    expect(
      read('chongqing').findQuote('职工医保参保患者在一级医疗机构报销比例为90%')[0]?.clause,
    ).toBe('二、(五)')
  })

  it('names text before the first heading 首部', () => {
    expect(read('chongqing').findQuote('龚放代表')[0]?.clause).toBe('首部')
  })

  it('does not find a quote with one character changed', () => {
    expect(read('pingnan').findQuote('每个季度最后一个月中旬')).toEqual([])
  })

  it('accepts a clause label more or less specific than the quote’s place', () => {
    expect(clauseAgrees('二、', '二、(四)3')).toBe(true)
    expect(clauseAgrees('二、（五）一是', '二、(五)')).toBe(true)
    expect(clauseAgrees('四、(二) ', '四、(二)')).toBe(true)
    expect(clauseAgrees('四、(三)', '四、(二)')).toBe(false)
  })
})
