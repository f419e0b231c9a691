import { WorkingDayCalendar } from './working-day-calendar.ts'

describe('WorkingDayCalendar', () => {
  const calendar = WorkingDayCalendar.mainland()

  it('knows official holidays and the weekend days worked in their place (调休)', () => {
    expect(calendar.isWorkingDay('2018-10-01')).toBe(false) // 国庆节
    expect(calendar.isWorkingDay('2018-09-29')).toBe(true) // Saturday, made up for National Day
    expect(calendar.isWorkingDay('2018-02-11')).toBe(true) // Sunday, made up for Spring Festival
    expect(calendar.isWorkingDay('2018-06-18')).toBe(false) // 端午节, a Monday
    expect(calendar.isWorkingDay('2018-06-19')).toBe(true) // an ordinary Tuesday
    expect(calendar.isWorkingDay('2018-06-23')).toBe(false) // an ordinary Saturday
  })

  it('adds working days without counting the start day', () => {
    expect(calendar.addWorkingDays('2018-06-22', 1)).toEqual({
      date: '2018-06-25',
      missingYears: [],
    })
    expect(calendar.addWorkingDays('2018-02-14', 1)).toEqual({
      date: '2018-02-22',
      missingYears: [],
    })
  })

  it('covers the years the package knows, through 2026', () => {
    expect(calendar.hasYear(2018)).toBe(true)
    expect(calendar.hasYear(2026)).toBe(true)
  })

  it('reports a year it has no holiday data for instead of silently using plain weekends', () => {
    const result = calendar.addWorkingDays('2026-12-28', 5)
    expect(result.missingYears).toEqual([2027])
    expect(calendar.countWorkingDays('2027-01-01', '2027-01-31').missingYears).toEqual([2027])
  })

  it('takes extra years from config', () => {
    const extended = WorkingDayCalendar.mainland({
      years: [2027],
      holidays: ['2027-01-01'],
      workdays: ['2027-01-02'],
    })
    expect(extended.hasYear(2027)).toBe(true)
    expect(extended.isWorkingDay('2027-01-01')).toBe(false) // a Friday, declared a holiday
    expect(extended.isWorkingDay('2027-01-02')).toBe(true) // a Saturday, declared a workday
    expect(extended.addWorkingDays('2026-12-31', 1)).toEqual({
      date: '2027-01-02',
      missingYears: [],
    })
  })
})
