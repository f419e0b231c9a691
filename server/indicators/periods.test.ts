import { parsePeriod, periodFor, periodYear } from './periods.ts'

describe('parsePeriod', () => {
  it.each([
    ['2021', '2021', 'year'],
    [2021, '2021', 'year'],
    ['2021年', '2021', 'year'],
    ['2021年度', '2021', 'year'],
    ['2021-Q1', '2021-Q1', 'quarter'],
    ['2021q4', '2021-Q4', 'quarter'],
    ['2021年一季度', '2021-Q1', 'quarter'],
    ['2021年第3季度', '2021-Q3', 'quarter'],
    ['2021-01', '2021-01', 'month'],
    ['2021-1', '2021-01', 'month'],
    ['2021/12', '2021-12', 'month'],
    ['2021年3月', '2021-03', 'month'],
    ['２０２１－０３', '2021-03', 'month'],
  ])('reads %s as %s', (raw, text, kind) => {
    const parsed = parsePeriod(raw)
    expect(parsed).toMatchObject({ ok: true, period: { text, kind, year: 2021 } })
  })

  it.each(['', '21', '2021-13', '2021-Q5', '2021-00', '上半年', '1899', '2021-03-01'])(
    'refuses %j with both languages saying the accepted forms',
    (raw) => {
      const parsed = parsePeriod(raw)
      expect(parsed.ok).toBe(false)
      if (parsed.ok) return
      expect(parsed.message.zh).toMatch(/2021|期间/)
      expect(parsed.message.en).toMatch(/2021|period/i)
    },
  )

  it('gives the year of a canonical period', () => {
    expect(periodYear('2021-Q3')).toBe(2021)
    expect(periodYear('2019-12')).toBe(2019)
  })
})

describe('periodFor', () => {
  it('takes a period of the frequency or coarser', () => {
    expect(periodFor('2021-03', 'monthly').ok).toBe(true)
    expect(periodFor('2021-Q1', 'monthly').ok).toBe(true)
    expect(periodFor('2021-Q1', 'quarterly').ok).toBe(true)
    expect(periodFor('2021', 'quarterly').ok).toBe(true)
    expect(periodFor('2021', 'yearly').ok).toBe(true)
    expect(periodFor('2021', 'once').ok).toBe(true)
  })

  it('refuses a finer period, saying what to write', () => {
    const month = periodFor('2021-03', 'yearly', '县域内就诊人次')
    expect(month).toMatchObject({ ok: false })
    if (month.ok) return
    expect(month.message.zh).toContain('县域内就诊人次按年报送')
    expect(month.message.zh).toContain('2021')
    expect(month.message.en).toContain('yearly')
    const quarterOfOnce = periodFor('2021-Q2', 'once')
    expect(quarterOfOnce.ok).toBe(false)
    const monthOfQuarterly = periodFor('2021-05', 'quarterly')
    expect(monthOfQuarterly.ok).toBe(false)
    if (!monthOfQuarterly.ok) expect(monthOfQuarterly.message.zh).toContain('2021-Q1')
  })
})
