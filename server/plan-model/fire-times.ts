/**
 * @module When timers fire, as instants. Deadlines are civil dates in Asia/Shanghai; a task due on
 * a day is overdue from the next midnight there, and reminders and escalations go out at 09:00
 * local time, when offices are open.
 */
import { addDays, startOfDayInstant } from '../../domain/deadlines/index.ts'
import type { CivilDate, WorkingDayCalendar } from '../../domain/deadlines/index.ts'
import type { Escalation } from '../../schemas/index.ts'

export const LEVELS = { remind: 1, urge: 2, supervise: 3, circulate: 4 } as const
export type EscalationLevel = keyof typeof LEVELS

const NINE_AM = 9 * 3600_000

/** 09:00 Asia/Shanghai on a civil date. */
export function officeHours(date: CivilDate): string {
  return new Date(startOfDayInstant(date).getTime() + NINE_AM).toISOString()
}

/** The instant a task due on `due` becomes overdue: the next midnight in Asia/Shanghai. */
export function overdueAt(due: CivilDate): string {
  return startOfDayInstant(addDays(due, 1)).toISOString()
}

/** One planned step of the ladder for a task. */
export interface PlannedStep {
  level: EscalationLevel
  fireAt: string
  notify: readonly string[]
}

/** The ladder's steps for a task due on `due`. */
export function planEscalation(
  due: CivilDate,
  escalation: Escalation,
  calendar: WorkingDayCalendar,
): PlannedStep[] {
  return escalation.steps.map((step) => {
    if (step.level === 'urge' && step.offset === 0)
      return { level: 'urge', fireAt: overdueAt(due), notify: step.notify }
    const day =
      step.workingDays && step.offset > 0
        ? calendar.addWorkingDays(due, step.offset).date
        : addDays(due, step.offset)
    return { level: step.level, fireAt: officeHours(day), notify: step.notify }
  })
}
