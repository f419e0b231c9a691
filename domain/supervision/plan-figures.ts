/**
 * @module The progress figures of a plan, from one function each so no two numbers on the
 * dashboard disagree: the share done (the plan's, a phase's, a unit's — all rounded down, so
 * 99.6% never shows as 100%), a phase's standing (met only when it closed with every task done),
 * and a unit's on-time rate (晾晒).
 */

/** Tasks counted toward a figure: all of them, those done, those a closed plan left undone. */
export interface TaskCounts {
  total: number
  approved: number
  closed?: number
}

/** Percent done, rounded down (0 with no task). */
export function percentDone(counts: TaskCounts): number {
  return counts.total > 0 ? Math.floor((counts.approved / counts.total) * 100) : 0
}

/**
 * Where a phase stands: `pending` 未开始, `open` 进行中, `late` 逾期未关闭 (open past its end),
 * `met` 已完成 (closed, every task done), `unfinished` 已关闭未完成 (closed by its window or by the
 * plan with tasks still not done — never green).
 */
export type PhaseStanding = 'pending' | 'open' | 'late' | 'met' | 'unfinished'

export function phaseStanding(phase: {
  status: 'pending' | 'open' | 'closed'
  late: boolean
  tasks: TaskCounts
}): PhaseStanding {
  if (phase.status === 'closed')
    return phase.tasks.approved >= phase.tasks.total ? 'met' : 'unfinished'
  if (phase.status === 'pending') return 'pending'
  return phase.late ? 'late' : 'open'
}

/** What a unit's on-time rate counts: tasks due by today or done, and those done by their date. */
export interface OnTimeCounts {
  due: number
  onTime: number
}

/** One task toward a unit's on-time rate (`finishedOn` null while not done). */
export function countOnTime(
  counts: OnTimeCounts,
  task: { dueOn: string | null; finishedOn: string | null },
  today: string,
): void {
  if (task.dueOn === null) return
  if (task.finishedOn === null && task.dueOn >= today) return
  counts.due++
  if (task.finishedOn !== null && task.finishedOn <= task.dueOn) counts.onTime++
}

/** The on-time rate in percent, rounded down; null when nothing was due yet. */
export function onTimeRate(counts: OnTimeCounts): number | null {
  return counts.due > 0 ? Math.floor((counts.onTime / counts.due) * 100) : null
}
