import { packageHolidayData, WorkingDayCalendar } from '../deadlines/working-day-calendar.ts'
import { expectedPercent, isDueSoon, taskLight } from './task-light.ts'
import type { LightFacts } from './task-light.ts'

const calendar = WorkingDayCalendar.mainland()
const withoutMakeUpDays = new WorkingDayCalendar({ ...packageHolidayData(), workdays: [] })
const facts = (over: Partial<LightFacts>): LightFacts => ({
  today: '2018-09-03',
  opensOn: '2018-09-03',
  dueOn: '2018-10-08',
  standing: 'owing',
  percent: null,
  redCleared: false,
  ...over,
})
const thresholds = { blueWithinWorkingDays: 2, yellowBehindPercent: 20 }

describe('taskLight', () => {
  it('is blue from the day the due date is N working days away, counting 调休 weekend days', () => {
    // 2018-09-29 and -30 (a weekend) were worked for National Day; 10-01…10-07 were off.
    expect(taskLight(facts({ today: '2018-09-28' }), calendar, thresholds)).toBe('green')
    expect(taskLight(facts({ today: '2018-09-29' }), calendar, thresholds)).toBe('blue')
    // Without the make-up days, 10-08 would be one working day after 09-28 and blue already.
    expect(taskLight(facts({ today: '2018-09-28' }), withoutMakeUpDays, thresholds)).toBe('blue')
  })

  it('is blue on the due date itself and red the day after', () => {
    expect(taskLight(facts({ today: '2018-10-08' }), calendar, thresholds)).toBe('blue')
    expect(taskLight(facts({ today: '2018-10-09' }), calendar, thresholds)).toBe('red')
  })

  it('stays red after a late submission, until the task is done', () => {
    const late = facts({ today: '2018-10-10', standing: 'handed-in' })
    expect(taskLight(late, calendar, thresholds)).toBe('red')
    expect(taskLight({ ...late, standing: 'done' }, calendar, thresholds)).toBe('green')
  })

  it('turns a cleared red light yellow while the task is still not done', () => {
    const cleared = facts({ today: '2018-10-10', redCleared: true })
    expect(taskLight(cleared, calendar, thresholds)).toBe('yellow')
  })

  it('is yellow when the report was returned for quality, before the deadline', () => {
    expect(taskLight(facts({ standing: 'returned' }), calendar, thresholds)).toBe('yellow')
  })

  it('is yellow when the reported percent lags 序时进度 by the threshold, not by less', () => {
    // 2018-09-03 … 10-08 holds 22 working days (09-24 中秋 off, 09-29/30 worked).
    const today = '2018-09-14' // 10 working days gone: 45 %
    expect(expectedPercent(calendar, '2018-09-03', '2018-10-08', today)).toBe(45)
    expect(taskLight(facts({ today, percent: 25 }), calendar, thresholds)).toBe('yellow')
    expect(taskLight(facts({ today, percent: 26 }), calendar, thresholds)).toBe('green')
    // No report: 序时进度 is not judged.
    expect(taskLight(facts({ today, percent: null }), calendar, thresholds)).toBe('green')
  })

  it('is green for a task with no deadline, and for a handed-in task near its deadline', () => {
    expect(taskLight(facts({ dueOn: null, opensOn: null }), calendar, thresholds)).toBe('green')
    const near = facts({ today: '2018-10-08', standing: 'handed-in' })
    expect(taskLight(near, calendar, thresholds)).toBe('green')
  })

  it('counts the expected percent as none before the window opens and all after it closes', () => {
    expect(expectedPercent(calendar, '2018-09-03', '2018-10-08', '2018-09-01')).toBe(0)
    expect(expectedPercent(calendar, '2018-09-03', '2018-10-08', '2018-10-08')).toBe(100)
    expect(expectedPercent(calendar, null, '2018-10-08', '2018-09-10')).toBeNull()
  })
})

describe('isDueSoon', () => {
  it('holds for owed and returned work within N working days of its due date, not after it', () => {
    expect(isDueSoon(facts({ today: '2018-09-28' }), calendar, thresholds)).toBe(false)
    expect(isDueSoon(facts({ today: '2018-09-29' }), calendar, thresholds)).toBe(true)
    expect(isDueSoon(facts({ today: '2018-10-08' }), calendar, thresholds)).toBe(true)
    expect(isDueSoon(facts({ today: '2018-10-09' }), calendar, thresholds)).toBe(false)
    const returned = facts({ today: '2018-10-08', standing: 'returned' })
    expect(isDueSoon(returned, calendar, thresholds)).toBe(true)
    // A returned report due soon stays yellow (returned) but is still marked due soon.
    expect(taskLight(returned, calendar, thresholds)).toBe('yellow')
  })

  it('does not hold for work handed in or done, nor without a due date', () => {
    const today = '2018-10-08'
    expect(isDueSoon(facts({ today, standing: 'handed-in' }), calendar, thresholds)).toBe(false)
    expect(isDueSoon(facts({ today, standing: 'done' }), calendar, thresholds)).toBe(false)
    expect(isDueSoon(facts({ today, dueOn: null }), calendar, thresholds)).toBe(false)
  })
})
