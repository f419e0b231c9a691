/**
 * @module 督办级别: what a task's escalation level means, in one place for the dashboard's counts,
 * the 督办 list and the badge on a task. The ladder is 1 提醒, 2 催办, 3 督办, 4 通报; a task is
 * "under 督办" from level 3 up (a 通报 task is still 督办, one step further). A task nobody acts on
 * any more (done, withdrawn, or left undone by a closed plan) stands at level 0: its history keeps
 * the steps, but it is no longer behind.
 */

/** The rungs of the ladder, by level. */
export const ESCALATION_LEVELS = [1, 2, 3, 4] as const
export type EscalationRung = (typeof ESCALATION_LEVELS)[number]

/** The level from which a task is under 督办 (counted on the dashboard, listed, badged red). */
export const SUPERVISED_FROM = 3

/** Names of the rungs. */
export const ESCALATION_NAMES: Record<EscalationRung, { zh: string; en: string }> = {
  1: { zh: '提醒', en: 'Reminded' },
  2: { zh: '催办', en: 'Urged' },
  3: { zh: '督办', en: 'Supervised' },
  4: { zh: '通报', en: 'Circulated' },
}

/** The level a task stands at now: its stored level while someone still acts on it, else 0. */
export function standingEscalation(level: number, stopped: boolean): 0 | EscalationRung {
  if (stopped || !(level > 0)) return 0
  return Math.min(Math.floor(level), 4) as EscalationRung
}

/** True when a standing level is 督办 or 通报. */
export function isSupervised(level: number): boolean {
  return level >= SUPERVISED_FROM
}

/** Counts of standing levels: each rung, and `supervised` (督办 and 通报 together). */
export interface EscalationCounts {
  remind: number
  urge: number
  supervise: number
  circulate: number
  supervised: number
}

/** Counts the standing levels given (0s count toward nothing). */
export function escalationCounts(levels: Iterable<number>): EscalationCounts {
  const counts = { remind: 0, urge: 0, supervise: 0, circulate: 0, supervised: 0 }
  for (const level of levels) {
    if (level >= 4) counts.circulate++
    else if (level === 3) counts.supervise++
    else if (level === 2) counts.urge++
    else if (level === 1) counts.remind++
    if (isSupervised(level)) counts.supervised++
  }
  return counts
}
