/**
 * @module A new plan's rows laid out in the order its task indexes keep them (by unit, then
 * deadline), with the ids handed out again in that order. Made duty by duty, the tasks of 2,800
 * units landed all over the indexes by unit (an inbox's, a reviewer's, the counts'), and SQLite
 * split pages everywhere; in this order every table and index grows at a few places and at
 * 280,000 tasks its work is roughly halved. The ids are the same set, made in this process at
 * this time, so they still sort close together; parent tasks and timers follow the new ids.
 */
import type { NewTask } from '../db/database.ts'
import { eventLoopTurn } from '../event-loop-turn.ts'
import type { NewTimer } from './task-rows.ts'

function byUnitAndDeadline(a: NewTask, b: NewTask): number {
  if (a.assignee !== b.assignee) return a.assignee < b.assignee ? -1 : 1
  const dueA = a.due_on ?? ''
  const dueB = b.due_on ?? ''
  return dueA === dueB ? 0 : dueA < dueB ? -1 : 1
}

/** The ids of `rows` in ascending order (made in order, so usually already sorted). */
function sortedIds(rows: ReadonlyArray<{ id: string }>): string[] {
  const ids = rows.map((row) => row.id)
  for (let index = 1; index < ids.length; index++)
    if (ids[index - 1]! > ids[index]!) return ids.sort()
  return ids
}

/**
 * `tasks` and `timers` (changed in place) in insert order, ids reassigned in that order. A
 * province's plan takes a while: the event loop has a turn between the steps.
 */
export async function inInsertOrder(
  tasks: NewTask[],
  timers: NewTimer[],
): Promise<{ tasks: NewTask[]; timers: NewTimer[] }> {
  const taskIds = sortedIds(tasks)
  const timerIds = sortedIds(timers)
  await eventLoopTurn()
  const orderedTasks = [...tasks].sort(byUnitAndDeadline)
  await eventLoopTurn()
  // Timers by task, a plan's own timers (no task) first.
  const orderedTimers: NewTimer[] = []
  const timersOf = new Map<string, NewTimer[]>()
  for (const timer of timers) {
    if (timer.task_id) {
      const list = timersOf.get(timer.task_id)
      if (list) list.push(timer)
      else timersOf.set(timer.task_id, [timer])
    } else orderedTimers.push(timer)
  }
  const parents = new Set<string>()
  for (const task of tasks) if (task.parent_task_id) parents.add(task.parent_task_id)
  const renamed = new Map<string, string>()
  orderedTasks.forEach((task, index) => {
    const id = taskIds[index]!
    if (parents.has(task.id)) renamed.set(task.id, id)
    for (const timer of timersOf.get(task.id) ?? []) {
      timer.task_id = id
      orderedTimers.push(timer)
    }
    timersOf.delete(task.id)
    task.id = id
  })
  await eventLoopTurn()
  for (const task of orderedTasks)
    if (task.parent_task_id)
      task.parent_task_id = renamed.get(task.parent_task_id) ?? task.parent_task_id
  // Timers of tasks made elsewhere (none at plan start) keep their place at the end.
  for (const list of timersOf.values()) orderedTimers.push(...list)
  orderedTimers.forEach((timer, index) => {
    timer.id = timerIds[index]!
  })
  return { tasks: orderedTasks, timers: orderedTimers }
}
