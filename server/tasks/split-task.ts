/**
 * @module 层层分解: the unit that owns a task splits it into sub-tasks for units below it — the
 * units of the config whose `parent` it is, and the members (named in the document or at the
 * plan's start) of groups it leads. A sub-task is a task of the same duty and period (role `sub`,
 * `parent_task_id` its parent) with its own deadline, no later than its parent's, its own
 * escalation timers, and its parent's owner as its reviewer: the owner approves what each unit
 * reports, then consolidates them into its own report. A sub-task may be split again, down to
 * {@link MAX_SPLIT_DEPTH} levels. Sub-tasks count under their own units and not toward a phase's
 * gate (plan-model/phase-gate.ts): the duty is done when its own task is.
 */
import type { Kysely, Transaction } from 'kysely'
import { compareDates, isCivilDate } from '../../domain/deadlines/index.ts'
import { startTask } from '../../domain/workflow/run-machine.ts'
import { ENDED_STATES } from '../../domain/workflow/task-states.ts'
import type { SubTasksBody } from '../../schemas/api/requests.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, NewTask, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { insertNotification } from '../notifications/insert-notification.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { machineOf, taskHasTag } from '../task-kinds/registry.ts'
import { mayAct } from './access.ts'
import { belowKey, namedBelow } from './below-units.ts'
import { recordTaskHistory } from './record-event.ts'
import { escalationTimers, insertChunked, taskRow } from './task-rows.ts'

/** A new unit's id, as the policy language spells ids. */
const NEW_UNIT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** How deep sub-tasks may go: a duty's task, its sub-tasks, theirs, and theirs. */
export const MAX_SPLIT_DEPTH = 3

type Reader = Kysely<Database> | Transaction<Database>

/** A unit below another, as the split form offers it. */
export interface UnitBelow {
  id: string
  name: string
}

/**
 * The units below `unit` in a plan: config units whose `parent` it is, and the members of the
 * groups it leads (those the document names and those supplied at the plan's start). Units
 * outside the region are left out: they are given no tasks.
 */
export function unitsBelow(context: PlanContext, unit: string): UnitBelow[] {
  const { model, members } = context
  const actors = model.actors(members)
  const units = model.config.organizations.units
  const external = new Set(units.filter((u) => u.external).map((u) => u.id))
  const ids = [
    ...units.filter((u) => u.parent === unit).map((u) => u.id),
    ...(model.config.organizations.groups ?? [])
      .filter((group) =>
        Array.isArray(group.lead) ? group.lead.includes(unit) : group.lead === unit,
      )
      .flatMap((group) => [
        ...(group.members ?? []),
        ...(members[group.id] ?? []).map((m) => m.id),
      ]),
    ...namedBelow(members, unit).map((m) => m.id),
  ]
  return [...new Set(ids)]
    .filter((id) => id !== unit && !external.has(id))
    .map((id) => ({ id, name: actors.get(id)?.name ?? id }))
}

/** How deep a task sits: 0 for a duty's own task, 1 for its sub-tasks, … */
export async function splitDepth(db: Reader, taskId: string): Promise<number> {
  const row = await db
    .selectFrom('sub_task')
    .select('depth')
    .where('task_id', '=', taskId)
    .executeTakeFirst()
  return row?.depth ?? 0
}

/** True when the task's kind, role and state let its owner split it (who may is checked apart). */
export function splittable(context: PlanContext, task: TaskRow, depth: number): boolean {
  return (
    task.kind === 'responsibility' &&
    (task.role === 'lead' || task.role === 'sub') &&
    depth < MAX_SPLIT_DEPTH &&
    taskHasTag(context.model, task, 'owing')
  )
}

/** The sub-tasks a split makes, as its dry run shows them. */
export interface SplitPreview {
  parentId: string
  depth: number
  /** Units the split adds to the plan below the owner (named with the split). */
  addedUnits: UnitBelow[]
  subTasks: Array<{
    id: string
    unit: UnitBelow
    dueOn: string
    instruction: string
    share: string | null
    timers: Array<{ kind: string; fireAt: string }>
  }>
}

/**
 * Checks a split and builds its rows; writes nothing.
 * @throws AppError 403 (not the owner), 409 `conflict` (the task cannot be split now), 422
 *   `invalid-body` with an issue at `/items/<i>/unit` or `/items/<i>/dueOn` for each bad row
 */
async function planSplit(
  db: Reader,
  context: PlanContext,
  user: CurrentUser,
  parent: TaskRow,
  body: SubTasksBody,
  today: string,
  now: string,
) {
  const { model, plan } = context
  if (!mayAct(user, plan.policy_id, [parent.assignee]))
    throw new AppError(403, 'forbidden', {
      zh: '只有承办该任务的单位可以分解它。',
      en: 'Only the unit that owns the task may split it.',
    })
  const depth = (await splitDepth(db, parent.id)) + 1
  if (!splittable(context, parent, depth - 1))
    throw new AppError(
      409,
      'conflict',
      {
        zh: `该任务不能再分解：只有尚在办理中的职责任务可以分解，且最多分解 ${MAX_SPLIT_DEPTH} 层。`,
        en: `This task cannot be split: only a duty's task still being worked on can be, at most ${MAX_SPLIT_DEPTH} levels deep.`,
      },
      { state: parent.state, depth: depth - 1 },
    )
  const below = new Map(unitsBelow(context, parent.assignee).map((unit) => [unit.id, unit]))
  const held = await db
    .selectFrom('task')
    .select('assignee')
    .where('plan_id', '=', parent.plan_id)
    .where('source_id', '=', parent.source_id)
    .where('period', '=', parent.period)
    .where('role', '=', 'sub')
    .where('state', 'not in', [...ENDED_STATES])
    .execute()
  const taken = new Set(held.map((row) => row.assignee))
  const issues: RequestIssue[] = []
  const seen = new Set<string>()
  const known = model.actors(context.members)
  const groups = new Set((model.config.organizations.groups ?? []).map((group) => group.id))
  // A unit the config does not know, given with its name, joins the plan below the owner.
  const added: UnitBelow[] = []
  body.items.forEach((item, index) => {
    const at = `/items/${index}`
    if (item.name === undefined || below.has(item.unit)) return
    if (!NEW_UNIT_ID.test(item.unit))
      issues.push({
        pointer: `${at}/unit`,
        code: 'invalid-id',
        message: {
          zh: `新增单位的标识「${item.unit}」应为小写字母、数字和连字符，如 town-clinic。`,
          en: `A new unit's id "${item.unit}" is lowercase letters, digits and hyphens, e.g. town-clinic.`,
        },
      })
    else if (known.has(item.unit) || groups.has(item.unit))
      issues.push({
        pointer: `${at}/unit`,
        code: 'unknown-unit',
        message: {
          zh: `「${item.unit}」已是本计划的单位或组织，但不在本单位之下；请换一个标识。`,
          en: `"${item.unit}" is already a unit or group of the plan, not one below the owner; use another id.`,
        },
      })
    else if (!added.some((unit) => unit.id === item.unit)) {
      const unit = { id: item.unit, name: item.name.trim() }
      added.push(unit)
      below.set(unit.id, unit)
    }
  })
  body.items.forEach((item, index) => {
    const at = `/items/${index}`
    // A new unit's id already refused is not refused twice; the row's date is still checked.
    const refused = issues.some((issue) => issue.pointer === `${at}/unit`)
    if (!refused && !below.has(item.unit))
      issues.push({
        pointer: `${at}/unit`,
        code: 'unknown-unit',
        message: {
          zh: `「${item.unit}」不是本单位的下级单位；可选：${[...below.keys()].join('、') || '无'}，或连同名称（name）新增一个下级单位。`,
          en: `"${item.unit}" is not a unit below the owner; choose one of: ${[...below.keys()].join(', ') || 'none'}, or give a name to add a new unit below.`,
        },
      })
    else if (!refused && (seen.has(item.unit) || taken.has(item.unit)))
      issues.push({
        pointer: `${at}/unit`,
        code: 'duplicate',
        message: {
          zh: `「${item.unit}」已有该任务的子任务，每个单位只分解一次。`,
          en: `"${item.unit}" already has a sub-task of this task; split to each unit once.`,
        },
      })
    seen.add(item.unit)
    if (!isCivilDate(item.dueOn))
      issues.push({
        pointer: `${at}/dueOn`,
        code: 'invalid-date',
        message: { zh: `「${item.dueOn}」不是有效日期。`, en: `"${item.dueOn}" is not a date.` },
      })
    else if (parent.due_on !== null && compareDates(item.dueOn, parent.due_on) > 0)
      issues.push({
        pointer: `${at}/dueOn`,
        code: 'after-parent-due',
        message: {
          zh: `截止日期 ${item.dueOn} 晚于本任务的截止日期 ${parent.due_on}，请改为不晚于 ${parent.due_on}。`,
          en: `The deadline ${item.dueOn} is after the task's own, ${parent.due_on}; give one on or before it.`,
        },
      })
    else if (compareDates(item.dueOn, today) < 0)
      issues.push({
        pointer: `${at}/dueOn`,
        code: 'in-the-past',
        message: {
          zh: `截止日期 ${item.dueOn} 早于今天（${today}）。`,
          en: `The deadline ${item.dueOn} is before today (${today}).`,
        },
      })
  })
  if (issues.length)
    throw new AppError(
      422,
      'invalid-body',
      { zh: '分解的子任务有误', en: 'The sub-tasks have errors' },
      { issues },
    )
  const machine = machineOf(model, parent.kind, parent.source_id)
  const snapshot = startTask(machine, { reviewer: parent.assignee, pendingContributions: 0 })
  const first = { value: snapshot.value, json: JSON.stringify(snapshot) }
  const tasks: NewTask[] = body.items.map((item) =>
    taskRow(
      {
        plan_id: parent.plan_id,
        source_id: parent.source_id,
        kind: parent.kind,
        assignee: item.unit,
        role: 'sub',
        period: parent.period,
        phase_id: parent.phase_id,
        parent_task_id: parent.id,
        reviewer: parent.assignee,
        opens_on: today,
        due_on: item.dueOn,
        due_phrase: null,
        snapshot: first,
      },
      now,
    ),
  )
  const timers = escalationTimers(model, tasks)
  const preview: SplitPreview = {
    parentId: parent.id,
    depth,
    addedUnits: added,
    subTasks: tasks.map((task, index) => ({
      id: task.id,
      unit: below.get(task.assignee)!,
      dueOn: task.due_on!,
      instruction: body.items[index]!.instruction,
      share: body.items[index]!.share ?? null,
      timers: timers
        .filter((timer) => timer.task_id === task.id)
        .map((timer) => ({ kind: timer.kind, fireAt: timer.fire_at })),
    })),
  }
  return { tasks, timers, preview, added }
}

/**
 * What a split would make, without writing (the dry run).
 * @throws as {@link splitTask}
 */
export async function previewSplit(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  parent: TaskRow,
  body: SubTasksBody,
  now: Date,
  today: string,
): Promise<SplitPreview> {
  return (await planSplit(db, context, user, parent, body, today, now.toISOString())).preview
}

/**
 * Splits the task in the caller's transaction: the sub-task rows and their timers, what the split
 * said of each, an entry in the parent's history, the audit row, a notice to each unit.
 * @throws AppError 403, 409 `conflict` or `plan-*`, 422 `invalid-body` (see {@link planSplit})
 */
export async function splitTask(
  trx: Transaction<Database>,
  context: PlanContext,
  user: CurrentUser,
  parentId: string,
  body: SubTasksBody,
  now: Date,
  today: string,
  requestId: string | null,
): Promise<SplitPreview> {
  const parent = await trx
    .selectFrom('task')
    .selectAll()
    .where('id', '=', parentId)
    .executeTakeFirstOrThrow()
  const at = now.toISOString()
  const { tasks, timers, preview, added } = await planSplit(
    trx,
    context,
    user,
    parent,
    body,
    today,
    at,
  )
  if (added.length) await addUnitsBelow(trx, context, parent.assignee, added)
  await insertChunked(trx, 'task', tasks)
  await insertChunked(trx, 'timer', timers)
  await trx
    .insertInto('sub_task')
    .values(
      preview.subTasks.map((sub) => ({
        task_id: sub.id,
        parent_task_id: parent.id,
        plan_id: parent.plan_id,
        depth: preview.depth,
        instruction: sub.instruction,
        share: sub.share,
        created_by: user.id,
        created_at: at,
      })),
    )
    .execute()
  const units = preview.subTasks.map((sub) => ({
    task: sub.id,
    unit: sub.unit.id,
    dueOn: sub.dueOn,
  }))
  await recordTaskHistory(trx, parent, 'SPLIT', { subTasks: units }, user.id, at, requestId)
  await appendAudit(trx, [
    {
      at,
      actor: user.id,
      action: 'task.split',
      entity: 'task',
      entityId: parent.id,
      planId: parent.plan_id,
      payload: { depth: preview.depth, subTasks: units, addedUnits: added, requestId },
    },
  ])
  for (const sub of preview.subTasks)
    await insertNotification(trx, {
      planId: parent.plan_id,
      taskId: sub.id,
      recipient: sub.unit.id,
      kind: 'assigned',
      message: `新的分解任务：截止 ${sub.dueOn}`,
      at,
    })
  return preview
}

/**
 * Adds units named below `owner` to the plan's members (below-units.ts), advancing its revision,
 * as a change of members does; the members must still be the ones the request read.
 * @throws AppError 409 `version-mismatch` when the plan's members changed meanwhile
 */
async function addUnitsBelow(
  trx: Transaction<Database>,
  context: PlanContext,
  owner: string,
  added: readonly UnitBelow[],
): Promise<void> {
  const members = { ...context.members }
  members[belowKey(owner)] = [...namedBelow(members, owner), ...added]
  const update = await trx
    .updateTable('plan')
    .set((eb) => ({ extra_units: JSON.stringify(members), revision: eb('revision', '+', 1) }))
    .where('id', '=', context.plan.id)
    .where('extra_units', '=', context.plan.extra_units)
    .executeTakeFirst()
  if (Number(update.numUpdatedRows) !== 1)
    throw new AppError(409, 'version-mismatch', {
      zh: '本计划的成员单位已被他人修改，请刷新后重试。',
      en: 'The plan’s members changed meanwhile; reload and try again.',
    })
}
