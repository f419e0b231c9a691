/**
 * @module Drives one demo plan through simulated time: the plan's own timers fire in order (phases
 * open, periods open, the 提醒 → 催办 → 督办 ladder climbs), and between them the units report and
 * the reviewers decide on the days the seeded mix (demo-mix.ts) gives each task. One extension is
 * asked for and granted in the whole demo. Each step is written as it would be in a running
 * server — task events, history, notifications and audit entries at the simulated instant — so
 * dashboards, ledgers, reports and "view as of a date" read a real history.
 */
import { addDays, civilDateAt } from '../../domain/deadlines/index.ts'
import type { TaskEvent } from '../../domain/workflow/registry.ts'
import { STOPPED_STATES } from '../../domain/workflow/task-states.ts'
import { EVERYWHERE } from '../access/region-reach.ts'
import type { SimulatedClock } from '../clock.ts'
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import type { CurrentUser } from '../http/env.ts'
import { readJson } from '../db/json-columns.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import { effectiveEnd } from '../plans/close-plan.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { taskHasTag } from '../task-kinds/registry.ts'
import { applyTaskEvent } from '../tasks/apply-event.ts'
import { decideExtension, extensionReviewer, requestExtension } from '../tasks/extension.ts'
import { nextTimerAt, runDueTimers } from '../timers/scheduler.ts'
import { between, outcomeOf, presentDay, reportDay, workingInstant } from './demo-mix.ts'

export interface DriveOptions {
  /** The account id acting for a unit (its demo account), or `system`. */
  actorOf: (unit: string) => string
  /**
   * Reports submitted this close to the end stay waiting for review, and the end looks like work
   * in hand (demo-mix.ts presentDay): a plan driven up to today.
   */
  leaveUnreviewedDays?: number
  /** Set once an extension was granted anywhere in the demo; the first eligible task takes it. */
  extension: { granted: boolean }
  /** Called before each step with the instant it is at (the Meishan data arrives on its days). */
  beforeStep?: (context: PlanContext, at: Date) => Promise<Date | undefined>
  /** Told the civil date each step is on (a progress line). */
  onDay?: (day: string) => void
}

/** The kinds a unit answers with a report; entry tasks take values, procedures their own steps. */
const REPORTED = new Set<TaskRow['kind']>(['responsibility', 'rectification'])

/** What the next step for one task is, and when. */
interface Step {
  at: Date
  task: TaskRow
  event: TaskEvent | 'extension'
}

/** Moves the plan from the clock's instant to `until`, step by step in time order. */
export async function drivePlan(
  store: Store,
  clock: SimulatedClock,
  planId: string,
  until: Date,
  options: DriveOptions,
): Promise<void> {
  const retry = new Map<string, Date>()
  for (;;) {
    const context = await loadPlanContext(store.db, planId)
    const steps = await nextSteps(store, context, until, options, retry)
    const timer = await nextTimerAt(store.db)
    const hook = options.beforeStep ? await options.beforeStep(context, clock.now()) : undefined
    const candidates = [
      ...(steps[0] ? [steps[0].at] : []),
      ...(timer ? [new Date(timer)] : []),
      ...(hook ? [hook] : []),
    ].filter((at) => at <= until)
    if (candidates.length === 0) break
    const at = new Date(Math.max(clock.now().getTime(), Math.min(...candidates.map(Number))))
    clock.set(at)
    options.onDay?.(civilDateAt(at))
    await runDueTimers(store, clock)
    const due = steps.filter((step) => step.at <= at)
    if (due.length) await act(store, context, clock, due, options, retry)
  }
  clock.set(until)
  await runDueTimers(store, clock)
}

async function nextSteps(
  store: Store,
  context: PlanContext,
  until: Date,
  options: DriveOptions,
  retry: Map<string, Date>,
): Promise<Step[]> {
  const { plan, model } = context
  const open = await store.db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where('state', 'not in', [...STOPPED_STATES, 'approved'])
    .execute()
  const steps: Step[] = []
  for (const task of open) {
    if (!REPORTED.has(task.kind)) continue
    const policy = plan.policy_id
    const { returns } = readJson('task', 'snapshot', task.snapshot).context
    let step: Step | undefined
    if (task.state === 'submitted') {
      const submitted = civilDateAt(new Date(task.updated_at))
      const keep = options.leaveUnreviewedDays
      if (
        keep !== undefined &&
        new Date(task.updated_at).getTime() > until.getTime() - keep * 86_400_000
      )
        continue
      const day = addDays(submitted, between(policy, task, `review-${returns}`, 1, 3))
      const sendBack = outcomeOf(policy, task) === 'returned' && returns === 0
      step = {
        at: workingInstant(day, policy, task, `review-${returns}`),
        task,
        event: sendBack
          ? { type: 'RETURN', reason: '佐证材料不全，请补充后重新报送。' }
          : { type: 'APPROVE', comment: '同意。' },
      }
    } else if (task.state === 'returned') {
      const day = addDays(civilDateAt(new Date(task.updated_at)), 3)
      step = { at: workingInstant(day, policy, task, 'resubmit'), task, event: resubmit(task) }
    } else if (taskHasTag(model, task, 'owing')) {
      const planned = reportDay(policy, task, spanDays(context))
      const day =
        options.leaveUnreviewedDays === undefined
          ? planned
          : presentDay(policy, task, planned, civilDateAt(until))
      if (day === null) continue
      const asks =
        !options.extension.granted &&
        !retry.has(`no-extension:${task.id}`) &&
        outcomeOf(policy, task) === 'on-time' &&
        task.due_on !== null &&
        task.original_due_on === null &&
        task.role === 'lead' &&
        extensionReviewer(model, task) !== null
      step = asks
        ? {
            at: workingInstant(addDays(task.due_on!, -6), policy, task, 'ask'),
            task,
            event: 'extension',
          }
        : { at: workingInstant(day, policy, task, 'report'), task, event: submit(task) }
    }
    if (!step) continue
    const later = retry.get(task.id)
    if (later && later > step.at) step.at = later
    steps.push(step)
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** Days from the plan's start to the end of its period (its horizon when it states none). */
function spanDays(context: PlanContext): number {
  const end = effectiveEnd(context.model) ?? context.model.horizon.to
  const start = civilDateAt(new Date(context.plan.started_at))
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000)
}

function submit(task: TaskRow): TaskEvent {
  return { type: 'SUBMIT', data: report(task) }
}

function resubmit(task: TaskRow): TaskEvent {
  return { type: 'RESUBMIT', data: { ...report(task), summary: '已按审核意见补充佐证材料。' } }
}

function report(task: TaskRow): Record<string, unknown> {
  return { summary: task.period ? `${task.period} 已按要求完成。` : '已按要求完成。' }
}

/** Applies the steps due now, in one write; a refused step is tried again a week later. */
async function act(
  store: Store,
  context: PlanContext,
  clock: SimulatedClock,
  steps: Step[],
  options: DriveOptions,
  retry: Map<string, Date>,
): Promise<void> {
  const now = clock.now()
  await store.writes.run(async (trx) => {
    for (const { task, event } of steps) {
      const current = await trx
        .selectFrom('task')
        .selectAll()
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow()
      if (current.version !== task.version) continue
      if (event === 'extension') {
        // A task given too close to its deadline cannot ask: another one will.
        if (!(await grantExtension(trx, context, current, options, now)))
          retry.set(`no-extension:${task.id}`, now)
        continue
      }
      const reviewing = event.type === 'APPROVE' || event.type === 'RETURN'
      const actor = options.actorOf(reviewing ? (current.reviewer ?? 'system') : current.assignee)
      const result = await applyTaskEvent(trx, current, event, {
        model: context.model,
        now,
        actor,
      })
      if (!result.ok) retry.set(task.id, new Date(now.getTime() + 7 * 86_400_000))
    }
  })
}

/** The unit asks for two more weeks six days before its deadline; the reviewer grants it. */
async function grantExtension(
  trx: Transaction<Database>,
  context: PlanContext,
  task: TaskRow,
  options: DriveOptions,
  now: Date,
): Promise<boolean> {
  const reviewer = extensionReviewer(context.model, task)!
  if (!task.due_on || addDays(task.due_on, -6) < civilDateAt(new Date(task.created_at)))
    return false
  const as = (unit: string): CurrentUser => ({
    id: options.actorOf(unit),
    username: unit,
    displayName: unit,
    roles: ['department', 'reviewer'],
    regionId: null,
    reach: EVERYWHERE,
    units: { [context.plan.policy_id]: [unit] },
    mustChangePassword: false,
  })
  await requestExtension(
    trx,
    context,
    task.id,
    {
      dueOn: addDays(task.due_on, 14),
      reason: '需协调多个部门会签，申请延期两周。',
      progress: '初稿已完成，正在征求相关部门意见。',
      percent: 70,
    },
    { user: as(task.assignee), now },
  )
  await decideExtension(
    trx,
    context,
    task.id,
    { approve: true, note: '同意延期。' },
    { user: as(reviewer), now: new Date(now.getTime() + 60 * 60_000) },
  )
  options.extension.granted = true
  return true
}
