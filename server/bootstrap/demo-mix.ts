/**
 * @module How the demo's simulated units answer their tasks: a seeded, deterministic mix — most
 * reports in and approved before the deadline, some late after the 催办 the overdue ladder sends,
 * a few returned once and resubmitted, a very few never done (closed 未完成 with the plan). Every
 * choice is a hash of what identifies the task in its plan (not its random id), so two demo starts
 * on empty folders write the same history.
 */
import { createHash } from 'node:crypto'
import { addDays, civilDateAt, startOfDayInstant } from '../../domain/deadlines/index.ts'
import type { TaskRow } from '../db/database.ts'

export type Outcome = 'on-time' | 'late' | 'returned' | 'undone'

/** A task as the mix identifies it: the same duty, unit and period in any demo start. */
export type MixTask = Pick<
  TaskRow,
  'source_id' | 'assignee' | 'period' | 'role' | 'due_on' | 'opens_on' | 'created_at'
>

/** A number in [0, 1) from the task's identity and a salt. */
export function draw(policyId: string, task: MixTask, salt: string): number {
  const key = [policyId, task.source_id, task.assignee, task.period ?? '', task.role, salt]
  const digest = createHash('sha256').update(key.join('|')).digest()
  return digest.readUInt32BE(0) / 2 ** 32
}

/** What the unit does with the task: 80 % on time, 12 % late, 6 % returned once, 2 % never. */
export function outcomeOf(policyId: string, task: MixTask): Outcome {
  const u = draw(policyId, task, 'outcome')
  if (u < 0.06) return 'returned'
  if (u < 0.18) return 'late'
  if (u < 0.2) return 'undone'
  return 'on-time'
}

/** A whole number in [min, max] drawn for the task. */
export function between(policyId: string, task: MixTask, salt: string, min: number, max: number) {
  return min + Math.floor(draw(policyId, task, salt) * (max - min + 1))
}

/** The instant on a civil date at which someone acts: between 09:00 and 17:00 Beijing time. */
export function workingInstant(date: string, policyId: string, task: MixTask, salt: string): Date {
  const minutes = between(policyId, task, `${salt}-minute`, 0, 8 * 60)
  return new Date(startOfDayInstant(date).getTime() + (9 * 60 + minutes) * 60_000)
}

/**
 * The day the unit first reports: before the deadline when on time (never before the task
 * opens), 3–25 days after it when late; a continuing duty without a deadline is reported at some
 * point of the plan's `spanDays` (so a plan half-way through still has half of them open).
 * Null: never.
 */
export function reportDay(policyId: string, task: MixTask, spanDays: number): string | null {
  const outcome = outcomeOf(policyId, task)
  if (outcome === 'undone') return null
  const given = civilDateAt(new Date(task.created_at))
  const opens = task.opens_on && task.opens_on > given ? task.opens_on : given
  if (!task.due_on)
    return addDays(opens, between(policyId, task, 'undated', 5, Math.max(5, spanDays - 20)))
  if (outcome === 'late') return addDays(task.due_on, between(policyId, task, 'late', 3, 25))
  // Support units report a few days before the lead unit, which sums up their contributions.
  const ahead = task.role === 'support' ? between(policyId, task, 'ahead', 5, 9) : 0
  const day = addDays(task.due_on, -(1 + ahead + between(policyId, task, 'early', 0, 5)))
  return day < opens ? opens : day
}

/**
 * The report day in a plan driven up to `today` to show work in hand: half the reports due in the
 * last six weeks are still missing (overdue now), and a quarter of those not yet due came in during
 * the last few days (waiting for review now).
 */
export function presentDay(
  policyId: string,
  task: MixTask,
  day: string | null,
  today: string,
): string | null {
  const u = draw(policyId, task, 'present')
  if (task.due_on && task.due_on < today && task.due_on >= addDays(today, -42) && u < 0.5)
    return null
  if ((day === null || day > today) && u < 0.25) {
    const given = civilDateAt(new Date(task.created_at))
    const recent = addDays(today, -between(policyId, task, 'recent', 1, 5))
    return recent < given ? given : recent
  }
  return day
}
