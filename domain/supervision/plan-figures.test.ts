import { describe, expect, it } from 'vitest'
import { countOnTime, onTimeRate, percentDone, phaseStanding } from './plan-figures.ts'
import { escalationCounts, isSupervised, standingEscalation } from './escalation.ts'

describe('progress figures', () => {
  it('rounds a share done down, so unfinished work never reads 100%', () => {
    expect(percentDone({ total: 0, approved: 0 })).toBe(0)
    expect(percentDone({ total: 126, approved: 0 })).toBe(0)
    expect(percentDone({ total: 7, approved: 1 })).toBe(14)
    expect(percentDone({ total: 1000, approved: 999 })).toBe(99)
    expect(percentDone({ total: 4, approved: 4 })).toBe(100)
  })

  it('calls a phase met only when it closed with every task done', () => {
    const tasks = (total: number, approved: number) => ({ total, approved })
    expect(phaseStanding({ status: 'closed', late: false, tasks: tasks(126, 0) })).toBe(
      'unfinished',
    )
    expect(phaseStanding({ status: 'closed', late: false, tasks: tasks(4, 4) })).toBe('met')
    expect(phaseStanding({ status: 'closed', late: false, tasks: tasks(0, 0) })).toBe('met')
    expect(phaseStanding({ status: 'open', late: true, tasks: tasks(4, 1) })).toBe('late')
    expect(phaseStanding({ status: 'open', late: false, tasks: tasks(4, 1) })).toBe('open')
    expect(phaseStanding({ status: 'pending', late: false, tasks: tasks(4, 0) })).toBe('pending')
  })

  it('counts a unit’s on-time rate over the tasks due by today or done', () => {
    const counts = { due: 0, onTime: 0 }
    const today = '2018-09-05'
    countOnTime(counts, { dueOn: '2018-06-30', finishedOn: '2018-06-28' }, today) // on time
    countOnTime(counts, { dueOn: '2018-06-30', finishedOn: '2018-07-10' }, today) // late
    countOnTime(counts, { dueOn: '2018-07-31', finishedOn: null }, today) // overdue
    countOnTime(counts, { dueOn: '2018-12-31', finishedOn: null }, today) // not due: not counted
    countOnTime(counts, { dueOn: '2018-12-31', finishedOn: '2018-09-01' }, today) // early
    countOnTime(counts, { dueOn: null, finishedOn: '2018-09-01' }, today) // no date: not counted
    expect(counts).toEqual({ due: 4, onTime: 2 })
    expect(onTimeRate(counts)).toBe(50)
    expect(onTimeRate({ due: 0, onTime: 0 })).toBeNull()
    expect(onTimeRate({ due: 3, onTime: 2 })).toBe(66)
  })
})

describe('escalation levels', () => {
  it('stands at the stored level while the task is acted on, at none once it stopped', () => {
    expect(standingEscalation(4, false)).toBe(4)
    expect(standingEscalation(4, true)).toBe(0)
    expect(standingEscalation(0, false)).toBe(0)
    expect(standingEscalation(7, false)).toBe(4)
  })

  it('counts 督办 and 通报 together as under 督办', () => {
    expect(isSupervised(3)).toBe(true)
    expect(isSupervised(4)).toBe(true)
    expect(isSupervised(2)).toBe(false)
    expect(escalationCounts([0, 1, 2, 2, 3, 4, 4, 4])).toEqual({
      remind: 1,
      urge: 2,
      supervise: 1,
      circulate: 3,
      supervised: 4,
    })
  })
})
