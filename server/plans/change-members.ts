/**
 * @module Changing a group's members in a running plan. A member named now gets exactly the tasks
 * it would have had from the start — made by the one builder (tasks/create-tasks.ts), for the
 * occurrences still open: not in a closed phase, not a recurring period whose deadline has
 * passed, and only the periods the plan has opened (later ones open by their timer, with the
 * members of that day). A member taken away keeps its tasks, withdrawn (tasks/withdraw-tasks.ts).
 * The change is laid out by {@link planMemberChange} without writing, so a dry run answers exactly
 * what {@link applyMemberChange} then does.
 */
import { startedDutyIds, startsLater } from '../tasks/start-duties.ts'
import { isBelowKey } from '../tasks/below-units.ts'
import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { isWithdrawnState } from '../../domain/workflow/task-states.ts'
import type { Database, NewTask, TaskRow } from '../db/database.ts'
import { readJson } from '../db/json-columns.ts'
import { AppError, notFound } from '../errors.ts'
import { occurrencesStillOpen } from '../plan-model/duty-occurrences.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import { applyTaskEvent } from '../tasks/apply-event.ts'
import { heldKey, tasksForDuty } from '../tasks/create-tasks.ts'
import { insertChunked, taskRow } from '../tasks/task-rows.ts'
import type { NewTimer } from '../tasks/task-rows.ts'
import { isWithdrawable, withContributions, withdrawTasks } from '../tasks/withdraw-tasks.ts'
import { planDuties, planStarts } from '../task-kinds/registry.ts'
import type { KindedDuty } from '../task-kinds/registry.ts'
import { checkMembers } from './start-plan.ts'

/** A member of a group: a unit of the config, or a unit the plan adds. */
export interface Member {
  id: string
  name: string
}

/** A change of one group's members, laid out and not yet written. */
export interface MemberChange {
  group: Member
  before: Member[]
  after: Member[]
  /** Every group's members after the change. */
  members: ExtraUnits
  /** The version of the members the change was laid out from ({@link membersVersion}). */
  version: string
  create: NewTask[]
  timers: NewTimer[]
  /** Open tasks whose unit no longer owns them, with the contributions that fed them. */
  withdraw: TaskRow[]
  /** Lead tasks already held that new contributions will feed, and how many each. */
  contributions: Array<{ taskId: string; count: number }>
}

/**
 * The version of a plan's members, as `If-Match` carries it: a digest of what is stored, so any
 * change by anyone gives another.
 */
export function membersVersion(extraUnits: string): string {
  return createHash('sha256').update(extraUnits).digest('hex').slice(0, 16)
}

/** The groups whose members a plan may change: every group of its version's config. */
export function groupOf(model: PlanModel, groupId: string): Member {
  const group = model.config.organizations.groups?.find((candidate) => candidate.id === groupId)
  if (!group) throw notFound({ zh: '本计划没有该组织', en: 'No such group in this plan' })
  return { id: group.id, name: group.name }
}

/**
 * Lays out the change of `groupId`'s members to `after`: the tasks to make with their timers, the
 * tasks to withdraw. Reads only.
 * @throws AppError 404 for a group the config lacks, 400 `invalid-body` for bad members.
 */
export async function planMemberChange(
  db: Kysely<Database>,
  context: PlanContext,
  groupId: string,
  after: readonly Member[],
  now: Date,
): Promise<MemberChange> {
  const { model, plan, members } = context
  const group = groupOf(model, groupId)
  const list = [...new Map(after.map((member) => [member.id, member])).values()]
  // The edited group goes last, so an issue between groups is reported at the new list.
  const next: ExtraUnits = { ...members }
  delete next[groupId]
  if (list.length) next[groupId] = list
  // Units named below a unit when it split a task (tasks/split-task.ts) are checked there.
  const groups = Object.fromEntries(Object.entries(next).filter(([key]) => !isBelowKey(key)))
  checkMembers(model, groups, (id) => (id === groupId ? '/members' : `/plan/members/${id}`))

  const owned = (ids: readonly string[]) => ids.includes(groupId)
  // A duty that starts later (startsWhen, optional) takes new members only once it has started.
  const started = await startedDutyIds(db, plan.id)
  const duties = [...planDuties(model)].filter(
    ({ duty }) =>
      (!startsLater(duty) || started.has(duty.id)) &&
      owned([...(Array.isArray(duty.lead) ? duty.lead : []), ...(duty.support ?? [])]),
  )
  const procedures = (model.config.procedures ?? []).filter(
    (procedure) => procedure.applicant === groupId,
  )
  const sources = [...duties.map(({ duty }) => duty.id), ...procedures.map(({ id }) => id)]
  const tasks = sources.length
    ? await db
        .selectFrom('task')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('source_id', 'in', sources)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : []

  const stillOwned = ownership(model, duties, next)
  const withdraw = withContributions(
    tasks,
    tasks.filter((task) => isWithdrawable(task) && !stillOwned(task)),
  )
  const gone = new Set(withdraw.map((task) => task.id))
  const held = tasks.filter((task) => !isWithdrawnState(task.state) && !gone.has(task.id))

  const today = civilDateAt(now)
  const nowIso = now.toISOString()
  const closed = await closedPhases(db, plan.id)
  const nextPeriods = await periodsToOpen(db, plan.id)
  const create: NewTask[] = []
  const timers: NewTimer[] = []
  const contributions: MemberChange['contributions'] = []
  for (const kinded of duties) {
    const { duty } = kinded
    if (duty.phase && closed.has(duty.phase)) continue
    const occurrences = occurrencesStillOpen(
      model,
      duty,
      civilDateAt(new Date(plan.started_at)),
      nextPeriods.get(duty.id),
      today,
    )
    for (const occurrence of occurrences) {
      const here = held.filter(
        (task) => task.source_id === duty.id && task.period === occurrence.period,
      )
      const lead = contributionLead(model, duty, next, here)
      const created = tasksForDuty(model, plan.id, kinded, occurrence, next, nowIso, {
        keys: new Set(here.map((task) => heldKey(task.role, task.assignee))),
        ...(lead ? { lead: { id: lead.id, assignee: lead.assignee } } : {}),
      })
      create.push(...created.tasks)
      timers.push(...created.timers)
      if (lead && created.addedContributions)
        contributions.push({ taskId: lead.id, count: created.addedContributions })
    }
  }
  if (procedures.length) {
    const procedureIds = new Set(procedures.map(({ id }) => id))
    const heldProcedures = new Set(held.map((task) => `${task.source_id}|${task.assignee}`))
    for (const started of planStarts(model, plan.id, next, today))
      for (const fields of started.tasks)
        if (
          procedureIds.has(fields.source_id) &&
          !heldProcedures.has(`${fields.source_id}|${fields.assignee}`)
        )
          create.push(taskRow(fields, nowIso))
  }
  return {
    group,
    before: members[groupId] ?? [],
    after: list,
    members: next,
    version: membersVersion(plan.extra_units),
    create,
    timers,
    withdraw,
    contributions,
  }
}

/**
 * Writes a change inside the caller's transaction: the members (only if nobody changed them since
 * the change was laid out), the withdrawals, the new tasks and timers, the held leads' added
 * contributions, and the audit entry `plan.members` with the members before and after.
 * @throws AppError 409 `version-mismatch` when the members changed meanwhile.
 */
export async function applyMemberChange(
  trx: Transaction<Database>,
  context: PlanContext,
  change: MemberChange,
  by: { actor: string; now: Date; requestId?: string | null },
): Promise<void> {
  const { plan, model } = context
  const stored = await trx
    .selectFrom('plan')
    .select('extra_units')
    .where('id', '=', plan.id)
    .executeTakeFirstOrThrow()
  if (membersVersion(stored.extra_units) !== change.version) throw membersChanged()
  const extraUnits = JSON.stringify(change.members)
  const updated = await trx
    .updateTable('plan')
    .set((eb) => ({ extra_units: extraUnits, revision: eb('revision', '+', 1) }))
    .where('id', '=', plan.id)
    .where('extra_units', '=', stored.extra_units)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw membersChanged()
  const removed = change.before
    .filter((member) => !change.after.some((kept) => kept.id === member.id))
    .map((member) => member.name)
  const withdrawn = await withdrawTasks(trx, change.withdraw, {
    model,
    reason: `「${change.group.name}」成员调整${removed.length ? `：${removed.join('、')}不再是成员` : ''}`,
    actor: by.actor,
    now: by.now,
    requestId: by.requestId ?? null,
  })
  await insertChunked(trx, 'task', change.create)
  await insertChunked(trx, 'timer', change.timers)
  for (const { taskId, count } of change.contributions)
    for (let added = 0; added < count; added++) {
      const lead = await trx
        .selectFrom('task')
        .selectAll()
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow()
      await applyTaskEvent(
        trx,
        lead,
        { type: 'CONTRIBUTION_ADDED' },
        { model, now: by.now, actor: 'system', requestId: by.requestId ?? null },
      )
    }
  await appendAudit(trx, [
    {
      at: by.now.toISOString(),
      actor: by.actor,
      action: 'plan.members',
      entity: 'plan',
      entityId: plan.id,
      planId: plan.id,
      payload: {
        group: change.group.id,
        before: change.before,
        after: change.after,
        created: change.create.length,
        withdrawn: withdrawn.map((task) => task.id),
        timers: change.timers.length,
        requestId: by.requestId ?? null,
      },
    },
  ])
}

/** The 409 for members changed by someone else since they were read. */
export function membersChanged(): AppError {
  return new AppError(409, 'version-mismatch', {
    zh: '该组织的成员已被他人修改，请刷新后查看最新成员再提交。',
    en: 'Someone else changed the members meanwhile; reload to see them, then apply again.',
  })
}

/** Whether a task's unit still owns it under the members `next`. */
function ownership(
  model: PlanModel,
  duties: readonly KindedDuty[],
  next: ExtraUnits,
): (task: TaskRow) => boolean {
  const byId = new Map(duties.map(({ duty }) => [duty.id, duty]))
  return (task) => {
    if (task.kind === 'procedure') {
      const applicant = model.procedure(task.source_id)?.applicant
      return !applicant || model.resolveOwners([applicant], next).actors.includes(task.assignee)
    }
    const duty = byId.get(task.source_id)
    if (!duty) return true
    const leads = model.resolveOwners(Array.isArray(duty.lead) ? duty.lead : [], next).actors
    if (task.role === 'lead') return leads.includes(task.assignee)
    // A sub-task stays while its parent does (withContributions withdraws it with its parent).
    if (task.role === 'sub') return true
    return model
      .resolveOwners(duty.support ?? [], next)
      .actors.some((actor) => actor === task.assignee && !leads.includes(actor))
  }
}

/** The held lead task contributions go to: the one they already feed, else the first lead held. */
function contributionLead(
  model: PlanModel,
  duty: KindedDuty['duty'],
  next: ExtraUnits,
  here: readonly TaskRow[],
): TaskRow | undefined {
  const fed = here.find((task) => task.role === 'support' && task.parent_task_id !== null)
  const parent = fed && here.find((task) => task.id === fed.parent_task_id)
  if (parent) return parent
  const order = model.resolveOwners(Array.isArray(duty.lead) ? duty.lead : [], next).actors
  return order
    .map((assignee) => here.find((task) => task.role === 'lead' && task.assignee === assignee))
    .find((task) => task !== undefined)
}

async function closedPhases(db: Kysely<Database>, planId: string): Promise<Set<string>> {
  const phases = await db
    .selectFrom('plan_phase')
    .select(['phase_id', 'status'])
    .where('plan_id', '=', planId)
    .execute()
  return new Set(phases.filter((phase) => phase.status === 'closed').map((p) => p.phase_id))
}

/** Each recurring duty's next period to open, by its pending `period-open` timer. */
async function periodsToOpen(db: Kysely<Database>, planId: string): Promise<Map<string, number>> {
  const timers = await db
    .selectFrom('timer')
    .select('payload')
    .where('plan_id', '=', planId)
    .where('kind', '=', 'period-open')
    .where('status', '=', 'pending')
    .execute()
  const next = new Map<string, number>()
  for (const timer of timers) {
    const payload = readJson('timer', 'payload', timer.payload) as { duty: string; index: number }
    next.set(payload.duty, payload.index)
  }
  return next
}
