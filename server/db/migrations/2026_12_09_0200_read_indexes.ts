/**
 * An index that matches the 督办 list (GET /api/plans/:id/escalations): a plan's tasks by
 * escalation level and deadline, so each list's first page (督办, then 通报) is read from the few
 * escalated tasks of the plan in deadline order instead of from all of its tasks.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('task_plan_escalation_due')
    .on('task')
    .columns(['plan_id', 'escalation_level', 'due_on', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('task_plan_escalation_due').execute()
}
