import { occurrences, periodWindow } from './occurrences.ts'
import { parseDeadline } from './parse-deadline.ts'
import type { DeadlineRule } from './deadline-rule.ts'
import { WorkingDayCalendar } from './working-day-calendar.ts'

function rule(phrase: string): DeadlineRule {
  const parsed = parseDeadline(phrase)
  if (!parsed.ok) throw new Error(parsed.message.en)
  return parsed.rule
}

describe('occurrences', () => {
  it('places Pingnan quarterly supervision in the first ten days of each quarter’s last month', () => {
    expect(
      occurrences(rule('每个季度最后一个月上旬'), { from: '2018-08-01', to: '2020-12-31' }).slice(
        0,
        3,
      ),
    ).toEqual([
      { period: '2018-Q3', start: '2018-09-01', due: '2018-09-10' },
      { period: '2018-Q4', start: '2018-12-01', due: '2018-12-10' },
      { period: '2019-Q1', start: '2019-03-01', due: '2019-03-10' },
    ])
    expect(
      occurrences(rule('每个季度最后一个月上旬'), { from: '2018-08-01', to: '2020-12-31' }),
    ).toHaveLength(10)
  })

  it('yields one period per month, ending on the month’s last day (leap February included)', () => {
    const months = occurrences(rule('按月度'), { from: '2020-01-01', to: '2020-03-31' })
    expect(months).toEqual([
      { period: '2020-01', start: '2020-01-01', due: '2020-01-31' },
      { period: '2020-02', start: '2020-02-01', due: '2020-02-29' },
      { period: '2020-03', start: '2020-03-01', due: '2020-03-31' },
    ])
  })

  it('puts 次年一季度 in the first quarter of the year after the period', () => {
    expect(occurrences(rule('次年一季度'), { from: '2020-07-24', to: '2023-07-23' })).toEqual([
      { period: '2020', start: '2021-01-01', due: '2021-03-31' },
      { period: '2021', start: '2022-01-01', due: '2022-03-31' },
      { period: '2022', start: '2023-01-01', due: '2023-03-31' },
    ])
  })

  it('reports on the range’s own periods after each ends when asked to select by period', () => {
    const range = { from: '2021-01-01', to: '2022-12-31' }
    expect(occurrences(rule('次年1月'), range, { select: 'period' })).toEqual([
      { period: '2021', start: '2022-01-01', due: '2022-01-31' },
      { period: '2022', start: '2023-01-01', due: '2023-01-31' },
    ])
    // By due date the same rule reports on the year before the range and misses its last.
    expect(occurrences(rule('次年1月'), range).map((o) => o.period)).toEqual(['2020', '2021'])
    expect(
      occurrences(rule('次月上旬'), { from: '2021-11-15', to: '2022-01-31' }, { select: 'period' }),
    ).toEqual([
      { period: '2021-11', start: '2021-12-01', due: '2021-12-10' },
      { period: '2021-12', start: '2022-01-01', due: '2022-01-10' },
      { period: '2022-01', start: '2022-02-01', due: '2022-02-10' },
    ])
    expect(
      occurrences(
        rule('次季度首月'),
        { from: '2021-07-01', to: '2021-12-31' },
        { select: 'period' },
      ),
    ).toEqual([
      { period: '2021-Q3', start: '2021-10-01', due: '2021-10-31' },
      { period: '2021-Q4', start: '2022-01-01', due: '2022-01-31' },
    ])
  })

  it('keeps only periods due inside the range: Meishan’s year-end assessments over its 3-year trial', () => {
    expect(
      occurrences(rule('每年年底'), { from: '2020-07-24', to: '2023-07-23' }).map((o) => o.due),
    ).toEqual(['2020-12-31', '2021-12-31', '2022-12-31'])
  })

  it('gives a fixed window once, whatever the range', () => {
    expect(occurrences(rule('2018年4月上旬'), { from: '2030-01-01', to: '2030-12-31' })).toEqual([
      { period: 'once', start: '2018-04-01', due: '2018-04-10' },
    ])
  })

  it('counts working days from the assignment date across the National Day holiday and its make-up days', () => {
    const calendar = WorkingDayCalendar.mainland()
    expect(
      occurrences(
        rule('3个工作日内'),
        { from: '2018-01-01', to: '2018-12-31' },
        { anchor: '2018-09-28', calendar },
      ),
    ).toEqual([{ period: 'once', start: '2018-09-28', due: '2018-10-08' }])
  })

  it('computes 下旬 windows to the month’s true end', () => {
    const late = periodWindow(
      { kind: 'recurring', every: 'month', shift: 0, dekad: 'late' },
      '2019-02-01',
    )
    expect(late).toEqual({ start: '2019-02-21', end: '2019-02-28' })
  })
})
