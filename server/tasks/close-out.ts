/**
 * @module 办结销号: a duty whose config sets `closeOut` is closed out by its reviewer's approval,
 * recorded as such in the task's history (`closeOut: true` on the APPROVE event). Where the config
 * says `evidence: required`, the approval is refused until the report carries an attachment.
 */
import type { Transaction } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { dutyOf } from '../task-kinds/registry.ts'

/** The duty's close-out rule, or undefined when its approval is an ordinary one. */
export function closeOutOf(
  model: PlanModel,
  task: Pick<TaskRow, 'source_id' | 'role'>,
): { evidence: 'required' | 'optional' } | undefined {
  return task.role === 'support' ? undefined : dutyOf(model, task.source_id)?.closeOut
}

/**
 * Refuses the approval of a task whose config requires evidence while its report has no
 * attachment; returns what to record on the APPROVE event (`{ closeOut: true }` for a close-out).
 * @throws AppError 422 `evidence-required` pointing at the report (`/data`)
 */
export async function checkCloseOut(
  trx: Transaction<Database>,
  model: PlanModel,
  task: TaskRow,
): Promise<Record<string, unknown>> {
  // A supporting unit's contribution is reviewed by its lead, not closed out: the lead's task is.
  const rule = closeOutOf(model, task)
  if (!rule) return {}
  if (rule.evidence === 'required') {
    const attached = await trx
      .selectFrom('attachment_ref')
      .select('attachment_id')
      .where('task_id', '=', task.id)
      .limit(1)
      .executeTakeFirst()
    if (!attached)
      throw new AppError(
        422,
        'evidence-required',
        {
          zh: '该任务须附佐证材料方可销号：报送中没有附件。请退回责任单位补充附件后再审核。',
          en: 'This task is closed out only with evidence, and its report has no attachment. Return it for the unit to attach one, then approve.',
        },
        {
          issues: [
            {
              pointer: '/data',
              code: 'evidence-required',
              message: {
                zh: '报送须附至少一个附件',
                en: 'The report needs at least one attachment',
              },
            },
          ],
        },
      )
  }
  return { closeOut: true }
}
