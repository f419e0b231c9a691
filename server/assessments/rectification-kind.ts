/**
 * @module 整改 as a kind of task: the duty a rectification task carries out, derived from the
 * assessment item it answers (`rectification.<assessment>.<item>`), its title with the year it
 * rectifies, and the finding its page shows — the unit's published result for that item.
 * Registered in server/task-kinds/all-kinds.ts; rectification.ts creates the tasks.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Assessment, Responsibility } from '../../schemas/index.ts'
import type { Database, TaskRow } from '../db/database.ts'
import { defaultReportForm } from '../../domain/forms/default-form.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'
import { readJson } from '../db/json-columns.ts'

export const RECTIFICATION_PREFIX = 'rectification'

/** `rectification.<assessment>.<item>` — the source id of a rectification task. */
export function rectificationSourceId(assessmentId: string, itemId: string): string {
  return `${RECTIFICATION_PREFIX}.${assessmentId}.${itemId}`
}

/** The assessment and item a rectification source id names (`rectification.<assessment>.<item>`). */
function parseSourceId(sourceId: string): { assessmentId: string; itemId: string } | undefined {
  const [prefix, assessmentId, itemId] = sourceId.split('.')
  return prefix === RECTIFICATION_PREFIX && assessmentId && itemId
    ? { assessmentId, itemId }
    : undefined
}

/** The config's assessment and item behind a rectification source id. */
function sourceOf(
  config: PlanModel['config'],
  sourceId: string,
): { assessment: Assessment; item: Assessment['items'][number] } | undefined {
  const ids = parseSourceId(sourceId)
  const assessment = ids && config.assessments?.find((a) => a.id === ids.assessmentId)
  const item = assessment?.items.find((i) => i.id === ids!.itemId)
  return assessment && item ? { assessment, item } : undefined
}

/** The duty a rectification task carries out, derived from its assessment item. */
export function rectificationDuty(
  config: PlanModel['config'],
  sourceId: string,
): Responsibility | undefined {
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
    deliverables: [
      { name: '问题清单', kind: 'list' },
      { name: '整改措施及成效', kind: 'report' },
    ],
    source: item.source ?? assessment.source ?? { clause: '', quote: '' },
    // A rectification the document does not set says so on the task: the office's inference.
    ...(assessment.rectification?.inference
      ? { note: `配置方推断（非文件规定）：${assessment.rectification.inference}` }
      : {}),
  } as unknown as Responsibility
}

/** A rectification task's title, with the year it rectifies: `整改：县域内就诊率（2020 年考核）`. */
export function rectificationTitle(
  config: PlanModel['config'],
  sourceId: string,
  year: string,
): string | undefined {
  const source = sourceOf(config, sourceId)
  return source ? `整改：${source.item.name}（${year} 年${source.assessment.name}）` : undefined
}

/**
 * What the unit is asked to rectify, from its published result: the item's score and its
 * explanation (value, target, gap, points deducted; for a veto, the facts it was decided on).
 */
export async function rectificationFinding(
  db: Kysely<Database>,
  task: Pick<TaskRow, 'plan_id' | 'source_id' | 'assignee' | 'period'>,
): Promise<LocalizedText | null> {
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
  const item = row
    ? readJson('assessment_result', 'score', row.score).items.find(
        (entry) => entry.id === ids.itemId,
      )
    : undefined
  if (!item) return null
  const points =
    item.kind === 'veto'
      ? ''
      : item.score !== null && item.weight !== null
        ? `得 ${item.score} 分（满分 ${item.weight} 分）。`
        : ''
  const pointsEn =
    item.kind === 'veto'
      ? ''
      : item.score !== null && item.weight !== null
        ? `${item.score} of ${item.weight} points. `
        : ''
  return {
    zh: `${task.period} 年考核结果：${points}${item.explanation.zh}`,
    en: `${task.period} result: ${pointsEn}${item.explanation.en}`,
  }
}

/** Rectification duties of each version, by source id (a model is immutable, so is its duty). */
const duties = new WeakMap<PlanModel, Map<string, Responsibility | undefined>>()

function dutyOf(model: PlanModel, sourceId: string): Responsibility | undefined {
  const known = duties.get(model) ?? new Map<string, Responsibility | undefined>()
  duties.set(model, known)
  if (!known.has(sourceId)) known.set(sourceId, rectificationDuty(model.config, sourceId))
  return known.get(sourceId)
}

export const rectificationKind = {
  duty: dutyOf,
  form(model: PlanModel, sourceId: string) {
    const duty = dutyOf(model, sourceId)
    return duty ? defaultReportForm(duty.title, duty.deliverables ?? []) : undefined
  },
  title: (model: PlanModel, task: Pick<TaskRow, 'source_id' | 'period'>) =>
    rectificationTitle(model.config, task.source_id, task.period),
  view: {
    finding: (db: Kysely<Database> | Transaction<Database>, task: TaskRow) =>
      rectificationFinding(db, task),
  },
}
