/**
 * @module Steps three to six of the assessment cycle: the assessor reviews the computed run,
 * then publishes it. Publishing records each unit's consequences (the grade's effects: 全额拨付,
 * 扣减10%…) and creates a rectification task for every failing item — all in one transaction.
 */
import { startDutiesOn } from '../tasks/start-duties.ts'
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import type { AssessmentRunRow, Database } from '../db/database.ts'
import { AppError, notFound } from '../errors.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { insertChunked } from '../tasks/task-rows.ts'
import type { UnitScore } from '../../domain/scoring/score-types.ts'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import { entryInputs } from '../indicators/inputs.ts'
import type { EntryInput } from '../indicators/inputs.ts'
import { findAssessment } from './assessment-access.ts'
import { rectificationTasks } from './rectification.ts'
import { readJson } from '../db/json-columns.ts'
import type { PublishedConsequences } from '../db/json-columns.ts'

export async function findRun(
  trx: Transaction<Database>,
  planId: string,
  assessmentId: string,
  year: number,
): Promise<AssessmentRunRow> {
  const run = await trx
    .selectFrom('assessment_run')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('assessment_id', '=', assessmentId)
    .where('period', '=', String(year))
    .executeTakeFirst()
  if (!run)
    throw notFound({
      zh: `${year} 年的考核尚未计算`,
      en: `The ${year} assessment has not been computed`,
    })
  return run
}

export async function reviewRun(
  trx: Transaction<Database>,
  context: PlanContext,
  assessmentId: string,
  year: number,
  actor: string,
  now: Date,
  note: string | null,
): Promise<AssessmentRunRow> {
  findAssessment(context, assessmentId)
  const run = await findRun(trx, context.plan.id, assessmentId, year)
  if (run.status === 'published') {
    throw new AppError(409, 'assessment-published', {
      zh: `${year} 年考核结果已公布`,
      en: `The ${year} results are already published`,
    })
  }
  const at = now.toISOString()
  const reviewed = {
    ...run,
    status: 'reviewed' as const,
    reviewed_at: at,
    reviewed_by: actor,
    review_note: note,
  }
  await trx.updateTable('assessment_run').set(reviewed).where('id', '=', run.id).execute()
  await appendAudit(trx, [
    {
      at,
      actor,
      action: 'assessment.review',
      entity: 'assessment_run',
      entityId: run.id,
      planId: run.plan_id,
      payload: { assessmentId, year, version: run.version, note },
    },
  ])
  return reviewed
}

/** Why a unit has no total: the inputs it lacks, by name, and the items that could not be computed. */
function whyUnscored(score: UnitScore, inputs: ReadonlyMap<string, EntryInput>): LocalizedText {
  const missing = score.missing.map((id) => inputs.get(id)?.name ?? id)
  const failed = score.items.filter((item) => item.status === 'error')
  const zh = [
    ...(missing.length ? [`缺 ${missing.join('、')}`] : []),
    ...failed.map((item) => `「${item.name}」无法计算：${item.explanation.zh}`),
  ]
  const en = [
    ...(score.missing.length ? [`missing ${score.missing.join(', ')}`] : []),
    ...failed.map((item) => `${item.id} cannot be computed: ${item.explanation.en}`),
  ]
  return { zh: zh.join('；') || '未能评分', en: en.join('; ') || 'not scored' }
}

export async function publishRun(
  trx: Transaction<Database>,
  context: PlanContext,
  assessmentId: string,
  year: number,
  actor: string,
  now: Date,
): Promise<{ run: AssessmentRunRow; rectifications: number }> {
  const assessment = findAssessment(context, assessmentId)
  const run = await findRun(trx, context.plan.id, assessmentId, year)
  if (run.status === 'published') {
    throw new AppError(409, 'assessment-published', {
      zh: `${year} 年考核结果已公布`,
      en: `The ${year} results are already published`,
    })
  }
  if (run.status !== 'reviewed') {
    throw new AppError(409, 'assessment-not-reviewed', {
      zh: '考核结果须先经审核，才能公布。',
      en: 'The results must be reviewed before they are published.',
    })
  }
  const results = await trx
    .selectFrom('assessment_result')
    .selectAll()
    .where('run_id', '=', run.id)
    .orderBy('unit_id')
    .execute()
  const scores = results.map((row) => readJson('assessment_result', 'score', row.score))
  const incomplete = scores.filter((score) => !score.complete && !score.vetoedBy)
  if (incomplete.length) {
    const names = context.model.actors(context.members)
    const inputs = entryInputs(context.model.config)
    const why = incomplete.map((score) => ({ score, reason: whyUnscored(score, inputs) }))
    throw new AppError(
      409,
      'assessment-incomplete',
      {
        zh: `${incomplete.length} 个单位未能评分，不能公布：${why.map(({ score, reason }) => `${names.get(score.unitId)?.name ?? score.unitId}（${reason.zh}）`).join('；')}。请补录或更正数据后重新计算。`,
        en: `${incomplete.length} unit(s) could not be scored and cannot be published: ${why.map(({ score, reason }) => `${score.unitId} (${reason.en})`).join('; ')}. Enter or correct the data and recompute.`,
      },
      {
        issues: why.map(({ score, reason }) => ({
          pointer: `/units/${score.unitId}`,
          message: reason,
        })),
      },
    )
  }
  const at = now.toISOString()
  const today = civilDateAt(now)
  const reviewer =
    context.model.resolveOwners(assessment.assessor, context.members).actors[0] ?? null
  let rectifications = 0
  for (const score of scores) {
    const created = rectificationTasks(
      context.model,
      context.plan.id,
      assessment,
      score,
      reviewer,
      today,
      at,
    )
    await insertChunked(trx, 'task', created.tasks)
    await insertChunked(trx, 'timer', created.timers)
    rectifications += created.tasks.length
    // Typed by the column it is written to, so the report reads back what was written.
    const consequences: PublishedConsequences = {
      grade: score.grade,
      effects: score.effects,
      vetoedBy: score.vetoedBy,
      rectificationTasks: created.tasks.map((task) => ({
        id: task.id,
        item: task.source_id.split('.').pop()!,
        dueOn: task.due_on ?? null,
      })),
      recordedAt: at,
    }
    await trx
      .updateTable('assessment_result')
      .set({ consequences: JSON.stringify(consequences) })
      .where('run_id', '=', run.id)
      .where('unit_id', '=', score.unitId)
      .execute()
  }
  const published = { ...run, status: 'published' as const, published_at: at, published_by: actor }
  await trx.updateTable('assessment_run').set(published).where('id', '=', run.id).execute()
  const grades: Record<string, number> = {}
  for (const score of scores)
    grades[score.grade?.id ?? 'none'] = (grades[score.grade?.id ?? 'none'] ?? 0) + 1
  await appendAudit(trx, [
    {
      at,
      actor,
      action: 'assessment.publish',
      entity: 'assessment_run',
      entityId: run.id,
      planId: run.plan_id,
      payload: { assessmentId, year, version: run.version, grades, rectifications },
    },
  ])
  // Duties waiting for these results (startsWhen: assessment-published) start now.
  await startDutiesOn(
    trx,
    context,
    { event: 'assessment-published', assessment: assessmentId },
    now,
    actor,
  )
  return { run: published, rectifications }
}
