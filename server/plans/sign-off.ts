/** @module A governance body's sign-off of a phase gate, by a member of that body. */
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database } from '../db/database.ts'
import { AppError, notFound } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { actorsOf } from '../access/visibility.ts'
import { phaseAccepts } from '../../domain/workflow/run-machine.ts'
import { closePhaseIfGateHolds } from '../plan-model/phase-gate.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { refuseWorkUnlessRunning } from '../access/plan-writable.ts'

/**
 * Records the sign-off inside the caller's transaction and closes the phase if its gate now holds.
 * @throws AppError 404 for an unknown phase, 409 when it needs no sign-off or is not open, 403
 *   for a user who is not a member of the signing body; 409 `plan-suspended`, `plan-closed` or
 *   `plan-archived` for a plan not running
 */
export async function signOffPhase(
  trx: Transaction<Database>,
  context: PlanContext,
  user: CurrentUser,
  phaseId: string,
  note: string | undefined,
  now: Date,
): Promise<{ closed: boolean }> {
  const { model, plan } = context
  refuseWorkUnlessRunning(plan)
  const planId = plan.id
  const phase = model.config.timeline.phases.find((p) => p.id === phaseId)
  if (!phase) throw notFound({ zh: '找不到该阶段', en: 'No such phase' })
  const body = phase.gate?.signOff
  if (!body)
    throw new AppError(409, 'conflict', {
      zh: '该阶段的关闭不需要签认',
      en: 'This phase needs no sign-off',
    })
  if (!actorsOf(user, plan.policy_id).has(body)) {
    throw new AppError(403, 'forbidden', {
      zh: `只有「${model.actors().get(body)?.name ?? body}」的成员可以签认`,
      en: `Only members of ${body} may sign off`,
    })
  }
  const row = await trx
    .selectFrom('plan_phase')
    .select('status')
    .where('plan_id', '=', planId)
    .where('phase_id', '=', phaseId)
    .executeTakeFirst()
  if (!row || !phaseAccepts(row.status, 'SIGN_OFF'))
    throw new AppError(409, 'conflict', { zh: '阶段未开启或已关闭', en: 'The phase is not open' })
  const at = now.toISOString()
  await trx
    .insertInto('sign_off')
    .values({ plan_id: planId, phase_id: phaseId, body, user_id: user.id, at, note: note ?? null })
    .onConflict((oc) => oc.columns(['plan_id', 'phase_id']).doNothing())
    .execute()
  await appendAudit(trx, [
    {
      at,
      actor: user.id,
      action: 'phase.sign-off',
      entity: 'plan_phase',
      entityId: `${planId}/${phaseId}`,
      planId: planId,
      payload: { body, note: note ?? null },
    },
  ])
  return { closed: await closePhaseIfGateHolds(trx, model, planId, phaseId, now) }
}
