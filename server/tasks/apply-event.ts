/**
 * @module Applies one event to one task inside the caller's transaction: step the machine (refuse
 * what the state does not accept), write the new snapshot only if the version is still the one
 * read, record the event and the audit row, then carry the consequences — a supporting unit's
 * accepted contribution counts down on the lead's task, an approval cancels the task's timers and
 * may close its phase, a withdrawal does the same without counting as done, a close (the plan
 * closed with the task open) only stops its timers, a submission or return notifies the other side.
 */
import { startDutiesOn } from './start-duties.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import { stepOfState } from '../../domain/workflow/state-names.ts'
import type { Insertable, Transaction } from 'kysely'
import { recordAttachmentRefs } from '../attachments/attachment-refs.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, TaskEventTable, TaskRow } from '../db/database.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import { TaskChangedError } from '../errors.ts'
import { newId } from '../ids.ts'
import { closePhaseIfGateHolds } from '../plan-model/phase-gate.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import type { TaskEvent } from '../../domain/workflow/registry.ts'
import { stepTask } from '../../domain/workflow/run-machine.ts'
import { stateHasTag } from '../../domain/workflow/task-states.ts'
import { machineOf, taskKind } from '../task-kinds/registry.ts'
import { readJson } from '../db/json-columns.ts'
import { insertNotification } from '../notifications/insert-notification.ts'
import type { NotificationKind } from '../notifications/insert-notification.ts'

export interface ApplyOptions {
  model: PlanModel
  now: Date
  actor: string
  requestId?: string | null
  /** Recorded with the event in the task's history, e.g. `{ closeOut: true }` (close-out.ts). */
  record?: Record<string, unknown>
}

export type ApplyResult =
  { ok: true; task: TaskRow } | { ok: false; state: string; accepted: string[] }

const DATA_EVENTS = new Set(['SAVE', 'SUBMIT', 'RESUBMIT', 'COMPLETE'])

/** The task's new state, if it is still at the version it was read at. */
const updateStepped = preparedQuery(
  (
    db,
    changes: Pick<TaskRow, 'state' | 'snapshot' | 'escalation_level' | 'data' | 'updated_at'>,
    taskId: string,
    version: number,
  ) =>
    db
      .updateTable('task')
      .set({ ...changes, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', taskId)
      .where('version', '=', version),
)

const insertEvent = preparedQuery((db, row: Insertable<TaskEventTable>) =>
  db.insertInto('task_event').values(row),
)

/** Applies the event; returns the updated row, or the refusal with the accepted events. */
export async function applyTaskEvent(
  trx: Transaction<Database>,
  task: TaskRow,
  event: TaskEvent,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const machine = machineOf(options.model, task.kind, task.source_id)
  const current = readJson('task', 'snapshot', task.snapshot)
  const stepped = stepTask(machine, current, event)
  if (!stepped.ok) return stepped
  const at = options.now.toISOString()
  const next = stepped.next
  const written = DATA_EVENTS.has(event.type) && 'data' in event && event.data !== undefined
  const data = written ? JSON.stringify(event.data) : task.data
  const snapshot = JSON.stringify(next)
  const update = await updateStepped(
    trx,
    {
      state: next.value,
      snapshot,
      escalation_level: next.context.escalation,
      data,
      updated_at: at,
    },
    task.id,
    task.version,
  )
  if (Number(update.numAffectedRows) !== 1) {
    throw new TaskChangedError()
  }
  if (written)
    await recordAttachmentRefs(trx, options.model, task, (event as { data: unknown }).data, at)
  const payload = { ...eventPayload(event), ...options.record }
  await insertEvent(trx, {
    id: newId(),
    task_id: task.id,
    seq: task.version,
    type: event.type,
    payload: JSON.stringify(payload),
    actor: options.actor,
    at,
    request_id: options.requestId ?? null,
  })
  await appendAudit(trx, [
    {
      at,
      actor: options.actor,
      action: `task.${event.type.toLowerCase()}`,
      entity: 'task',
      entityId: task.id,
      planId: task.plan_id,
      payload: {
        from: task.state,
        to: next.value,
        ...payload,
        requestId: options.requestId ?? null,
      },
    },
  ])
  const updated: TaskRow = {
    ...task,
    state: next.value,
    snapshot,
    version: task.version + 1,
    escalation_level: next.context.escalation,
    data,
    updated_at: at,
  }
  // A procedure's step done may start the duties waiting for it (startsWhen: procedure-step).
  if (task.kind === 'procedure' && event.type === 'COMPLETE' && next.value !== task.state) {
    const step = stepOfState(task.state)
    if (step)
      await startDutiesOn(
        trx,
        await loadPlanContext(trx, task.plan_id),
        { event: 'procedure-step', procedure: task.source_id, step },
        options.now,
        options.actor,
      )
  }
  if (next.value !== task.state)
    await consequences(trx, updated, event, options, {
      finished: stateHasTag(machine, next.value, 'finished'),
      withdrawn: stateHasTag(machine, next.value, 'withdrawn'),
      closed: stateHasTag(machine, next.value, 'closed'),
    })
  return { ok: true, task: updated }
}

async function consequences(
  trx: Transaction<Database>,
  after: TaskRow,
  event: TaskEvent,
  options: ApplyOptions,
  { finished, withdrawn, closed }: { finished: boolean; withdrawn: boolean; closed: boolean },
): Promise<void> {
  const at = options.now.toISOString()
  if (closed) {
    // The plan closed with the task open: nothing more is owed, so its timers stop. Its lead and
    // phase are closed with it or already ended; it counts as undone, so no gate closes by it.
    await cancelPendingTimers(trx, after.id)
    return
  }
  if (after.state === 'submitted' && after.reviewer) {
    await notify(trx, after, after.reviewer, 'submitted', '有待审核的报送', at)
  }
  if (after.state === 'submitted' && !after.reviewer) {
    // Nobody can return it, so it will never owe again: its reminders and escalation stop.
    await cancelPendingTimers(trx, after.id)
  }
  if (after.state === 'returned') {
    await notify(
      trx,
      after,
      after.assignee,
      'returned',
      `报送被退回：${event.type === 'RETURN' ? event.reason : ''}`,
      at,
    )
  }
  if (finished) {
    await ended(trx, after, 'CONTRIBUTION_ACCEPTED', options)
    await taskKind(after.kind).approved?.(trx, options.model, after, options.now)
  }
  // Nothing is owed any more: the lead it fed waits for one contribution fewer, and its phase may
  // now close without it.
  if (withdrawn) await ended(trx, after, 'CONTRIBUTION_WITHDRAWN', options)
}

/** Stops what a task still had coming: its pending reminders and escalation. */
async function cancelPendingTimers(trx: Transaction<Database>, taskId: string): Promise<void> {
  await trx
    .updateTable('timer')
    .set({ status: 'cancelled' })
    .where('task_id', '=', taskId)
    .where('status', '=', 'pending')
    .execute()
}

/**
 * A task that ended, done or withdrawn: its timers stop, the lead task it contributed to hears
 * of it (`leadEvent`), and its phase closes if its gate now holds.
 */
async function ended(
  trx: Transaction<Database>,
  after: TaskRow,
  leadEvent: 'CONTRIBUTION_ACCEPTED' | 'CONTRIBUTION_WITHDRAWN',
  options: ApplyOptions,
): Promise<void> {
  await cancelPendingTimers(trx, after.id)
  if (after.role === 'support' && after.parent_task_id) {
    const lead = await trx
      .selectFrom('task')
      .selectAll()
      .where('id', '=', after.parent_task_id)
      .executeTakeFirst()
    if (lead)
      await applyTaskEvent(
        trx,
        lead,
        { type: leadEvent },
        { ...options, actor: 'system', record: {} },
      )
  }
  if (after.phase_id)
    await closePhaseIfGateHolds(trx, options.model, after.plan_id, after.phase_id, options.now)
}

async function notify(
  trx: Transaction<Database>,
  task: TaskRow,
  recipient: string,
  kind: NotificationKind,
  message: string,
  at: string,
): Promise<void> {
  await insertNotification(trx, {
    planId: task.plan_id,
    taskId: task.id,
    recipient,
    kind,
    message,
    at,
  })
}

/** What of an event is kept in history: its fields except the type. */
function eventPayload(event: TaskEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event as TaskEvent & Record<string, unknown>
  return rest
}
