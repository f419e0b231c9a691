/**
 * @module Phase gates. A phase opens on its first day and closes once its window has ended and
 * its gate holds: every task of the phase approved or withdrawn (unless the gate says otherwise), the named
 * body's sign-off recorded, its milestones' dates passed. A phase whose window ends with the gate
 * not holding stays open — late — and closes the moment it holds. Which status an event leads to
 * is the phase machine's answer (domain/workflow/phase-machine.ts); this module counts the gate
 * and writes the status the machine returns.
 */
import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import { civilDateAt, compareDates } from '../../domain/deadlines/index.ts'
import type { Database } from '../db/database.ts'
import { ruleOf } from '../../domain/compiler/checks/deadlines.ts'
import { ENDED_STATES } from '../../domain/workflow/task-states.ts'
import type { PlanModel } from './plan-model.ts'
import { phaseAccepts, stepPhase } from '../../domain/workflow/run-machine.ts'

export interface GateStatus {
  windowEnded: boolean
  openTasks: number
  signOffRequired: string | null
  signedOff: boolean
  milestonesPending: string[]
  holds: boolean
}

/**
 * What the gate of a phase needs right now. `counted`, when given, is the phase's tasks not yet
 * ended as a reader already counted them (a plan's progress, from its kept counts): the gate then
 * reads no task.
 */
export async function gateStatus(
  trx: Kysely<Database>,
  model: PlanModel,
  planId: string,
  phaseId: string,
  now: Date,
  counted?: number,
): Promise<GateStatus> {
  const phase = model.config.timeline.phases.find((p) => p.id === phaseId)
  const today = civilDateAt(now)
  const window = model.phaseWindow(phaseId)
  const windowEnded = compareDates(today, window.to) > 0
  const tasksApproved = phase?.gate?.tasksApproved ?? true
  const open = !tasksApproved
    ? { count: 0 }
    : counted !== undefined
      ? { count: counted }
      : await trx
          .selectFrom('task')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('plan_id', '=', planId)
          .where('phase_id', '=', phaseId)
          // Sub-tasks are the owner's way of doing its task: the gate waits for the task itself.
          .where('role', '<>', 'sub')
          .where('state', 'not in', [...ENDED_STATES])
          .executeTakeFirstOrThrow()
  const signOffRequired = phase?.gate?.signOff ?? null
  const signedOff = signOffRequired
    ? (await trx
        .selectFrom('sign_off')
        .select('body')
        .where('plan_id', '=', planId)
        .where('phase_id', '=', phaseId)
        .executeTakeFirst()) !== undefined
    : true
  const milestonesPending = (phase?.gate?.milestones ?? []).filter((id) => {
    const milestone = model.config.timeline.milestones?.find((m) => m.id === id)
    const parsed = milestone ? ruleOf(milestone.due, model.config.metadata.issueDate) : undefined
    const date = parsed?.ok
      ? parsed.rule.kind === 'date'
        ? parsed.rule.date
        : parsed.rule.kind === 'window'
          ? parsed.rule.end
          : undefined
      : undefined
    return date === undefined || compareDates(today, date) <= 0
  })
  const openTasks = Number(open.count)
  return {
    windowEnded,
    openTasks,
    signOffRequired,
    signedOff,
    milestonesPending,
    holds: windowEnded && openTasks === 0 && signedOff && milestonesPending.length === 0,
  }
}

/** Closes the phase if its gate holds; returns whether it closed now. */
export async function closePhaseIfGateHolds(
  trx: Transaction<Database>,
  model: PlanModel,
  planId: string,
  phaseId: string,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .selectFrom('plan_phase')
    .select('status')
    .where('plan_id', '=', planId)
    .where('phase_id', '=', phaseId)
    .executeTakeFirst()
  // Only an open phase closes; the gate's counting is spared for the others.
  if (!row || !phaseAccepts(row.status, 'CLOSE')) return false
  // Nor is a phase closed before its window ends: no need to count its tasks (thousands, for
  // each task a revision or a members change withdraws).
  if (compareDates(civilDateAt(now), model.phaseWindow(phaseId).to) <= 0) return false
  const status = await gateStatus(trx, model, planId, phaseId, now)
  const next = stepPhase(row.status, { type: 'CLOSE', gate: status })
  if (next === null) return false
  const at = now.toISOString()
  await trx
    .updateTable('plan_phase')
    .set({ status: next, closed_at: at })
    .where('plan_id', '=', planId)
    .where('phase_id', '=', phaseId)
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor: 'system',
      action: 'phase.close',
      entity: 'plan_phase',
      entityId: `${planId}/${phaseId}`,
      planId: planId,
      payload: status,
    },
  ])
  return true
}

/** Opens a pending phase. */
export async function openPhase(
  trx: Transaction<Database>,
  planId: string,
  phaseId: string,
  now: Date,
): Promise<void> {
  const row = await trx
    .selectFrom('plan_phase')
    .select('status')
    .where('plan_id', '=', planId)
    .where('phase_id', '=', phaseId)
    .executeTakeFirst()
  const next = row ? stepPhase(row.status, { type: 'OPEN' }) : null
  if (!row || next === null) return
  const at = now.toISOString()
  // Still conditional on the status the machine stepped from: a phase another process opened in
  // between is left alone, and its opening is not audited twice.
  const result = await trx
    .updateTable('plan_phase')
    .set({ status: next, opened_at: at })
    .where('plan_id', '=', planId)
    .where('phase_id', '=', phaseId)
    .where('status', '=', row.status)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) > 0) {
    await appendAudit(trx, [
      {
        at,
        actor: 'system',
        action: 'phase.open',
        entity: 'plan_phase',
        entityId: `${planId}/${phaseId}`,
        planId: planId,
        payload: {},
      },
    ])
  }
}
