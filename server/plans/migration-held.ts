/**
 * @module The tasks a running plan already holds, as its migration reads them (see
 * migration-preview.ts): the change of a task the new version keeps as it is, and the periods of
 * a kept duty the plan holds open tasks for, which the units the new version adds are given too.
 */
import { compareDates } from '../../domain/deadlines/index.ts'
import type { TaskRow } from '../db/database.ts'
import type { Occurrence } from '../plan-model/duty-occurrences.ts'
import type { TaskChange } from './migration-layout.ts'

/** The change of a task the new version keeps as it is: same duty id or its new one, same dates. */
export function keptChange(task: TaskRow, sourceId: string, phaseId: string | null): TaskChange {
  return {
    task,
    kinds: ['kept'],
    sourceId,
    phaseId,
    dueFrom: task.due_on,
    dueTo: task.due_on,
    why: '',
  }
}

/** The occurrences of a kept duty the plan holds open tasks for, still due. */
export function heldOccurrences(
  held: ReadonlyMap<string, TaskRow[]>,
  dutyId: string,
  today: string,
  gone: ReadonlySet<string>,
): Occurrence[] {
  const result: Occurrence[] = []
  for (const [key, tasks] of held) {
    if (!key.startsWith(`${dutyId}|`)) continue
    const open = tasks.filter((task) => !gone.has(task.id))
    const sample = open[0] ?? tasks[0]!
    if (
      sample.period !== 'once' &&
      sample.due_on !== null &&
      compareDates(sample.due_on, today) < 0
    )
      continue
    result.push({ period: sample.period, opens: sample.opens_on, due: sample.due_on })
  }
  return result
}
