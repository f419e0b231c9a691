/**
 * @module 整改: after an assessment is published, every item a unit did not pass in full (and
 * a veto that applied) becomes a rectification task for that unit, reviewed by the assessor,
 * due as the config's `rectification.due` says (counted from publication). These tasks run the
 * ordinary task lifecycle, with reminders and escalation.
 */
import type { Assessment } from '../../schemas/index.ts'
import type { NewTask } from '../db/database.ts'
import { ruleOf } from '../../domain/compiler/checks/deadlines.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import type { ItemScore, UnitScore } from '../../domain/scoring/score-types.ts'
import { escalationTimers, taskRow } from '../tasks/task-rows.ts'
import type { NewTimer } from '../tasks/task-rows.ts'
import { startTask } from '../../domain/workflow/run-machine.ts'
import { taskMachine } from '../../domain/workflow/task-machine.ts'
import { rectificationSourceId } from './rectification-kind.ts'

/**
 * The items a unit must rectify: a target missed (points deducted), or a veto that applied.
 * Proportional items (满意度 × 分值) have no target to miss, so they never fail on their own.
 */
export function failingItems(score: UnitScore): ItemScore[] {
  return score.items.filter((item) =>
    item.kind === 'veto'
      ? item.holds === true
      : item.kind === 'deduct'
        ? item.status === 'scored' &&
          item.deducted !== null &&
          item.deducted !== undefined &&
          item.deducted !== '0'
        : false,
  )
}

/** Task and timer rows for one unit's rectification, due from `today` as the config says. */
export function rectificationTasks(
  model: PlanModel,
  planId: string,
  assessment: Assessment,
  score: UnitScore,
  reviewer: string | null,
  today: string,
  now: string,
): { tasks: NewTask[]; timers: NewTimer[] } {
  const due = dueFrom(model, assessment, today)
  const started = startTask(taskMachine, { reviewer, pendingContributions: 0 })
  const snapshot = { value: started.value, json: JSON.stringify(started) }
  const duePhrase =
    typeof assessment.rectification?.due === 'string' ? assessment.rectification.due : null
  const tasks = failingItems(score).map((item) =>
    taskRow(
      {
        plan_id: planId,
        source_id: rectificationSourceId(assessment.id, item.id),
        kind: 'rectification',
        assignee: score.unitId,
        role: 'lead',
        period: String(score.year),
        phase_id: null,
        parent_task_id: null,
        reviewer,
        opens_on: today,
        due_on: due,
        due_phrase: duePhrase,
        snapshot,
      },
      now,
    ),
  )
  return { tasks, timers: escalationTimers(model, tasks) }
}

function dueFrom(model: PlanModel, assessment: Assessment, today: string): string | null {
  const parsed = ruleOf(assessment.rectification?.due, model.config.metadata.issueDate)
  if (!parsed?.ok) return null
  const rule = parsed.rule
  if (rule.kind === 'date') return rule.date
  if (rule.kind === 'window') return rule.end
  if (rule.kind === 'relative') return model.relativeDue(rule, today)
  return null
}
