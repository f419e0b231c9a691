/**
 * @module The 督办单 of one task: who issues it and its number, the task as the ledger prints it
 * (clause, lead and supporting units, deadline, days overdue, escalation level), the words of the
 * document it comes from, what is required and by when, and every 提醒, 催办, 督办 and 通报 it
 * has received. The print page and the .docx are built from this one answer.
 */
import type { Kysely } from 'kysely'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { readJson } from '../db/json-columns.ts'
import { dutyOf } from '../task-kinds/registry.ts'
import { addDays } from '../../domain/deadlines/index.ts'
import type { SupervisionNotice } from '../../schemas/api/responses.schema.ts'
import { ledgerEntries } from './ledger-rows.ts'
import { escalationName } from './labels.ts'
import { issuingOffice } from './office-name.ts'

/** Working days a unit is given to answer a 督办单. */
export const REPLY_WORKING_DAYS = 5

const URGING_TYPES = ['REMIND', 'OVERDUE', 'URGE', 'ESCALATE'] as const

/** The day `count` working days after `from` on the plan's calendar. */
function workingDaysAfter(context: PlanContext, from: string, count: number): string {
  let date = from
  for (let left = count; left > 0;) {
    date = addDays(date, 1)
    if (context.model.calendar.isWorkingDay(date)) left -= 1
  }
  return date
}

/** The 督办单 of `task`, issued `today`. */
export async function supervisionNotice(
  db: Kysely<Database>,
  context: PlanContext,
  task: TaskRow,
  today: string,
): Promise<SupervisionNotice> {
  const [entry] = await ledgerEntries(db, context, [task], today)
  const { phaseId: _phase, ...row } = entry!
  const office = issuingOffice(context)
  const events = await db
    .selectFrom('task_event')
    .leftJoin('app_user', 'app_user.id', 'task_event.actor')
    .select(['task_event.type', 'task_event.payload', 'task_event.actor', 'task_event.at'])
    .select('app_user.display_name')
    .where('task_event.task_id', '=', task.id)
    .where('task_event.type', 'in', [...URGING_TYPES])
    .orderBy('task_event.seq')
    .execute()
  const urgings = events.map((event) => {
    const payload = readJson('task_event', 'payload', event.payload)
    const level = typeof payload.level === 'number' ? payload.level : 0
    const kind =
      event.type === 'URGE'
        ? '催办'
        : event.type === 'REMIND'
          ? '提醒'
          : event.type === 'OVERDUE'
            ? '逾期催办'
            : (escalationName(level) ?? '督办')
    return {
      at: event.at,
      kind,
      by: event.actor === 'system' ? '系统' : (event.display_name ?? event.actor),
      message: typeof payload.message === 'string' ? payload.message : null,
    }
  })
  const duty = dutyOf(context.model, task.source_id)
  const source = duty?.source ?? context.model.procedure(task.source_id)?.source
  const replyBy = workingDaysAfter(context, today, REPLY_WORKING_DAYS)
  const late = row.overdue ? `，已逾期 ${row.daysOverdue} 天` : ''
  const requirement = row.doneOn
    ? `该任务已于 ${row.doneOn} 办结，请${row.lead.name}妥善留存办理材料备查。`
    : `请${row.lead.name}${row.support.length ? `会同${row.support.map((u) => u.name).join('、')}` : ''}抓紧办理「${row.title}」（时限 ${row.dueOn ?? '未规定'}${late}），于 ${replyBy} 前办结，并将办理情况和佐证材料书面报送${office}；确有困难不能按期办结的，须书面说明原因、已采取的措施和预计完成时间。`
  return {
    number: `督办〔${today.slice(0, 4)}〕${task.id.slice(-6).toUpperCase()}号`,
    office,
    issuedOn: today,
    plan: { id: context.plan.id, name: context.plan.name },
    policyTitle: context.model.config.metadata.title,
    task: { index: 1, ...row },
    quote: source?.quote ?? null,
    deliverables: (duty?.deliverables ?? []).map((deliverable) => deliverable.name),
    requirement,
    replyBy,
    urgings,
  }
}
