/**
 * Indexes that match two reads of a plan:
 * - the 督办 list (GET /api/plans/:id/escalations): a plan's tasks by escalation level and
 *   deadline, so each list's first page (督办, then 通报) is read from the few escalated tasks
 *   of the plan in deadline order instead of from all of its tasks;
 * - a ledger page's supporting units (配合单位): a plan's tasks by role and lead task, so the
 *   support of a page's rows is found without reading the plan's other tasks.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('task_plan_escalation_due')
    .on('task')
    .columns(['plan_id', 'escalation_level', 'due_on', 'id'])
    .execute()
  await db.schema
    .createIndex('task_plan_role_parent')
    .on('task')
    .columns(['plan_id', 'role', 'parent_task_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('task_plan_role_parent').execute()
  await db.schema.dropIndex('task_plan_escalation_due').execute()
}
