/**
 * @module 周期反馈: a long task asks its unit for a progress report every week, month or quarter
 * (the duty's `progressReports`, else the policy's `escalation.progressReports`). Each report due
 * date has a `progress-due` timer, made with the task and then one period at a time: on the due
 * date it reminds the unit when the report is missing (提醒) and plans the next period; some
 * working days later, if still missing, it tells the unit and the office (督办). Reports are kept
 * in `progress_report`; the last one's percent drives the task's 序时进度 light.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, NewTask, TaskRow, TimerRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { insertNotification } from '../notifications/insert-notification.ts'
import { actorsOf, directs } from '../access/visibility.ts'
import { dutyOf, taskHasTag } from '../task-kinds/registry.ts'
import { insertChunked, timerRow } from './task-rows.ts'
import type { NewTimer } from './task-rows.ts'
import { readJson } from '../db/json-columns.ts'
import { addDays, civilDateAt, startOfDayInstant } from '../../domain/deadlines/index.ts'
import {
  expectedPercent,
  nextReportDue,
  reportDueDates,
  windowDays,
} from '../../domain/supervision/index.ts'
import type { ProgressPeriod } from '../../domain/supervision/index.ts'
import type { ProgressView } from '../../schemas/api/responses.schema.ts'

const DEFAULT_MIN_WINDOW_DAYS = 60
const DEFAULT_URGE_AFTER = 3

/**
 * How often a task of this source reports progress: the duty's own setting, else the policy's
 * default for tasks whose window is long enough; null when none is asked.
 */
export function progressEvery(
  model: PlanModel,
  task: Pick<TaskRow, 'source_id' | 'opens_on' | 'due_on' | 'role' | 'created_at'>,
): ProgressPeriod | null {
  const opens = windowStart(task)
  if (!opens || !task.due_on || task.role === 'applicant') return null
  const own = dutyOf(model, task.source_id)?.progressReports
  if (own === 'none') return null
  if (own) return own
  const policy = model.escalation.progressReports
  if (!policy) return null
  const min = policy.minWindowDays ?? DEFAULT_MIN_WINDOW_DAYS
  return windowDays(opens, task.due_on) >= min ? policy.every : null
}

/** Where a task's window starts: the day it opens, else the day it was made. */
export function windowStart(task: Pick<TaskRow, 'opens_on' | 'created_at'>): string | null {
  return task.opens_on ?? (task.created_at ? civilDateAt(new Date(task.created_at)) : null)
}

/** The working days after a missed report before the office is told. */
function urgeAfter(model: PlanModel): number {
  return model.escalation.progressReports?.urgeAfterWorkingDays ?? DEFAULT_URGE_AFTER
}

/** The timer of the report due next on or after `from` (none past the task's deadline). */
function reminderTimer(
  model: PlanModel,
  task: Pick<
    NewTask,
    'id' | 'plan_id' | 'source_id' | 'opens_on' | 'due_on' | 'role' | 'created_at'
  >,
  from: string,
): NewTimer | undefined {
  const t = {
    source_id: task.source_id,
    opens_on: task.opens_on ?? null,
    due_on: task.due_on ?? null,
    role: task.role,
    created_at: task.created_at,
  }
  const every = progressEvery(model, t)
  const opens = windowStart(t)
  if (!every || !opens || !t.due_on) return undefined
  // No report is asked for a period that ended before the task was made.
  const made = task.created_at ? civilDateAt(new Date(task.created_at)) : opens
  const start = [opens, made, from].reduce((a, b) => (a > b ? a : b))
  const [due] = reportDueDates(opens, t.due_on, every, start)
  if (!due) return undefined
  return timerRow(
    task.plan_id,
    'progress-due',
    startOfDayInstant(due).toISOString(),
    { due, stage: 'remind' },
    task.id,
  )
}

/**
 * The reminder of the next report due after `day` (a plan resumed without firing what fell due
 * in its suspension goes on from the day after it resumed).
 */
export function progressTimerAfter(model: PlanModel, task: TaskRow, day: string) {
  return reminderTimer(model, task, addDays(day, 1))
}

/**
 * After an approved 延期 moved the task's deadline to `dueOn`: the reminder of the next report due
 * from `today`, when the task now reports periodically (its window grew long enough) and no
 * report is being asked for yet.
 */
export async function resumeProgressReports(
  trx: Transaction<Database>,
  model: PlanModel,
  task: TaskRow,
  dueOn: string,
  today: string,
): Promise<void> {
  const asked = await trx
    .selectFrom('timer')
    .select('id')
    .where('task_id', '=', task.id)
    .where('kind', '=', 'progress-due')
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (asked) return
  const timer = reminderTimer(model, { ...task, due_on: dueOn }, today)
  if (timer) await insertChunked(trx, 'timer', [timer])
}

/** The first progress timer of each new task that reports periodically. */
export function progressTimers(model: PlanModel, tasks: readonly NewTask[]): NewTimer[] {
  return tasks.flatMap((task) => reminderTimer(model, task, '') ?? [])
}

async function hasReport(trx: Transaction<Database>, taskId: string, period: string) {
  const row = await trx
    .selectFrom('progress_report')
    .select('id')
    .where('task_id', '=', taskId)
    .where('period', '=', period)
    .executeTakeFirst()
  return row !== undefined
}

/** Fires a `progress-due` timer: remind (and plan the next period), or tell the office. */
export async function fireProgressDue(
  trx: Transaction<Database>,
  context: PlanContext,
  timer: TimerRow,
  now: Date,
): Promise<void> {
  const { model } = context
  const payload = readJson('timer', 'payload', timer.payload) as { due: string; stage: string }
  const task = timer.task_id
    ? await trx.selectFrom('task').selectAll().where('id', '=', timer.task_id).executeTakeFirst()
    : undefined
  if (!task || !taskHasTag(model, task, 'owing')) return
  const at = now.toISOString()
  const notify = async (recipient: string, kind: 'remind' | 'supervise', message: string) =>
    insertNotification(trx, {
      planId: task.plan_id,
      taskId: task.id,
      recipient,
      kind,
      message,
      at,
    })
  if (payload.stage === 'remind') {
    const next = reminderTimer(model, task, addDays(payload.due, 1))
    const urgeOn = model.calendar.addWorkingDays(payload.due, urgeAfter(model)).date
    const urge = timerRow(
      task.plan_id,
      'progress-due',
      startOfDayInstant(urgeOn).toISOString(),
      { due: payload.due, stage: 'urge' },
      task.id,
    )
    await trx
      .insertInto('timer')
      .values(next ? [urge, next] : [urge])
      .execute()
    if (!(await hasReport(trx, task.id, payload.due)))
      await notify(task.assignee, 'remind', `周期反馈提醒：请于 ${payload.due} 前报送进度`)
    return
  }
  if (await hasReport(trx, task.id, payload.due)) return
  const message = `周期反馈督办：截至 ${payload.due} 的进度未报送`
  await notify(task.assignee, 'supervise', message)
  if (model.office && model.office !== task.assignee)
    await notify(model.office, 'supervise', message)
}

/**
 * The period a report made `today` answers: the earliest past report due date still unanswered
 * (a late report catches up), else the next due date, else — in the task's last stretch — its
 * deadline.
 */
export async function periodFor(
  db: Kysely<Database>,
  model: PlanModel,
  task: TaskRow,
  today: string,
): Promise<string> {
  const every = progressEvery(model, task)
  const due = task.due_on ?? today
  const opens = windowStart(task)
  if (!every || !opens) return due < today ? today : due
  const answered = new Set(
    (
      await db
        .selectFrom('progress_report')
        .select('period')
        .where('task_id', '=', task.id)
        .execute()
    ).map((row) => row.period),
  )
  const past = reportDueDates(opens, due, every).filter((d) => d < today)
  const missed = past.find((d) => !answered.has(d))
  if (missed) return missed
  const next = nextReportDue(today, every)
  return next < due ? next : due
}

/** True when the user acts for the task's assignee (only its units report its progress). */
export function mayReport(user: CurrentUser, context: PlanContext, task: TaskRow): boolean {
  return actorsOf(user, context.plan.policy_id).has(task.assignee)
}

/** True when the user may clear a red light: the plan's office, or those who direct the policy. */
export function mayClearRed(user: CurrentUser, context: PlanContext): boolean {
  const policyId = context.plan.policy_id
  const office = context.model.office
  return directs(user, policyId) || (office !== null && actorsOf(user, policyId).has(office))
}

/** What the task page shows of progress reporting. */
export async function progressOf(
  db: Kysely<Database>,
  context: PlanContext,
  task: TaskRow,
  user: CurrentUser,
  today: string,
): Promise<ProgressView> {
  const { model } = context
  const every = progressEvery(model, task)
  const reports = await db
    .selectFrom('progress_report')
    .leftJoin('app_user', 'app_user.id', 'progress_report.reported_by')
    .select([
      'progress_report.id',
      'progress_report.period',
      'progress_report.percent',
      'progress_report.text',
      'progress_report.reported_by',
      'progress_report.reported_at',
      'app_user.display_name',
    ])
    .where('progress_report.task_id', '=', task.id)
    .orderBy('progress_report.reported_at', 'desc')
    .orderBy('progress_report.id', 'desc')
    .execute()
  const clearances = await db
    .selectFrom('light_clearance')
    .select(['reason', 'cleared_by', 'cleared_at'])
    .where('task_id', '=', task.id)
    .orderBy('cleared_at')
    .execute()
  const owing = taskHasTag(model, task, 'owing')
  const opens = windowStart(task)
  const nextDue =
    every && opens && task.due_on && owing
      ? (reportDueDates(opens, task.due_on, every, today < opens ? opens : today)[0] ?? null)
      : null
  return {
    every,
    nextDue,
    expectedPercent: expectedPercent(model.calendar, opens, task.due_on, today),
    mayReport: owing && mayReport(user, context, task),
    reports: reports.map((row) => ({
      id: row.id,
      period: row.period,
      percent: row.percent,
      text: row.text,
      reportedBy: row.reported_by,
      reportedByName: row.display_name ?? row.reported_by,
      reportedAt: row.reported_at,
    })),
    clearances: clearances.map((row) => ({
      reason: row.reason,
      clearedBy: row.cleared_by,
      clearedAt: row.cleared_at,
    })),
    mayClearRed: mayClearRed(user, context),
  }
}
