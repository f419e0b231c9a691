/**
 * @module 整改: after an assessment is published, every item a unit did not pass in full (and
 * a veto that applied) becomes a rectification task for that unit, reviewed by the assessor,
 * due as the config's `rectification.due` says (counted from publication). These tasks run the
 * ordinary task lifecycle, with reminders and escalation.
 */
import type { Insertable, Kysely } from 'kysely'
import type { Assessment, Responsibility } from '../../schemas/index.ts'
import type { Database, NewTask, TaskRow, TimerTable } from '../db/database.ts'
import { ruleOf } from '../../domain/compiler/checks/deadlines.ts'
import { newId } from '../ids.ts'
import type { PlanModel } from '../plans/plan-model.ts'
import type { ItemScore, UnitScore } from '../../domain/scoring/score-types.ts'
import { nextEscalationTimer } from '../tasks/create-tasks.ts'
import { startTask } from '../../domain/workflow/run-machine.ts'
import { taskMachine } from '../../domain/workflow/task-machine.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

export const RECTIFICATION_PREFIX = 'rectification'

/** `rectification.<assessment>.<item>` — the source id of a rectification task. */
export function rectificationSourceId(assessmentId: string, itemId: string): string {
  return `${RECTIFICATION_PREFIX}.${assessmentId}.${itemId}`
}

/** The assessment and item a rectification source id names (`rectification.<assessment>.<item>`). */
function parseSourceId(sourceId: string): { assessmentId: string; itemId: string } | undefined {
  const [prefix, assessmentId, itemId] = sourceId.split('.')
  return prefix === RECTIFICATION_PREFIX && assessmentId && itemId ? { assessmentId, itemId } : undefined
}

/** The config's assessment and item behind a rectification source id. */
function sourceOf(config: PlanModel['config'], sourceId: string): { assessment: Assessment; item: Assessment['items'][number] } | undefined {
  const ids = parseSourceId(sourceId)
  const assessment = ids && config.assessments?.find((a) => a.id === ids.assessmentId)
  const item = assessment?.items.find((i) => i.id === ids!.itemId)
  return assessment && item ? { assessment, item } : undefined
}

/** The duty a rectification task carries out, derived from its assessment item. */
export function rectificationDuty(config: PlanModel['config'], sourceId: string): Responsibility | undefined {
  const source = sourceOf(config, sourceId)
  if (!source) return undefined
  const { assessment, item } = source
  return {
    id: sourceId,
    title: `整改：${item.name}（${assessment.name}）`,
    description: `${item.kind === 'veto' ? `触发「${item.name}」一票否决` : `「${item.name}」在考核中未达标、被扣分`}。请查明原因，列出问题清单，落实整改措施，并报告整改情况。`,
    category: '整改',
    lead: assessment.subjects,
    due: assessment.rectification?.due ?? { unspecified: '配置未规定整改时限' },
    deliverables: [{ name: '问题清单', kind: 'list' }, { name: '整改措施及成效', kind: 'report' }],
    source: item.source ?? assessment.source ?? { clause: '', quote: '' },
  } as unknown as Responsibility
}

/** A rectification task's title, with the year it rectifies: `整改：县域内就诊率（2020 年考核）`. */
export function rectificationTitle(config: PlanModel['config'], sourceId: string, year: string): string | undefined {
  const source = sourceOf(config, sourceId)
  return source ? `整改：${source.item.name}（${year} 年${source.assessment.name}）` : undefined
}

/**
 * What the unit is asked to rectify, from its published result: the item's score and its
 * explanation (value, target, gap, points deducted; for a veto, the facts it was decided on).
 */
export async function rectificationFinding(db: Kysely<Database>, task: Pick<TaskRow, 'plan_id' | 'source_id' | 'assignee' | 'period'>): Promise<LocalizedText | null> {
  const ids = parseSourceId(task.source_id)
  if (!ids) return null
  const row = await db
    .selectFrom('assessment_result')
    .innerJoin('assessment_run', 'assessment_run.id', 'assessment_result.run_id')
    .select('assessment_result.score')
    .where('assessment_run.plan_id', '=', task.plan_id)
    .where('assessment_run.assessment_id', '=', ids.assessmentId)
    .where('assessment_run.period', '=', task.period)
    .where('assessment_result.unit_id', '=', task.assignee)
    .executeTakeFirst()
  const item = row ? (JSON.parse(row.score) as UnitScore).items.find((entry) => entry.id === ids.itemId) : undefined
  if (!item) return null
  const points = item.kind === 'veto' ? '' : item.score !== null && item.weight !== null ? `得 ${item.score} 分（满分 ${item.weight} 分）。` : ''
  const pointsEn = item.kind === 'veto' ? '' : item.score !== null && item.weight !== null ? `${item.score} of ${item.weight} points. ` : ''
  return { zh: `${task.period} 年考核结果：${points}${item.explanation.zh}`, en: `${task.period} result: ${pointsEn}${item.explanation.en}` }
}

/**
 * The items a unit must rectify: a target missed (points deducted), or a veto that applied.
 * Proportional items (满意度 × 分值) have no target to miss, so they never fail on their own.
 */
export function failingItems(score: UnitScore): ItemScore[] {
  return score.items.filter((item) =>
    item.kind === 'veto' ? item.holds === true
    : item.kind === 'deduct' ? item.status === 'scored' && item.deducted !== null && item.deducted !== undefined && item.deducted !== '0'
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
): { tasks: NewTask[]; timers: Array<Insertable<TimerTable>> } {
  const due = dueFrom(model, assessment, today)
  const snapshot = startTask(taskMachine, { reviewer, pendingContributions: 0 })
  const json = JSON.stringify(snapshot)
  const tasks: NewTask[] = failingItems(score).map((item) => ({
    id: newId(),
    plan_id: planId,
    source_id: rectificationSourceId(assessment.id, item.id),
    kind: 'rectification',
    assignee: score.unitId,
    role: 'lead',
    period: String(score.year),
    phase_id: null,
    parent_task_id: null,
    reviewer,
    state: snapshot.value,
    snapshot: json,
    version: 1,
    opens_on: today,
    due_on: due,
    due_phrase: typeof assessment.rectification?.due === 'string' ? assessment.rectification.due : null,
    escalation_level: 0,
    data: null,
    created_at: now,
    updated_at: now,
  }))
  const timers = tasks.flatMap((task) => nextEscalationTimer(model, planId, task.id, task.due_on ?? null) ?? [])
  return { tasks, timers }
}

function dueFrom(model: PlanModel, assessment: Assessment, today: string): string | null {
  const parsed = ruleOf(assessment.rectification?.due)
  if (!parsed?.ok) return null
  const rule = parsed.rule
  if (rule.kind === 'date') return rule.date
  if (rule.kind === 'window') return rule.end
  if (rule.kind === 'relative') return model.relativeDue(rule, today)
  return null
}
