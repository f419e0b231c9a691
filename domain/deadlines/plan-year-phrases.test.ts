/** Deadline phrases relative to the plan's year, resolved against its issue date. */
import { parseDeadline } from './parse-deadline.ts'

const ISSUED = '2024-04-15'

describe('phrases relative to the plan’s year (issued 2024-04-15)', () => {
  it.each([
    ['年内', { kind: 'date', date: '2024-12-31' }],
    ['今年内', { kind: 'date', date: '2024-12-31' }],
    ['今年底', { kind: 'date', date: '2024-12-31' }],
    ['今年年底前', { kind: 'date', date: '2024-12-31' }],
    ['本年度末', { kind: 'date', date: '2024-12-31' }],
    ['年中', { kind: 'date', date: '2024-06-30' }],
    ['上半年', { kind: 'window', start: '2024-01-01', end: '2024-06-30' }],
    ['今年下半年', { kind: 'window', start: '2024-07-01', end: '2024-12-31' }],
    ['本季度内', { kind: 'date', date: '2024-06-30' }],
    ['三季度', { kind: 'window', start: '2024-07-01', end: '2024-09-30' }],
    ['今年第四季度末', { kind: 'date', date: '2024-12-31' }],
  ])('reads %s as %j', (phrase, rule) => {
    expect(parseDeadline(phrase, ISSUED)).toEqual({ ok: true, rule })
  })

  it('takes 本季度 as the quarter of the issue date', () => {
    expect(parseDeadline('本季度内', '2018-11-02')).toEqual({
      ok: true,
      rule: { kind: 'date', date: '2018-12-31' },
    })
  })

  it('keeps 年底前 as every year’s end, and 2020年上半年 as the year it names', () => {
    expect(parseDeadline('年底前', ISSUED)).toMatchObject({
      ok: true,
      rule: { kind: 'recurring', every: 'year' },
    })
    expect(parseDeadline('2020年上半年', ISSUED)).toEqual({
      ok: true,
      rule: { kind: 'window', start: '2020-01-01', end: '2020-06-30' },
    })
  })

  it('says, in both languages, that the plan’s issue date is needed when none is given', () => {
    const result = parseDeadline('年内')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message.zh).toContain('metadata.issueDate')
      expect(result.message.en).toContain('issue date')
    }
  })
})
