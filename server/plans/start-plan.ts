/**
 * @module Starting a plan: one run of one published version for its region. Creates the phases,
 * a task per responsible unit for every duty (for recurring duties, every period already open),
 * procedure instances per applicant, and the timers that carry the plan forward — laid out first,
 * then inserted in one transaction, so a failed start leaves nothing behind.
 */
import { startsLater } from '../tasks/start-duties.ts'
import { defaultPlanName } from '../../domain/compiler/policy-names.ts'
import type { Insertable, Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Clock } from '../clock.ts'
import { civilDateAt, compareDates, startOfDayInstant } from '../../domain/deadlines/index.ts'
import type {
  Database,
  NewTask,
  PlanPhaseTable,
  PlanRow,
  PolicyVersionRow,
} from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import { AppError, notFound } from '../errors.ts'
import { newId } from '../ids.ts'
import { getVersionById } from '../policies/repository.ts'
import { tasksForDuty } from '../tasks/create-tasks.ts'
import { insertChunked, taskRow, timerRow } from '../tasks/task-rows.ts'
import { inInsertOrder } from '../tasks/insert-order.ts'
import { pacer, TASKS_PER_TURN } from '../event-loop-turn.ts'
import type { NewTimer } from '../tasks/task-rows.ts'
import { planDuties, planStarts } from '../task-kinds/registry.ts'
import { overdueAt } from '../plan-model/fire-times.ts'
import { openingOccurrences } from '../plan-model/duty-occurrences.ts'
import { planModel } from '../plan-model/plan-model.ts'
import { startPhase } from '../../domain/workflow/run-machine.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'

export interface StartPlanInput {
  versionId: string
  name?: string
  /** Members for groups the document leaves open (各乡镇卫生院 …): { groupId: [{ id, name }] }. */
  members?: ExtraUnits
  /**
   * Runs the version's calendar moved by whole years (phase windows, deadlines, the effective
   * period): the demo's 演示 plan shows a past policy as work running now. The config is unchanged.
   */
  shiftYears?: number
}

export interface StartedPlan {
  plan: PlanRow
  tasks: number
  timers: number
  /** Groups named as owners that have no members, so their duties have no assignee yet. */
  unassigned: string[]
}

/** A plan's rows, built before its transaction opens (a large plan takes a while to lay out). */
export interface PreparedPlan {
  version: PolicyVersionRow
  actor: string
  members: ExtraUnits
  plan: PlanRow
  phases: Array<Insertable<PlanPhaseTable>>
  tasks: NewTask[]
  timers: NewTimer[]
  unassigned: string[]
}

/**
 * Starts a plan through the committer (the demo seeding, tests, benchmarks); the HTTP route
 * prepares first and inserts in its request's transaction.
 * @throws AppError 404 for an unknown version, 400 for bad members.
 */
export async function startPlan(
  store: Store,
  clock: Clock,
  actor: string,
  input: StartPlanInput,
): Promise<StartedPlan> {
  const version = await getVersionById(store.db, input.versionId)
  if (!version) throw notFound({ zh: '找不到该政策版本', en: 'No such policy version' })
  const prepared = await preparePlan(version, clock.now(), actor, input)
  return store.writes.run((trx) => insertPlan(trx, prepared))
}

/**
 * Lays out a plan of a version: phases, tasks and timers, in slices with the event loop's turns
 * between them. @throws AppError 400 for bad members.
 */
export async function preparePlan(
  version: PolicyVersionRow,
  now: Date,
  actor: string,
  input: StartPlanInput,
): Promise<PreparedPlan> {
  const shiftYears = input.shiftYears ?? 0
  const model = planModel(version, shiftYears)
  const members = input.members ?? {}
  checkMembers(model, members)
  const nowIso = now.toISOString()
  const today = civilDateAt(now)
  const plan: PlanRow = {
    id: newId(),
    policy_version_id: version.id,
    policy_id: version.policy_id,
    name: input.name ?? defaultPlanName(version),
    status: 'running',
    extra_units: JSON.stringify(members),
    started_at: nowIso,
    started_by: actor,
    suspended_at: null,
    closed_at: null,
    closed_by: null,
    close_reason: null,
    archived_at: null,
    archived_by: null,
    revision: 0,
    shift_years: shiftYears,
  }
  const tasks: NewTask[] = []
  const timers: NewTimer[] = []
  const unassigned = new Set<string>()
  const pace = pacer(TASKS_PER_TURN)

  const phases = model.config.timeline.phases.map((phase) => {
    const window = model.phaseWindow(phase.id)
    const open = compareDates(window.from, today) <= 0
    if (!open)
      timers.push(
        timerRow(plan.id, 'phase-open', startOfDayInstant(window.from).toISOString(), {
          phase: phase.id,
        }),
      )
    timers.push(timerRow(plan.id, 'phase-end', overdueAt(window.to), { phase: phase.id }))
    return {
      plan_id: plan.id,
      phase_id: phase.id,
      name: phase.name,
      opens_on: window.from,
      closes_on: window.to,
      status: startPhase(open),
      opened_at: open ? nowIso : null,
      closed_at: null,
    }
  })

  for (const kinded of planDuties(model)) {
    const { duty } = kinded
    // A conditional or optional duty starts later (tasks/start-duties.ts): nothing now.
    if (startsLater(duty)) continue
    const { open, next } = openingOccurrences(model, duty, today)
    for (const occurrence of open) {
      const created = tasksForDuty(model, plan.id, kinded, occurrence, members, nowIso)
      tasks.push(...created.tasks)
      timers.push(...created.timers)
      created.unassigned.forEach((group) => unassigned.add(group))
      await pace(created.tasks.length)
    }
    if (next)
      timers.push(
        timerRow(plan.id, 'period-open', startOfDayInstant(next.start).toISOString(), {
          duty: duty.id,
          index: next.index,
        }),
      )
  }

  for (const started of planStarts(model, plan.id, members, today)) {
    tasks.push(...started.tasks.map((fields) => taskRow(fields, nowIso)))
    started.unassigned.forEach((group) => unassigned.add(group))
  }

  return {
    version,
    actor,
    members,
    plan,
    phases,
    ...(await inInsertOrder(tasks, timers)),
    unassigned: [...unassigned],
  }
}

/** Inserts a prepared plan inside the caller's transaction; a failure leaves nothing behind. */
export async function insertPlan(
  trx: Transaction<Database>,
  prepared: PreparedPlan,
): Promise<StartedPlan> {
  const { version, actor, members, plan, phases, tasks, timers, unassigned } = prepared
  await trx.insertInto('plan').values(plan).execute()
  if (phases.length) await trx.insertInto('plan_phase').values(phases).execute()
  await insertChunked(trx, 'task', tasks)
  await insertChunked(trx, 'timer', timers)
  await appendAudit(trx, [
    {
      at: plan.started_at,
      actor,
      action: 'plan.start',
      entity: 'plan',
      entityId: plan.id,
      planId: plan.id,
      payload: {
        versionId: version.id,
        policyId: version.policy_id,
        version: version.version,
        tasks: tasks.length,
        members,
        unassigned,
      },
    },
  ])
  return { plan, tasks: tasks.length, timers: timers.length, unassigned }
}

/**
 * Members at start may be new units (各乡镇卫生院 the document does not list) or units the config
 * already names (a measure owned by "all member units of the leadership group"); what would make
 * one id mean two things is refused: an id that is a body or a group, a unit outside the region,
 * a config unit under another name, one new id under two names.
 * @param pointerOf Where a group's list is in the request body (`/members/<group>` at start).
 * @throws AppError 400 `invalid-body` with every issue.
 */
export function checkMembers(
  model: PlanModel,
  members: ExtraUnits,
  pointerOf: (group: string) => string = (group) => `/members/${group}`,
): void {
  const groups = new Set((model.config.organizations.groups ?? []).map((group) => group.id))
  const units = new Map(model.config.organizations.units.map((unit) => [unit.id, unit]))
  const bodies = new Set((model.config.governance?.bodies ?? []).map((body) => body.id))
  const newNames = new Map<string, string>()
  const issues: Array<{ pointer: string; message: { zh: string; en: string } }> = []
  for (const [group, list] of Object.entries(members)) {
    if (!groups.has(group))
      issues.push({
        pointer: pointerOf(group),
        message: {
          zh: `「${group}」不是本政策的组织`,
          en: `"${group}" is not a group of this policy`,
        },
      })
    list.forEach((unit, index) => {
      const pointer = `${pointerOf(group)}/${index}`
      const configUnit = units.get(unit.id)
      if (configUnit?.external) {
        issues.push({
          pointer: `${pointer}/id`,
          message: {
            zh: `「${unit.id}」是本地区以外的单位，不能承担任务`,
            en: `"${unit.id}" is a unit outside the region and cannot hold tasks`,
          },
        })
      } else if (configUnit && configUnit.name !== unit.name) {
        issues.push({
          pointer: `${pointer}/name`,
          message: {
            zh: `「${unit.id}」是配置中的单位「${configUnit.name}」，名称应一致；若是另一个单位，请换一个标识`,
            en: `"${unit.id}" is the config's unit "${configUnit.name}": use that name, or another id for a different unit`,
          },
        })
      } else if (groups.has(unit.id) || bodies.has(unit.id)) {
        issues.push({
          pointer: `${pointer}/id`,
          message: {
            zh: `「${unit.id}」是配置中的${groups.has(unit.id) ? '组织' : '议事机构'}，不是单位；请列出它的成员单位`,
            en: `"${unit.id}" is a ${groups.has(unit.id) ? 'group' : 'body'} of the config, not a unit: list its member units instead`,
          },
        })
      } else if (!configUnit) {
        const named = newNames.get(unit.id)
        if (named !== undefined && named !== unit.name) {
          issues.push({
            pointer: `${pointer}/name`,
            message: {
              zh: `「${unit.id}」已以「${named}」为名列出，同一标识不能有两个名称`,
              en: `"${unit.id}" is already listed as "${named}": one id cannot have two names`,
            },
          })
        } else newNames.set(unit.id, unit.name)
      }
    })
  }
  if (issues.length)
    throw new AppError(
      400,
      'invalid-body',
      { zh: '补充的成员单位有误', en: 'Invalid plan members' },
      { issues },
    )
}
