/**
 * @module The demo's plans. A bundled plan whose effective period ended before today is started on
 * its first day in simulated time, driven through its whole period (demo-drive.ts: most work on
 * time, some late after 催办, a few returned, one extension; the Meishan data arriving each year)
 * and closed as its lifecycle closes an ended plan — a finished plan with its history. A plan still
 * within its period (or with none stated) starts today, as a reform office would start it. When no
 * bundled plan is running within a stated period, a 演示 plan runs one of them now: started with
 * its calendar moved by whole years (the plan-start option `shiftYears`; the bundled config keeps
 * its dates) so today falls inside it, and driven up to today.
 */
import { addDays, civilDateAt, startOfDayInstant } from '../../domain/deadlines/index.ts'
import { SimulatedClock } from '../clock.ts'
import type { Clock } from '../clock.ts'
import type { PolicyVersionRow } from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import { shiftText } from '../plan-model/shift-years.ts'
import { closePlan, effectiveEnd } from '../plans/close-plan.ts'
import { startPlan } from '../plans/start-plan.ts'
import { DEMO_POLICY_ID, demoIndicatorValues } from './demo-indicator-values.ts'
import { drivePlan } from './demo-drive.ts'
import type { DriveOptions } from './demo-drive.ts'
import type { Progress } from './progress.ts'
import { seedAssessments } from './seed-assessments.ts'
import { seedIndicatorValues } from './seed-indicator-values.ts'

/** The years the demo values cover that an assessment scores (2019 is the baseline). */
export const DEMO_ASSESSMENT_YEARS = [2020, 2021]

/** The prefix of the 演示 plan's name. */
export const LIVING_PLAN_PREFIX = '【演示】'

/** A bundled policy as the demo starts it. */
export interface DemoPolicy {
  region: string
  version: PolicyVersionRow
  model: PlanModel
  members: ExtraUnits
}

export interface DemoRun {
  store: Store
  clock: Clock
  progress: Progress
  actorOf: (region: string, unit: string) => string
  extension: { granted: boolean }
}

/** 09:00 Beijing time on a civil date. */
function morning(date: string): Date {
  return new Date(startOfDayInstant(date).getTime() + 9 * 3_600_000)
}

/** Whether the policy's stated period ended before `now`. */
export function endedBy(model: PlanModel, now: Date): boolean {
  const end = effectiveEnd(model)
  return end !== null && end < civilDateAt(now)
}

/** Starts (or finds) the bundled plan of a policy; returns its id. */
export async function bundledPlan(run: DemoRun, policy: DemoPolicy): Promise<string> {
  const { store, clock, progress } = run
  const existing = await store.db
    .selectFrom('plan')
    .select(['id', 'status', 'started_at'])
    .where('policy_id', '=', policy.version.policy_id)
    .where('shift_years', '=', 0)
    .executeTakeFirst()
  const name = policy.model.config.metadata.region.name
  if (existing) {
    // A first start stopped while it drove an ended plan: carry on from where it stopped.
    const simulated = existing.started_at === morning(policy.model.horizon.from).toISOString()
    if (existing.status === 'running' && simulated && endedBy(policy.model, clock.now()))
      await driveAndClose(run, policy, existing.id, name)
    return existing.id
  }
  if (!endedBy(policy.model, clock.now())) {
    progress.step(`启动计划 / starting the plan: ${name}`)
    const { plan } = await startPlan(store, clock, 'system', {
      versionId: policy.version.id,
      members: policy.members,
    })
    const context = await loadPlanContext(store.db, plan.id)
    if ((await seedIndicatorValues(store, clock, context)) > 0)
      await seedAssessments(store, clock, context, DEMO_ASSESSMENT_YEARS)
    progress.done(`计划已启动 / plan started: ${name}`)
    return plan.id
  }
  const simulated = new SimulatedClock(morning(policy.model.horizon.from))
  const { plan } = await startPlan(store, simulated, 'system', {
    versionId: policy.version.id,
    members: policy.members,
  })
  return driveAndClose(run, policy, plan.id, name, simulated)
}

/**
 * Drives an ended plan from `simulated` (else from its last recorded step) to the day after its
 * period and closes it there.
 */
async function driveAndClose(
  run: DemoRun,
  policy: DemoPolicy,
  planId: string,
  name: string,
  simulated?: SimulatedClock,
): Promise<string> {
  const { store, progress } = run
  const end = effectiveEnd(policy.model)!
  progress.step(
    `模拟历史 / simulating the history of ${name} ${policy.model.horizon.from} – ${end}`,
  )
  const clock = simulated ?? new SimulatedClock(await lastStepOf(store, planId))
  const closing = morning(addDays(end, 1))
  await drivePlan(store, clock, planId, closing, driveOptions(run, policy, clock))
  const context = await loadPlanContext(store.db, planId)
  await store.writes.run((trx) =>
    closePlan(
      trx,
      context,
      { reason: '有效期届满，计划按期关闭 / the effective period ended', force: false },
      { actor: 'system', now: clock.now() },
    ),
  )
  progress.done(`已结束的计划 / ended plan, history simulated and closed: ${name}`)
  return planId
}

/** The instant of the plan's latest recorded step (its start when none). */
async function lastStepOf(store: Store, planId: string): Promise<string> {
  const plan = await store.db
    .selectFrom('plan')
    .select('started_at')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow()
  const event = await store.db
    .selectFrom('task_event')
    .innerJoin('task', 'task.id', 'task_event.task_id')
    .select('task_event.at')
    .where('task.plan_id', '=', planId)
    .orderBy('task_event.at', 'desc')
    .executeTakeFirst()
  const timer = await store.db
    .selectFrom('timer')
    .select('fire_at')
    .where('plan_id', '=', planId)
    .where('status', '!=', 'pending')
    .orderBy('fire_at', 'desc')
    .executeTakeFirst()
  return [plan.started_at, event?.at, timer?.fire_at]
    .filter((at): at is string => at !== undefined)
    .reduce((latest, at) => (at > latest ? at : latest))
}

function driveOptions(run: DemoRun, policy: DemoPolicy, clock: SimulatedClock): DriveOptions {
  return {
    actorOf: (unit) => run.actorOf(policy.region, unit),
    extension: run.extension,
    beforeStep: yearlyData(run, clock),
    onDay: (day) => run.progress.detail(day),
  }
}

/**
 * The Meishan data of each year, entered a few days before its entry tasks are due (a baseline
 * year before the plan, at its start), each scored year's assessment computed then: all but the
 * last published, the last waiting for the assessor's review.
 */
function yearlyData(run: DemoRun, clock: SimulatedClock): DriveOptions['beforeStep'] {
  const periods = [...new Set(demoIndicatorValues().map((value) => value.period))].sort()
  const seeded = new Set<string>()
  const last = DEMO_ASSESSMENT_YEARS.at(-1)
  return async (context: PlanContext, at: Date) => {
    if (context.plan.policy_id !== DEMO_POLICY_ID) return undefined
    let next: Date | undefined
    for (const period of periods) {
      if (seeded.has(period)) continue
      const arrives = await arrivalOf(run.store, context, period)
      if (arrives > at) {
        if (!next || arrives < next) next = arrives
        continue
      }
      seeded.add(period)
      // None written: they were already in (a start that stopped half-way, carried on).
      if ((await seedIndicatorValues(run.store, clock, context, [period])) === 0) continue
      const year = Number(period)
      if (DEMO_ASSESSMENT_YEARS.includes(year))
        await seedAssessments(run.store, clock, context, [year], year !== last)
    }
    return next
  }
}

/** When a year's values arrive in a driven plan. */
async function arrivalOf(store: Store, context: PlanContext, period: string): Promise<Date> {
  const entry = await store.db
    .selectFrom('task')
    .select('due_on')
    .where('plan_id', '=', context.plan.id)
    .where('kind', '=', 'indicator-entry')
    .where('period', '=', period)
    .where('due_on', 'is not', null)
    .orderBy('due_on')
    .executeTakeFirst()
  if (entry?.due_on) return morning(addDays(entry.due_on, -5))
  const next = `${Number(period) + 1}-01-20`
  const started = civilDateAt(new Date(context.plan.started_at))
  return morning(next < started ? started : next)
}

/** The policy the 演示 plan runs: one with a stated end and the most dated duties. */
export function livingPolicy(policies: DemoPolicy[]): DemoPolicy | undefined {
  const dated = (policy: DemoPolicy) =>
    policy.model.config.responsibilities.filter(
      (duty) =>
        typeof duty.due === 'string' || (duty.due !== undefined && !('unspecified' in duty.due)),
    ).length
  return policies
    .filter((policy) => effectiveEnd(policy.model) !== null)
    .sort((a, b) => dated(b) - dated(a) || a.region.localeCompare(b.region))[0]
}

/** Whole years that put today about 40 % into the policy's period, leaving two months ahead. */
export function shiftFor(model: PlanModel, now: Date): number {
  const from = startOfDayInstant(model.horizon.from).getTime()
  const to = startOfDayInstant(effectiveEnd(model)!).getTime()
  const today = now.getTime()
  let best = 0
  let score = Infinity
  const year = 365.25 * 86_400_000
  for (
    let years = Math.floor((today - to) / year);
    years <= Math.ceil((today - from) / year);
    years++
  ) {
    const start = from + years * year
    const end = to + years * year
    if (start > today - 90 * 86_400_000 || end < today + 60 * 86_400_000) continue
    const where = Math.abs((today - start) / (end - start) - 0.4)
    if (where < score) [best, score] = [years, where]
  }
  return best
}

/** Starts (or finds) the 演示 plan and drives it from its moved start to today. */
export async function livingPlan(run: DemoRun, policy: DemoPolicy): Promise<string | undefined> {
  const { store, clock, progress } = run
  const existing = await store.db
    .selectFrom('plan')
    .select('id')
    .where('shift_years', '!=', 0)
    .executeTakeFirst()
  if (existing) return existing.id
  const now = clock.now()
  const shiftYears = shiftFor(policy.model, now)
  if (shiftYears <= 0) return undefined
  progress.step(
    `演示计划 / the 演示 plan: ${policy.version.title}, dates moved ${shiftYears} years`,
  )
  const start = morning(shiftText(policy.model.horizon.from, shiftYears))
  const simulated = new SimulatedClock(start)
  const { plan } = await startPlan(store, simulated, 'system', {
    versionId: policy.version.id,
    members: policy.members,
    shiftYears,
    name: `${LIVING_PLAN_PREFIX}${policy.version.title}（日期顺延 ${shiftYears} 年）`,
  })
  await drivePlan(store, simulated, plan.id, now, {
    ...driveOptions(run, policy, simulated),
    leaveUnreviewedDays: 6,
  })
  progress.done(`演示计划运行至今天 / the 演示 plan runs up to today: ${plan.name}`)
  return plan.id
}
