/**
 * @module The config's own duties (`responsibilities`): a task per responsible unit (and per
 * period when recurring), the task lifecycle, the form the duty names or the generated one. Its
 * supervising party (督促/指导) sees its tasks without being given one.
 */
import { defaultReportForm } from '../../domain/forms/default-form.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import type { TaskKind } from './task-kind.ts'

export const responsibilityKind = {
  duties: (model: PlanModel) => model.config.responsibilities,
  duty: (model: PlanModel, sourceId: string) => model.responsibility(sourceId),
  form(model: PlanModel, sourceId: string) {
    const duty = model.responsibility(sourceId)
    if (!duty) return undefined
    return (
      model.form(duty.form ?? model.procedure(sourceId)?.form) ??
      defaultReportForm(duty.title, duty.deliverables ?? [])
    )
  },
  /** A duty's supervising party (督促/指导, `supervisors`) follows its tasks; it does not report. */
  followedBy(model: PlanModel, actors: ReadonlySet<string>): string[] {
    return model.config.responsibilities
      .filter((duty) =>
        model.resolveOwners(duty.supervisors ?? []).actors.some((actor) => actors.has(actor)),
      )
      .map((duty) => duty.id)
  },
} satisfies TaskKind
