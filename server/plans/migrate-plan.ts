/**
 * @module Applying a migration laid out by {@link layoutMigration} (migration-preview.ts) inside the
 * caller's transaction: the plan points at the new version and its revision advances; phases take
 * their new ids and dates; each changed task gets its new id, phase, deadline or report flag and
 * an entry in its history (a `REVISE` event — no machine state changes) with what changed, why,
 * and the version's change note; re-planned timers replace the pending ones; removed work is
 * withdrawn (tasks/withdraw-tasks.ts), new work made; values entered under a renamed indicator
 * follow it. Indicator values, published assessment runs and the audit trail stay as they are.
 */
import { defaultPlanName } from '../../domain/compiler/policy-names.ts'
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { AuditEntry } from '../audit/audit-log.ts'
import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { newId } from '../ids.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { applyTaskEvent } from '../tasks/apply-event.ts'
import { insertChunked } from '../tasks/task-rows.ts'
import { withdrawTasks } from '../tasks/withdraw-tasks.ts'
import { pacer, TASK_WRITES_PER_TURN } from '../event-loop-turn.ts'
import type { MigrationLayout } from './migration-layout.ts'

/** The event type of a migration's entry in a task's history (not a machine event). */
export const REVISE_EVENT = 'REVISE'

/** The 409 for a plan whose make-up changed since the preview. */
export function planChanged(): AppError {
  return new AppError(409, 'version-mismatch', {
    zh: '预览之后计划已被修改（迁移或成员调整），请重新预览后再应用。',
    en: 'The plan changed since the preview (a migration or a members change): preview again, then apply.',
  })
}

/** What a migration did, counted for its audit entry and answer. */
export interface MigrationCounts {
  kept: number
  renamed: number
  deadline: number
  form: number
  flagged: number
  removed: number
  unitRemoved: number
  added: number
  unitAdded: number
  timers: number
}

/** Counts the changes of a layout (a task with two changes counts under each). */
export function countChanges(layout: MigrationLayout): MigrationCounts {
  const has = (kind: string) => layout.changes.filter((c) => c.kinds.includes(kind as never)).length
  return {
    kept: has('kept'),
    renamed: has('renamed'),
    deadline: has('deadline'),
    form: has('form'),
    flagged: layout.changes.filter((c) => c.reportErrors).length,
    removed: has('removed'),
    unitRemoved: has('unit-removed'),
    added: layout.create.filter((c) => c.kinds.includes('added')).length,
    unitAdded: layout.create.filter((c) => c.kinds.includes('unit-added')).length,
    timers: layout.timers.length,
  }
}

/**
 * Writes the migration inside the caller's transaction.
 * @throws AppError 409 `version-mismatch` when the plan's revision moved since the layout.
 */
export async function applyMigration(
  trx: Transaction<Database>,
  context: PlanContext,
  layout: MigrationLayout,
  by: { actor: string; now: Date; requestId?: string | null },
): Promise<MigrationCounts> {
  const { plan } = context
  const at = by.now.toISOString()
  const requestId = by.requestId ?? null
  const moved = await trx
    .updateTable('plan')
    .set((eb) => ({
      policy_version_id: layout.to.id,
      revision: eb('revision', '+', 1),
      // A plan still under the name it was given by default follows its version's.
      ...(plan.name === defaultPlanName(layout.from) ? { name: defaultPlanName(layout.to) } : {}),
    }))
    .where('id', '=', plan.id)
    .where('revision', '=', layout.revision)
    .where('policy_version_id', '=', layout.from.id)
    .executeTakeFirst()
  if (Number(moved.numUpdatedRows) !== 1) throw planChanged()

  // Phases first: the gates counted below read them under their new ids.
  for (const phase of layout.phases.update)
    await trx
      .updateTable('plan_phase')
      .set({ phase_id: phase.to, name: phase.name, opens_on: phase.opens, closes_on: phase.closes })
      .where('plan_id', '=', plan.id)
      .where('phase_id', '=', phase.from)
      .execute()
  if (layout.phases.insert.length)
    await trx
      .insertInto('plan_phase')
      .values(
        layout.phases.insert.map((phase) => ({
          plan_id: plan.id,
          phase_id: phase.id,
          name: phase.name,
          opens_on: phase.opens,
          closes_on: phase.closes,
          status: phase.open ? ('open' as const) : ('pending' as const),
          opened_at: phase.open ? at : null,
          closed_at: null,
        })),
      )
      .execute()

  const note = layout.to.note ?? null
  const audit: AuditEntry[] = []
  const history = (kinds: readonly string[], why: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      fromVersion: layout.from.version,
      toVersion: layout.to.version,
      changes: kinds,
      reason: why,
      note,
      ...extra,
    })
  const pace = pacer(TASK_WRITES_PER_TURN)
  for (const change of layout.changes) {
    await pace()
    const { task } = change
    const moves = change.sourceId !== task.source_id || change.phaseId !== task.phase_id
    const recorded = !change.kinds.includes('kept')
    if (!moves && !recorded) continue
    const updated = await trx
      .updateTable('task')
      .set({
        source_id: change.sourceId,
        phase_id: change.phaseId,
        due_on: change.dueTo,
        // A deadline the revision moves replaces any extension granted from the old one.
        ...(change.kinds.includes('deadline')
          ? { due_phrase: dutyPhrase(layout, change.sourceId), original_due_on: null }
          : {}),
        ...(change.reportErrors
          ? {
              report_flag: JSON.stringify({
                version: layout.to.version,
                errors: change.reportErrors,
              }),
            }
          : {}),
        ...(recorded ? { version: task.version + 1, updated_at: at } : {}),
      })
      .where('id', '=', task.id)
      .where('version', '=', task.version)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw planChanged()
    if (!recorded) continue
    const payload = history(change.kinds, change.why, {
      ...(change.kinds.includes('deadline')
        ? { dueFrom: change.dueFrom, dueTo: change.dueTo }
        : {}),
      ...(change.sourceId !== task.source_id
        ? { sourceFrom: task.source_id, sourceTo: change.sourceId }
        : {}),
      ...(change.reportErrors ? { reportErrors: change.reportErrors } : {}),
    })
    await trx
      .insertInto('task_event')
      .values({
        id: newId(),
        task_id: task.id,
        seq: task.version,
        type: REVISE_EVENT,
        payload,
        actor: by.actor,
        at,
        request_id: requestId,
      })
      .execute()
    audit.push({
      at,
      actor: by.actor,
      action: 'task.revise',
      entity: 'task',
      entityId: task.id,
      planId: plan.id,
      payload: { ...JSON.parse(payload), requestId },
    })
  }

  if (layout.cancelTimers.length)
    for (let index = 0; index < layout.cancelTimers.length; index += 500)
      await trx
        .updateTable('timer')
        .set({ status: 'cancelled' })
        .where('id', 'in', layout.cancelTimers.slice(index, index + 500))
        .where('status', '=', 'pending')
        .execute()

  for (const { id, sourceId } of layout.renamedWithdrawn) {
    await pace()
    await trx.updateTable('task').set({ source_id: sourceId }).where('id', '=', id).execute()
  }

  const reasons = new Map(layout.changes.map((change) => [change.task.id, change.why]))
  // Contributions first: each counts down on its lead while the lead is still open.
  const ordered = [...layout.withdraw].sort(
    (a, b) => Number(b.role === 'support') - Number(a.role === 'support'),
  )
  for (const task of ordered) {
    await pace()
    await withdrawTasks(trx, [task], {
      model: layout.toModel,
      reason: reasons.get(task.id) ?? `政策修订为 ${layout.to.version}：所配合的牵头任务已撤回`,
      actor: by.actor,
      now: by.now,
      requestId,
    })
  }

  // New tasks carry their history from the start: made by the revision, with its note.
  const rows = layout.create.map(({ task }) => ({ ...task, version: 2 }))
  await insertChunked(trx, 'task', rows)
  await insertChunked(trx, 'timer', layout.timers)
  const events = layout.create.map(({ task, kinds, why }) => ({
    id: newId(),
    task_id: task.id,
    seq: 1,
    type: REVISE_EVENT,
    payload: history(kinds, why),
    actor: by.actor,
    at,
    request_id: requestId,
  }))
  for (let index = 0; index < events.length; index += 2000)
    await trx
      .insertInto('task_event')
      .values(events.slice(index, index + 2000))
      .execute()
  for (const { taskId, count } of layout.contributions)
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
        { model: layout.toModel, now: by.now, actor: 'system', requestId },
      )
    }

  // Values entered directly under an indicator's id follow the indicator to its new id.
  for (const { from, to } of layout.match.indicators.renamed) {
    for (const table of ['indicator_value', 'indicator_value_version'] as const)
      await trx
        .updateTable(table)
        .set({ element_id: to })
        .where('plan_id', '=', plan.id)
        .where('element_id', '=', from)
        .execute()
  }

  const counts = countChanges(layout)
  await appendAudit(trx, [
    ...audit,
    {
      at,
      actor: by.actor,
      action: 'plan.migrate',
      entity: 'plan',
      entityId: plan.id,
      planId: plan.id,
      payload: {
        fromVersion: layout.from.version,
        toVersion: layout.to.version,
        fromVersionId: layout.from.id,
        toVersionId: layout.to.id,
        revision: layout.revision + 1,
        renamed: Object.fromEntries(
          Object.entries(layout.match).map(([kind, match]) => [kind, match.renamed]),
        ),
        counts,
        created: layout.create.length,
        withdrawn: layout.withdraw.length,
        cancelledTimers: layout.cancelTimers.length,
        requestId,
      },
    },
  ])
  return counts
}

/** The deadline phrase a one-off duty of the new version gives its tasks. */
function dutyPhrase(layout: MigrationLayout, sourceId: string): string | null {
  const duty = layout.toModel.responsibility(sourceId)
  return duty && typeof duty.due === 'string' ? duty.due : null
}
