/**
 * @module A new plan's rows laid out in the order its task indexes keep them (by unit, then
 * deadline), with the ids handed out again in that order. Made duty by duty, the tasks of 2,800
 * units landed all over the indexes by unit (an inbox's, a reviewer's, the counts'), and SQLite
 * split pages everywhere; in this order every table and index grows at a few places and at
 * 280,000 tasks its work is roughly halved. The ids are the same set, made in this process at
 * this time, so they still sort close together; parent tasks and timers follow the new ids.
 */
import type { NewTask } from '../db/database.ts'
import type { NewTimer } from './task-rows.ts'

function byUnitAndDeadline(a: NewTask, b: NewTask): number {
  if (a.assignee !== b.assignee) return a.assignee < b.assignee ? -1 : 1
  const dueA = a.due_on ?? ''
  const dueB = b.due_on ?? ''
  return dueA === dueB ? 0 : dueA < dueB ? -1 : 1
}

function byTask(a: NewTimer, b: NewTimer): number {
  const taskA = a.task_id ?? ''
  const taskB = b.task_id ?? ''
  return taskA === taskB ? 0 : taskA < taskB ? -1 : 1
}

/** `tasks` and `timers` (changed in place) in insert order, ids reassigned in that order. */
export function inInsertOrder(
  tasks: NewTask[],
  timers: NewTimer[],
): { tasks: NewTask[]; timers: NewTimer[] } {
  const taskIds = tasks.map((task) => task.id).sort()
  const orderedTasks = [...tasks].sort(byUnitAndDeadline)
  const renamed = new Map<string, string>()
  orderedTasks.forEach((task, index) => {
    renamed.set(task.id, taskIds[index]!)
    task.id = taskIds[index]!
  })
  for (const task of orderedTasks)
    if (task.parent_task_id)
      task.parent_task_id = renamed.get(task.parent_task_id) ?? task.parent_task_id
  for (const timer of timers)
    if (timer.task_id) timer.task_id = renamed.get(timer.task_id) ?? timer.task_id
  // Timers by task (a plan's own timers first), their ids in that order too.
  const timerIds = timers.map((timer) => timer.id).sort()
  const orderedTimers = [...timers].sort(byTask)
  orderedTimers.forEach((timer, index) => {
    timer.id = timerIds[index]!
  })
  return { tasks: orderedTasks, timers: orderedTimers }
}
