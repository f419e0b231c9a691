/**
 * @module 批量审核通过: a reviewer approves several submitted reports in one request. Each task
 * takes its own APPROVE exactly as one approval would — its scope, its reviewer's right, its
 * 销号 evidence, its machine, its history and audit entry — inside a savepoint of the request's
 * one transaction: a task refused rolls back to its savepoint (nothing of it written) and is
 * reported with the error a single approval would have answered, while the others stand.
 */
import { sql } from 'kysely'
import type { Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { canSeeTask } from '../access/visibility.ts'
import { auditDenied } from '../audit/denials.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import type { BatchApproveResult } from '../../schemas/api/responses.schema.ts'
import { eventTarget, NO_SUCH_TASK, sendTaskEvent } from './send-event.ts'
import { summarize } from './task-views.ts'
import { loadSupervisionFacts } from './task-lights.ts'

type Result = BatchApproveResult['results'][number]

/** Approves each task in turn; one result per id, in the order given. */
export async function approveTasks(
  trx: Transaction<Database>,
  user: CurrentUser,
  taskIds: readonly string[],
  comment: string | undefined,
  now: Date,
  requestId: string | null,
): Promise<BatchApproveResult> {
  const results: Result[] = []
  for (const [index, taskId] of taskIds.entries()) {
    const target = await eventTarget(trx, taskId)
    if (!target) {
      results.push({ id: taskId, ok: false, error: { code: 'not-found', message: NO_SUCH_TASK } })
      continue
    }
    const { context } = target
    // Another unit's task answers as a missing one, and the attempt is audited, as for one task.
    if (!canSeeTask(user, context.plan.policy_id, target.task, context.model)) {
      await auditDenied(trx, user, 'task', taskId, now)
      results.push({ id: taskId, ok: false, error: { code: 'not-found', message: NO_SUCH_TASK } })
      continue
    }
    const savepoint = sql.raw(`approve_${index}`)
    await sql`savepoint ${savepoint}`.execute(trx)
    try {
      const task = await sendTaskEvent(
        trx,
        target,
        user,
        {
          taskId,
          body: comment ? { type: 'APPROVE', comment } : { type: 'APPROVE' },
          ...(requestId ? { requestId } : {}),
        },
        now,
      )
      await sql`release savepoint ${savepoint}`.execute(trx)
      const facts = await loadSupervisionFacts(trx, task.plan_id, [task.id])
      results.push({
        id: taskId,
        ok: true,
        task: summarize(task, context, civilDateAt(now), facts),
      })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      await sql`rollback to savepoint ${savepoint}`.execute(trx)
      await sql`release savepoint ${savepoint}`.execute(trx)
      results.push({ id: taskId, ok: false, error: { code: error.code, message: error.text } })
    }
  }
  const approved = results.filter((result) => result.ok).length
  return { approved, failed: results.length - approved, results }
}
