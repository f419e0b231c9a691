/**
 * @module Indicator entry as a kind of task: the entry duties a version's indicators add to
 * every plan, their report form (one field per input), the values already stored shown in an
 * open task's form, and — when a unit submits — its numbers stored as the unit's values.
 * Registered in server/task-kinds/all-kinds.ts.
 */
import type { Kysely, Transaction } from 'kysely'
import { dateParts } from '../../domain/deadlines/index.ts'
import { stateHasTag } from '../../domain/workflow/task-states.ts'
import { taskMachine } from '../../domain/workflow/task-machine.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, TaskRow } from '../db/database.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { storedEntryData } from './entry-data.ts'
import { entryDutiesOf, entryForm } from './entry-duties.ts'
import { recordEntryValues } from './entry-values.ts'
import { withPreviousValues } from './previous-values.ts'

export const entryKind = {
  duties: (model: PlanModel) => [...entryDutiesOf(model).values()].map((entry) => entry.duty),
  duty: (model: PlanModel, sourceId: string) => entryDutiesOf(model).get(sourceId)?.duty,
  /** Indicator data is approved only by a review: never by its own submission. */
  reviewRequired: true,
  form(model: PlanModel, sourceId: string) {
    const entry = entryDutiesOf(model).get(sourceId)
    return entry ? entryForm(entry) : undefined
  },
  view: {
    /** Each input's value of the period before (上年 for a yearly report) beside its box. */
    async form(
      db: Kysely<Database> | Transaction<Database>,
      model: PlanModel,
      task: TaskRow,
      form: Record<string, unknown>,
    ) {
      return withPreviousValues(db, model, task, form)
    },
    /**
     * An open entry task starts from the values already stored for its unit and period
     * (imported, or entered through the API), so the unit sees and corrects them rather than
     * typing them again. The stored values win over a draft saved in the task: they are what the
     * series and the assessments read. A submitted or approved task shows its report.
     */
    async data(
      db: Kysely<Database> | Transaction<Database>,
      model: PlanModel,
      task: TaskRow,
      own: Record<string, unknown> | null,
      today: string,
    ) {
      if (!stateHasTag(taskMachine, task.state, 'owing')) return own
      const stored = await storedEntryData(db, model, task, dateParts(today).year)
      return Object.keys(stored).length ? { ...own, ...stored } : own
    },
  },
  /** The report's numbers become the unit's values; values it changes are audited as corrections. */
  async submitted(
    trx: Transaction<Database>,
    model: PlanModel,
    task: TaskRow,
    actor: string,
    now: Date,
  ) {
    const recorded = await recordEntryValues(trx, model, task, actor, now)
    if (recorded.corrections.length > 0) {
      await appendAudit(trx, [
        {
          at: now.toISOString(),
          actor,
          action: 'indicator-values.correct',
          entity: 'task',
          entityId: task.id,
          planId: task.plan_id,
          payload: {
            corrected: recorded.corrections.length,
            corrections: recorded.corrections.slice(0, 50),
          },
        },
      ])
    }
  },
}
