/**
 * @module What the API shows of tasks: a list row for the inbox, and the full page of one task —
 * what to do and why (the source clause and quote), the deadline and its phrase, the form, the
 * history, the contributions of supporting units, and the events this user may send now.
 */
import type { Kysely } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { acceptedEvents } from '../../domain/workflow/run-machine.ts'
import type { TaskEventBody } from '../../schemas/api/requests.schema.ts'
import {
  dutyOf,
  formSchemaOf,
  machineOf,
  taskHasTag,
  taskKind,
  titleOf,
} from '../task-kinds/registry.ts'
import { actorsFor, mayAct } from './access.ts'
import { readJson } from '../db/json-columns.ts'
import type { ExtensionView, TaskSummary } from '../../schemas/api/responses.schema.ts'
import { dueSoonOf, lightOf, loadSupervisionFacts, NO_FACTS } from './task-lights.ts'
import type { SupervisionFacts } from './task-lights.ts'
import { progressOf } from './progress-reports.ts'
import type { ExtensionRequestRow } from '../db/database.ts'
import { actorsOf } from '../access/visibility.ts'
import { closeOutOf } from './close-out.ts'
import { extensionReviewer, isFinished } from './extension.ts'
import { urgesAs } from './urge.ts'
import { urgeReadReceipts } from '../notifications/notification-store.ts'
import { standingEscalation } from '../../domain/supervision/escalation.ts'
import { MAX_SPLIT_DEPTH, splittable, unitsBelow } from './split-task.ts'
import { mayTransfer, transferTargets } from './transfer-task.ts'

/** What a task's flag says: the version whose form its report fails, and how it fails. */
export interface ReportFlag {
  version: string
  errors: string[]
}

/** One task as lists show it (its schema is in schemas/api/responses.schema.ts). */
export type { TaskSummary }

/**
 * @param facts The plan's progress reports and cleared red lights for the task's light (see
 *   task-lights.ts); without them the light is judged on dates and state alone.
 */
export function summarize(
  task: TaskRow,
  context: PlanContext,
  today: string,
  facts: SupervisionFacts = NO_FACTS,
): TaskSummary {
  const actors = context.model.actors(context.members)
  const title = titleOf(context.model, task)
  const stopped =
    taskHasTag(context.model, task, 'finished') ||
    taskHasTag(context.model, task, 'withdrawn') ||
    taskHasTag(context.model, task, 'closed')
  return {
    id: task.id,
    planId: task.plan_id,
    sourceId: task.source_id,
    kind: task.kind,
    title,
    assignee: { id: task.assignee, name: actors.get(task.assignee)?.name ?? task.assignee },
    role: task.role,
    period: task.period,
    phaseId: task.phase_id,
    state: task.state,
    version: task.version,
    opensOn: task.opens_on,
    dueOn: task.due_on,
    duePhrase: task.due_phrase,
    overdue: task.due_on !== null && task.due_on < today && !stopped,
    // The level it stands at now, as the dashboard counts it: 0 once nobody acts on it any more.
    escalation: standingEscalation(task.escalation_level, stopped),
    light: lightOf(context.model, task, today, facts),
    dueSoon: dueSoonOf(context.model, task, today),
    clause:
      dutyOf(context.model, task.source_id)?.source?.clause ??
      context.model.procedure(task.source_id)?.source?.clause ??
      null,
    ...(task.original_due_on ? { originalDueOn: task.original_due_on } : {}),
    ...(task.report_flag ? { reportFlagged: true } : {}),
  }
}

/** The report as the form shows it: the task's own data, or what its kind shows instead. */
async function formData(
  db: Kysely<Database>,
  model: PlanContext['model'],
  task: TaskRow,
  today: string,
): Promise<Record<string, unknown> | null> {
  const own = readJson('task', 'data', task.data)
  const view = taskKind(task.kind).view
  return view?.data ? view.data(db, model, task, own, today) : own
}

/** The form of one task: its kind's form, as the kind shows it for this task. */
async function taskForm(
  db: Kysely<Database>,
  model: PlanContext['model'],
  task: TaskRow,
): Promise<Record<string, unknown>> {
  const form = formSchemaOf(model, task.source_id)
  const view = taskKind(task.kind).view
  return view?.form ? view.form(db, model, task, form) : form
}

/** The full view of one task for this user. */
export async function taskDetail(
  db: Kysely<Database>,
  task: TaskRow,
  context: PlanContext,
  user: CurrentUser,
  today: string,
) {
  const { model, plan } = context
  const facts = await loadSupervisionFacts(db, plan.id, [task.id])
  const duty = dutyOf(model, task.source_id)
  const procedure = model.procedure(task.source_id)
  const history = await db
    .selectFrom('task_event')
    .select(['seq', 'type', 'payload', 'actor', 'at'])
    .where('task_id', '=', task.id)
    .orderBy('seq')
    .execute()
  const contributions =
    task.role === 'lead'
      ? await db
          .selectFrom('task')
          .selectAll()
          .where('parent_task_id', '=', task.id)
          .where('role', '=', 'support')
          .orderBy('assignee')
          .execute()
      : []
  const subTasks = await db
    .selectFrom('task')
    .innerJoin('sub_task', 'sub_task.task_id', 'task.id')
    .selectAll('task')
    .select(['sub_task.instruction', 'sub_task.share'])
    .where('task.parent_task_id', '=', task.id)
    .where('task.role', '=', 'sub')
    .orderBy('task.due_on')
    .orderBy('task.assignee')
    .execute()
  const split = await db
    .selectFrom('sub_task')
    .select(['depth', 'instruction', 'share', 'parent_task_id'])
    .where('task_id', '=', task.id)
    .executeTakeFirst()
  const depth = split?.depth ?? 0
  const mayOwn = mayAct(user, plan.policy_id, [task.assignee])
  const machine = machineOf(model, task.kind, task.source_id)
  const persisted = readJson('task', 'snapshot', task.snapshot)
  // The task machine's events are task event types; the client sends back what it is offered.
  const allowed = (acceptedEvents(machine, persisted) as TaskEventBody['type'][]).filter((type) =>
    mayAct(user, plan.policy_id, actorsFor(model, task, type)),
  )
  const actorIds = [...new Set(history.map((event) => event.actor))]
  const people = actorIds.length
    ? await db
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', actorIds)
        .execute()
    : []
  const names = new Map(people.map((person) => [person.id, person.display_name]))
  // Only files the task's (and its contributions') attachment fields refer to are described.
  const files = await db
    .selectFrom('attachment')
    .select(['id', 'name', 'size', 'type'])
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('attachment_ref')
        .select('attachment_id')
        .where('task_id', 'in', [task.id, ...contributions.map((c) => c.id)]),
    )
    .execute()
  const extensions = await db
    .selectFrom('extension_request')
    .selectAll()
    .where('task_id', '=', task.id)
    .orderBy('requested_at', 'desc')
    .execute()
  const finished = isFinished(model, task)
  const mine = actorsOf(user, plan.policy_id)
  const pending = extensions.find((request) => request.status === 'pending')
  const closing = history.find(
    (event) =>
      event.type === 'APPROVE' &&
      readJson('task_event', 'payload', event.payload).closeOut === true,
  )
  return {
    ...summarize(task, context, today, facts),
    /** 周期反馈: the reports made, when the next is due, and whether this user may report. */
    progress: await progressOf(db, context, task, user, today),
    reviewer: task.reviewer,
    originalDueOn: task.original_due_on,
    extensions: extensions.map(extensionView),
    mayRequestExtension:
      !finished &&
      !pending &&
      mine.has(task.assignee) &&
      task.due_on !== null &&
      today <= task.due_on &&
      taskHasTag(model, task, 'owing') &&
      extensionReviewer(model, task) !== null,
    mayDecideExtension: !finished && !!pending && mine.has(pending.reviewer),
    mayUrge: !finished && (await urgesAs(db, context, user, task)) !== undefined,
    closedOut: closing
      ? { at: closing.at, by: closing.actor, byName: names.get(closing.actor) ?? closing.actor }
      : null,
    closeOutEvidence: closeOutOf(model, task)?.evidence ?? null,
    reviewerName: task.reviewer
      ? (model.actors(context.members).get(task.reviewer)?.name ?? task.reviewer)
      : null,
    description: duty?.description ?? null,
    /** What the config's author noted on the duty or procedure, for whoever carries it out. */
    note: duty?.note ?? procedure?.note ?? null,
    /** 分别负责: the assignee's own share of the duty, when the leads each have theirs. */
    share: duty?.shares?.find((share) => share.unit === task.assignee)?.part ?? null,
    /** For a 整改 task: the published result it answers (score, value against target, why). */
    finding: (await taskKind(task.kind).view?.finding?.(db, task)) ?? null,
    /** Why there is no deadline, as the config states it (`{ unspecified: … }`). */
    dueUnspecified:
      duty && typeof duty.due === 'object' && 'unspecified' in duty.due
        ? duty.due.unspecified
        : null,
    deliverables: duty?.deliverables ?? [],
    source: duty?.source ?? procedure?.source ?? null,
    procedure: procedure
      ? {
          steps: procedure.steps.map((step) => ({ id: step.id, name: step.name, kind: step.kind })),
          current: persisted.value,
        }
      : null,
    context: persisted.context,
    data: await formData(db, model, task, today),
    /**
     * Set when the plan moved to a version whose form this task's submitted report no longer
     * satisfies: the report stays as submitted; `errors` say what the new form finds.
     */
    reportFlag: readJson('task', 'report_flag', task.report_flag) satisfies ReportFlag | null,
    form: await taskForm(db, model, task),
    allowedEvents: allowed,
    history: history.map((event) => ({
      ...event,
      actorName: event.actor === 'system' ? '系统' : (names.get(event.actor) ?? event.actor),
      payload: readJson('task_event', 'payload', event.payload),
    })),
    /** Who of the unit read each 催办 of this task, and when (notifications/notification-store.ts). */
    urgeReads: await urgeReadReceipts(db, task.id),
    attachments: Object.fromEntries(
      files.map((file) => [file.id, { name: file.name, size: file.size, type: file.type }]),
    ),
    /** Set on a sub-task: what its parent's owner asked of it, and the task it belongs to. */
    split: split
      ? {
          parentTaskId: split.parent_task_id,
          depth,
          instruction: split.instruction,
          share: split.share,
        }
      : null,
    /** The sub-tasks split from this task, with their state and report (层层分解). */
    subTasks: subTasks.map(({ instruction, share, ...sub }) => ({
      ...summarize(sub, context, today),
      instruction,
      share,
      data: readJson('task', 'data', sub.data),
    })),
    /** Units this user may split the task to now (empty when it may not be split by them). */
    splitUnits:
      mayOwn && splittable(context, task, depth) ? unitsBelow(context, task.assignee) : [],
    maxSplitDepth: MAX_SPLIT_DEPTH,
    /** Units the task may be transferred to by this user (empty unless the office, 转办). */
    transferUnits:
      mayTransfer(user, context) &&
      !taskHasTag(model, task, 'finished') &&
      !taskHasTag(model, task, 'withdrawn') &&
      !taskHasTag(model, task, 'closed')
        ? transferTargets(context).filter(
            (unit) => unit.id !== task.assignee && unit.id !== task.reviewer,
          )
        : [],
    contributions: contributions.map((contribution) => ({
      ...summarize(contribution, context, today),
      data: readJson('task', 'data', contribution.data),
    })),
  }
}

/** One extension request as the API shows it. */
export function extensionView(row: ExtensionRequestRow): ExtensionView {
  return {
    id: row.id,
    status: row.status,
    unit: row.unit,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    dueFrom: row.due_from,
    dueTo: row.due_to,
    reason: row.reason,
    percent: row.percent,
    progress: row.progress,
    reviewer: row.reviewer,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    note: row.note,
  }
}
