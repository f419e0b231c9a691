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
import { loadPlanContext } from '../plan-model/plan-context.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { canSeeTask } from '../access/visibility.ts'
import { auditDenied } from '../audit/denials.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import type { BatchApproveResult } from '../../schemas/api/responses.schema.ts'
import { sendTaskEvent } from './send-event.ts'
import { summarize } from './task-views.ts'
import { loadSupervisionFacts } from './task-lights.ts'

type Result = BatchApproveResult['results'][number]

const NO_SUCH_TASK = { zh: '找不到该任务', en: 'No such task' }

/** Approves each task in turn; one result per id, in the order given. */
export async function approveTasks(
  trx: Transaction<Database>,
  user: CurrentUser,
  taskIds: readonly string[],
  comment: string | undefined,
  now: Date,
  requestId: string | null,
): Promise<BatchApproveResult> {
  const contexts = new Map<string, PlanContext>()
  const results: Result[] = []
  for (const [index, taskId] of taskIds.entries()) {
    const row = await trx.selectFrom('task').selectAll().where('id', '=', taskId).executeTakeFirst()
    if (!row) {
      results.push({ id: taskId, ok: false, error: { code: 'not-found', message: NO_SUCH_TASK } })
      continue
    }
    let context = contexts.get(row.plan_id)
    if (!context) {
      context = await loadPlanContext(trx, row.plan_id)
      contexts.set(row.plan_id, context)
    }
    // Another unit's task answers as a missing one, and the attempt is audited, as for one task.
    if (!canSeeTask(user, context.plan.policy_id, row, context.model)) {
      await auditDenied(trx, user, 'task', taskId, now)
      results.push({ id: taskId, ok: false, error: { code: 'not-found', message: NO_SUCH_TASK } })
      continue
    }
    const savepoint = sql.raw(`approve_${index}`)
    await sql`savepoint ${savepoint}`.execute(trx)
    try {
      const task = await sendTaskEvent(
        trx,
        context,
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
