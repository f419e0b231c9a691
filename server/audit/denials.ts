/**
 * @module The one place that records a denied read. Whatever the user may not see — a task, a
 * plan, an assessment result, indicator values, a file — answers exactly like something that does
 * not exist (404), and the attempt is appended to the audit log as `access.denied` with who tried.
 * Only things that exist are recorded: a guessed id that names nothing leaves no entry.
 */
import type { Transaction } from 'kysely'
import { appendAudit } from './audit-log.ts'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { Database } from '../db/database.ts'
import { notFound } from '../errors.ts'
import type { AppError } from '../errors.ts'
import type { AppDeps, CurrentUser } from '../http/env.ts'

/**
 * What was denied, as the audit log names it. `assessment` ids are `<plan>/<assessment>` or
 * `<plan>/<assessment>/<year>/<unit>`; `indicator_value` ids are `<plan>` or `<plan>/<unit>`.
 */
export type DeniedEntity = 'task' | 'plan' | 'assessment' | 'indicator_value' | 'attachment'

/** Appends one `access.denied` entry inside the caller's transaction. */
export async function auditDenied(
  trx: Transaction<Database>,
  user: CurrentUser,
  entity: DeniedEntity,
  entityId: string,
  now: Date,
): Promise<void> {
  await appendAudit(trx, [
    {
      at: now.toISOString(),
      actor: user.id,
      action: 'access.denied',
      entity,
      entityId,
      payload: { username: user.username },
    },
  ])
}

/** Records a denied attempt in its own transaction, without answering anything. */
export async function recordDenied(
  deps: Pick<AppDeps, 'writes' | 'clock'>,
  user: CurrentUser,
  entity: DeniedEntity,
  entityId: string,
): Promise<void> {
  await deps.writes.run((trx) => auditDenied(trx, user, entity, entityId, deps.clock.now()))
}

/**
 * Records the denied read and returns the 404 to throw — the same one a missing thing gets.
 *
 * @example
 * if (!canSeeTask(user, policyId, task, model)) throw await deniedRead(deps, user, 'task', task.id, { zh: '找不到该任务', en: 'No such task' })
 */
export async function deniedRead(
  deps: Pick<AppDeps, 'writes' | 'clock'>,
  user: CurrentUser,
  entity: DeniedEntity,
  entityId: string,
  what: LocalizedText,
): Promise<AppError> {
  await recordDenied(deps, user, entity, entityId)
  return notFound(what)
}
