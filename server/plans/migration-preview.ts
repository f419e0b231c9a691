/**
 * @module Laying out the migration of a running plan to a newer published version of its policy,
 * without writing: for every task the plan holds, whether it is kept as it is, its deadline moves
 * (its pending reminders and escalation re-planned from the new date), its duty was removed or its
 * unit no longer owns it (withdrawn, never deleted), its form changed (a submitted report that no
 * longer validates is flagged, never altered); and the tasks the new version adds — made by the
 * one builder (tasks/create-tasks.ts), only for what is still open. Recurring duties change from
 * their next period not yet opened. A dry run answers this layout; {@link applyMigration} writes
 * exactly it (migrate-plan.ts).
 */
import { startedDutyIds, startsLater } from '../tasks/start-duties.ts'
import type { Kysely } from 'kysely'
import { civilDateAt, compareDates, startOfDayInstant } from '../../domain/deadlines/index.ts'
import { isFinishedState, isWithdrawnState } from '../../domain/workflow/task-states.ts'
import type { Database, PolicyVersionRow, TaskRow } from '../db/database.ts'
import { readJson } from '../db/json-columns.ts'
import type { Occurrence } from '../plan-model/duty-occurrences.ts'
import { openingOccurrences, recurringPeriods } from '../plan-model/duty-occurrences.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { planModel } from '../plan-model/plan-model.ts'
import { heldKey, tasksForDuty } from '../tasks/create-tasks.ts'
import { nextEscalationTimer, taskRow, timerRow } from '../tasks/task-rows.ts'
import type { NewTimer } from '../tasks/task-rows.ts'
import { withContributions } from '../tasks/withdraw-tasks.ts'
import {
  findDuty,
  formSchemaOf,
  formValidatorOf,
  planDuties,
  planStarts,
  taskHasTag,
} from '../task-kinds/registry.ts'
import { matchVersions } from './migration-match.ts'
import type { Renames } from './migration-match.ts'
import type {
  ChangeKind,
  MigrationLayout,
  NewTaskChange,
  ScheduleChange,
  TaskChange,
} from './migration-layout.ts'
import { heldOccurrences, keptChange } from './migration-held.ts'
import { phaseChanges } from './migration-phases.ts'
import { pacer, TASKS_PER_TURN } from '../event-loop-turn.ts'

/** The words of a version in history and reasons: `1.1.0`. */
const versionWords = (to: PolicyVersionRow) => `政策修订为 ${to.version}`

/**
 * Lays out the migration of a plan to `to`. Reads only.
 * @throws AppError 400 `invalid-body` for renames that do not match (migration-match.ts).
 */
export async function layoutMigration(
  db: Kysely<Database>,
  context: PlanContext,
  from: PolicyVersionRow,
  to: PolicyVersionRow,
  renames: Renames,
  now: Date,
): Promise<MigrationLayout> {
  const { plan, members } = context
  const fromModel = context.model
  // A plan running its calendar moved by whole years keeps the move on the new version.
  const toModel = planModel(to, plan.shift_years)
  const match = matchVersions(fromModel.config, toModel.config, renames)
  const today = civilDateAt(now)
  const nowIso = now.toISOString()
  const tasks = await db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const timers = await db
    .selectFrom('timer')
    .select(['id', 'task_id', 'kind', 'payload'])
    .where('plan_id', '=', plan.id)
    .where('status', '=', 'pending')
    .execute()
  const phaseRows = await db
    .selectFrom('plan_phase')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .execute()
  const phaseOf = (id: string | null) => (id === null ? null : (match.phases.map.get(id) ?? id))
  const closed = new Set(
    phaseRows.filter((p) => p.status === 'closed').map((p) => phaseOf(p.phase_id)!),
  )
  const ladder = new Map<string, string[]>()
  for (const timer of timers)
    if (timer.task_id && ['remind', 'overdue', 'escalate'].includes(timer.kind))
      ladder.set(timer.task_id, [...(ladder.get(timer.task_id) ?? []), timer.id])

  // Asked once per duty, not per task: a province's duty is held by thousands of units.
  const memo = <T>(compute: (key: string) => T) => {
    const cache = new Map<string, T>()
    return (key: string): T => {
      if (!cache.has(key)) cache.set(key, compute(key))
      return cache.get(key)!
    }
  }
  const dutyIn = {
    to: memo((id) => findDuty(toModel, id)),
    from: memo((id) => findDuty(fromModel, id)),
  }
  const ownersOf = memo((id) => {
    const kinded = dutyIn.to(id)!
    const leads = toModel.resolveOwners(
      Array.isArray(kinded.duty.lead) ? kinded.duty.lead : [],
      members,
    ).actors
    const supports = toModel
      .resolveOwners(kinded.duty.support ?? [], members)
      .actors.filter((actor) => !leads.includes(actor))
    return { leads: new Set(leads), supports: new Set(supports) }
  })
  const formChanged = memo((key) => {
    const [before, after] = key.split('\n') as [string, string]
    return (
      JSON.stringify(formSchemaOf(fromModel, before)) !==
      JSON.stringify(formSchemaOf(toModel, after))
    )
  })
  const label = versionWords(to)
  const changes: TaskChange[] = []
  const created: NewTaskChange[] = []
  const newTimers: NewTimer[] = []
  const cancel = new Set<string>()
  const contributions: MigrationLayout['contributions'] = []
  const withdrawSelected: TaskRow[] = []
  const renamedWithdrawn: MigrationLayout['renamedWithdrawn'] = []

  // 1. Each task the plan holds, by the duty it runs in the new version.
  const held = new Map<string, TaskRow[]>() // `${newSource}|${period}` → open tasks held
  const newSourceOf = (task: TaskRow): string | undefined => {
    if (task.kind === 'rectification') {
      const [prefix, assessment, item] = task.source_id.split('.')
      const renamed = match.assessmentItems.map.get(`${assessment}/${item}`)
      return renamed ? `${prefix}.${renamed.replace('/', '.')}` : task.source_id
    }
    if (task.kind === 'procedure')
      return toModel.procedure(task.source_id) ? task.source_id : undefined
    const id =
      task.kind === 'responsibility'
        ? match.responsibilities.map.get(task.source_id)
        : dutyIn.to(task.source_id)
          ? task.source_id
          : undefined
    return id
  }
  const pace = pacer(TASKS_PER_TURN)
  for (const task of tasks) {
    await pace()
    if (isWithdrawnState(task.state)) {
      // Withdrawn work keeps its history under its duty's new id, so it still reads its title.
      const renamed =
        task.kind === 'responsibility' && match.responsibilities.map.get(task.source_id)
      if (renamed && renamed !== task.source_id)
        renamedWithdrawn.push({ id: task.id, sourceId: renamed })
      continue
    }
    const sourceId = newSourceOf(task)
    const ended = isFinishedState(task.state)
    if (sourceId === undefined) {
      const title = dutyIn.from(task.source_id)?.duty.title ?? task.source_id
      if (ended) {
        changes.push(keptChange(task, task.source_id, task.phase_id))
        continue
      }
      withdrawSelected.push(task)
      changes.push({
        task,
        kinds: ['removed'],
        sourceId: task.source_id,
        phaseId: task.phase_id,
        dueFrom: task.due_on,
        dueTo: task.due_on,
        why: `${label}：「${title}」已从新版本删除`,
      })
      continue
    }
    const kinds: ChangeKind[] = []
    const whys: string[] = []
    if (sourceId !== task.source_id) {
      kinds.push('renamed')
      whys.push(`编号由「${task.source_id}」改为「${sourceId}」`)
    }
    const kinded = task.kind === 'procedure' ? undefined : dutyIn.to(sourceId)
    const phaseId = kinded ? (kinded.duty.phase ?? null) : phaseOf(task.phase_id)
    if (kinded && kinded.kind !== 'rectification') {
      const key = `${sourceId}|${task.period}`
      held.set(key, [...(held.get(key) ?? []), task])
      // A unit the new version no longer gives this duty (in this role) is withdrawn.
      const owners = ownersOf(sourceId)
      // A sub-task is its parent's owner's to give: it follows its parent (withContributions).
      const owned =
        task.role === 'sub' ||
        (task.role === 'lead' ? owners.leads : owners.supports).has(task.assignee)
      if (!owned) {
        if (!ended) {
          withdrawSelected.push(task)
          changes.push({
            task,
            kinds: [...kinds, 'unit-removed'],
            sourceId,
            phaseId,
            dueFrom: task.due_on,
            dueTo: task.due_on,
            why: `${label}：「${kinded.duty.title}」不再由本单位${task.role === 'lead' ? '牵头' : '配合'}`,
          })
          continue
        }
      }
    }
    // A one-off duty's deadline; a recurring duty's opened periods keep theirs.
    let dueTo = task.due_on
    if (
      kinded &&
      kinded.kind !== 'rectification' &&
      !ended &&
      // A sub-task keeps the deadline its parent's owner gave it.
      task.role !== 'sub' &&
      toModel.scheduleOf(kinded.duty).kind === 'once'
    ) {
      const due = toModel.scheduleOf(kinded.duty)
      const next = due.kind === 'once' ? (due.due ?? null) : null
      // An approved extension (延期) moved the date the document gave: the revision compares with
      // that date, so a deadline the new version keeps leaves the extension standing.
      if (next !== (task.original_due_on ?? task.due_on)) {
        dueTo = next
        kinds.push('deadline')
        whys.push(`截止日由 ${task.due_on ?? '未定'} 改为 ${next ?? '未定'}`)
      }
    }
    let reportErrors: string[] | undefined
    if (task.kind !== 'procedure' && formChanged(`${task.source_id}\n${sourceId}`)) {
      kinds.push('form')
      const data = readJson('task', 'data', task.data)
      const validate = formValidatorOf(toModel, sourceId)
      if (data !== null && !taskHasTag(fromModel, task, 'owing') && !validate(data)) {
        reportErrors = (validate.errors ?? []).map((error) =>
          `${error.instancePath || '/'} ${error.message ?? ''}`.trim(),
        )
        whys.push('报告表单已修改，已报送的内容不符合新表单，保留原报送并标注')
      } else whys.push('报告表单已修改')
    }
    if (kinds.length === 0) {
      changes.push(keptChange(task, sourceId, phaseId))
      continue
    }
    changes.push({
      task,
      kinds,
      sourceId,
      phaseId,
      dueFrom: task.due_on,
      dueTo,
      why: `${label}：${whys.join('；')}`,
      ...(reportErrors ? { reportErrors } : {}),
    })
    if (kinds.includes('deadline')) {
      const pending = ladder.get(task.id) ?? []
      pending.forEach((id) => cancel.add(id))
      if (pending.length > 0 || taskHasTag(fromModel, task, 'owing')) {
        const next = nextEscalationTimer(toModel, plan.id, task.id, dueTo, task.escalation_level)
        if (next) newTimers.push(next)
      }
    }
  }
  const withdraw = withContributions(tasks, withdrawSelected)
  const gone = new Set(withdraw.map((task) => task.id))

  // 2. What the new version owes that the plan does not hold: new units, new duties.
  const oldDutyIds = new Set([...planDuties(fromModel)].map(({ duty }) => duty.id))
  const matchedIds = new Set([...oldDutyIds].map((id) => match.responsibilities.map.get(id) ?? id))
  const schedules: ScheduleChange[] = []
  const periodTimers = timers.filter((timer) => timer.kind === 'period-open')
  const started = await startedDutyIds(db, plan.id)
  for (const kinded of planDuties(toModel)) {
    const { duty } = kinded
    const isNew = !matchedIds.has(duty.id)
    const oldId = isNew
      ? undefined
      : ([...oldDutyIds].find((id) => (match.responsibilities.map.get(id) ?? id) === duty.id) ??
        duty.id)
    // A duty that starts later (startsWhen, optional) and has not started makes nothing yet.
    if (startsLater(duty) && !started.has(oldId ?? duty.id)) continue
    const schedule = toModel.scheduleOf(duty)
    if (schedule.kind === 'recurring') {
      const before = oldId ? findDuty(fromModel, oldId)?.duty : undefined
      const same =
        before !== undefined &&
        oldId === duty.id &&
        JSON.stringify(fromModel.scheduleOf(before)) === JSON.stringify(schedule)
      if (!same) {
        for (const timer of periodTimers)
          if (readJson('timer', 'payload', timer.payload).duty === (oldId ?? duty.id))
            cancel.add(timer.id)
        const { next } = openingOccurrences(toModel, duty, today)
        if (next)
          newTimers.push(
            timerRow(plan.id, 'period-open', startOfDayInstant(next.start).toISOString(), {
              duty: duty.id,
              index: next.index,
            }),
          )
        if (!isNew)
          schedules.push({
            sourceId: duty.id,
            title: duty.title,
            fromPeriod: next ? (recurringPeriods(toModel, duty)[next.index]?.period ?? null) : null,
          })
      }
    }
    // A closed phase takes no new duty; work of a kept duty still under way there (a phase
    // whose gate does not wait for its tasks) goes on with the units the new version names.
    const phaseClosed = duty.phase !== undefined && closed.has(duty.phase)
    if (isNew && phaseClosed) continue
    const underWay = (period: string) =>
      (held.get(`${duty.id}|${period}`) ?? []).some((task) => !isFinishedState(task.state))
    const occurrences: Occurrence[] = isNew
      ? openingOccurrences(toModel, duty, today).open.filter(
          (o) => schedule.kind !== 'recurring' || o.due === null || compareDates(o.due, today) >= 0,
        )
      : heldOccurrences(held, duty.id, today, gone)
          .filter((occurrence) => !phaseClosed || underWay(occurrence.period))
          .map((occurrence) =>
            schedule.kind === 'once' ? { ...occurrence, due: schedule.due ?? null } : occurrence,
          )
    for (const occurrence of occurrences) {
      const here = (held.get(`${duty.id}|${occurrence.period}`) ?? []).filter(
        (task) => !gone.has(task.id),
      )
      const lead = here.find((task) => task.role === 'lead')
      const made = tasksForDuty(toModel, plan.id, kinded, occurrence, members, nowIso, {
        keys: new Set(here.map((task) => heldKey(task.role, task.assignee))),
        ...(lead ? { lead: { id: lead.id, assignee: lead.assignee } } : {}),
      })
      for (const task of made.tasks)
        created.push({
          task,
          kinds: [isNew ? 'added' : 'unit-added'],
          why: isNew
            ? `${label}：新增「${duty.title}」`
            : `${label}：「${duty.title}」改由本单位${task.role === 'lead' ? '牵头' : '配合'}`,
        })
      newTimers.push(...made.timers)
      await pace(made.tasks.length)
      if (lead && made.addedContributions)
        contributions.push({ taskId: lead.id, count: made.addedContributions })
    }
  }
  // Periods of duties the new version drops open nothing more.
  for (const timer of periodTimers) {
    const duty = readJson('timer', 'payload', timer.payload).duty as string
    const kept =
      match.responsibilities.map.get(duty) ?? (findDuty(toModel, duty) ? duty : undefined)
    if (kept === undefined) cancel.add(timer.id)
  }
  // Procedures the new version adds start for their applicants.
  const oldProcedures = new Set((fromModel.config.procedures ?? []).map((p) => p.id))
  for (const started of planStarts(toModel, plan.id, members, today))
    for (const fields of started.tasks)
      if (fields.kind === 'procedure' && !oldProcedures.has(fields.source_id))
        created.push({
          task: taskRow(fields, nowIso),
          kinds: ['added'],
          why: `${label}：新增「${toModel.procedure(fields.source_id)?.name ?? fields.source_id}」`,
        })

  const phases = phaseChanges(toModel, match, phaseRows, timers, cancel, newTimers, plan.id, today)
  return {
    from,
    to,
    fromModel,
    toModel,
    revision: plan.revision,
    match,
    changes,
    create: created,
    timers: newTimers,
    cancelTimers: [...cancel],
    withdraw,
    contributions,
    schedules,
    phases,
    renamedWithdrawn,
  }
}
