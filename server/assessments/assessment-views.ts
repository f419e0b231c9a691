/**
 * @module What the API shows of assessments: the list with each year's run, one run's results
 * unit by unit, and one unit's report — every item with its explanation, the grade and what it
 * brings, the consequences recorded, rectification tasks, and the trend over earlier years.
 */
import type { Kysely } from 'kysely'
import type { Assessment } from '../../schemas/index.ts'
import type { AssessmentRunRow, Database } from '../db/database.ts'
import { notFound } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { findAssessment, mayDo, readableUnits, subjectsOf } from './assessment-access.ts'
import { failingItems } from './rectification.ts'
import { readJson } from '../db/json-columns.ts'

function assessmentSummary(context: PlanContext, assessment: Assessment) {
  const names = context.model.actors(context.members)
  const name = (id: string) => names.get(id)?.name ?? id
  return {
    id: assessment.id,
    name: assessment.name,
    totalScore: assessment.totalScore,
    maxScore: assessment.maxScore ?? null,
    assessor: assessment.assessor.map((id) => ({ id, name: name(id) })),
    with: (assessment.with ?? []).map((id) => ({ id, name: name(id) })),
    due: typeof assessment.due === 'string' ? assessment.due : null,
    method: assessment.method ?? null,
    items: assessment.items.map((item) => ({
      id: item.id,
      name: item.name,
      kind: item.kind,
      weight: 'weight' in item ? item.weight : null,
      points: 'points' in item ? item.points : null,
    })),
    grades: assessment.grades.map((grade) => ({
      id: grade.id,
      name: grade.name,
      min: grade.min,
      max: grade.max ?? null,
      below: grade.below ?? null,
      effects: grade.effects ?? [],
    })),
    source: assessment.source ?? null,
  }
}

function runSummary(run: AssessmentRunRow) {
  return {
    year: Number(run.period),
    status: run.status,
    version: run.version,
    computedAt: run.computed_at,
    reviewedAt: run.reviewed_at,
    reviewNote: run.review_note,
    publishedAt: run.published_at,
  }
}

function may(user: CurrentUser, context: PlanContext, assessment: Assessment) {
  return {
    compute: mayDo(user, context, assessment, 'compute'),
    review: mayDo(user, context, assessment, 'review'),
    publish: mayDo(user, context, assessment, 'publish'),
  }
}

export async function listAssessments(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
) {
  const runs = await db
    .selectFrom('assessment_run')
    .selectAll()
    .where('plan_id', '=', context.plan.id)
    .orderBy('period', 'desc')
    .execute()
  return (context.model.config.assessments ?? []).map((assessment) => ({
    ...assessmentSummary(context, assessment),
    subjects: subjectsOf(context, assessment).length,
    runs: runs.filter((run) => run.assessment_id === assessment.id).map(runSummary),
    may: may(user, context, assessment),
  }))
}

export async function runView(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  assessmentId: string,
  year: number,
) {
  const assessment = findAssessment(context, assessmentId)
  const run = await db
    .selectFrom('assessment_run')
    .selectAll()
    .where('plan_id', '=', context.plan.id)
    .where('assessment_id', '=', assessmentId)
    .where('period', '=', String(year))
    .executeTakeFirst()
  if (!run)
    throw notFound({
      zh: `${year} 年的考核尚未计算`,
      en: `The ${year} assessment has not been computed`,
    })
  const readable = readableUnits(user, context, assessment)
  const results = await db
    .selectFrom('assessment_result')
    .selectAll()
    .where('run_id', '=', run.id)
    .orderBy('unit_id')
    .execute()
  const names = context.model.actors(context.members)
  const rows = results
    .filter((row) => readable === null || readable.has(row.unit_id))
    .map((row) => {
      const score = readJson('assessment_result', 'score', row.score)
      return {
        unit: { id: row.unit_id, name: names.get(row.unit_id)?.name ?? row.unit_id },
        complete: score.complete,
        missing: score.missing,
        base: score.base,
        bonus: score.bonus,
        total: score.total,
        grade: score.grade,
        vetoedBy: score.vetoedBy,
        effects: score.effects,
        failing: failingItems(score).map((item) => item.id),
      }
    })
  const grades: Record<string, number> = {}
  for (const row of rows)
    grades[row.grade?.id ?? 'none'] = (grades[row.grade?.id ?? 'none'] ?? 0) + 1
  return {
    assessment: assessmentSummary(context, assessment),
    run: runSummary(run),
    results: rows,
    counts: { units: rows.length, complete: rows.filter((row) => row.complete).length, grades },
    may: may(user, context, assessment),
  }
}

export async function unitReport(
  db: Kysely<Database>,
  context: PlanContext,
  user: CurrentUser,
  assessmentId: string,
  year: number,
  unitId: string,
) {
  const assessment = findAssessment(context, assessmentId)
  const readable = readableUnits(user, context, assessment)
  const hidden = notFound({ zh: '找不到该单位的考核结果', en: 'No result for this unit' })
  if (readable !== null && !readable.has(unitId)) throw hidden
  const runs = await db
    .selectFrom('assessment_run')
    .innerJoin('assessment_result', 'assessment_result.run_id', 'assessment_run.id')
    .selectAll()
    .where('assessment_run.plan_id', '=', context.plan.id)
    .where('assessment_run.assessment_id', '=', assessmentId)
    .where('assessment_result.unit_id', '=', unitId)
    .orderBy('assessment_run.period')
    .execute()
  const current = runs.find((row) => row.period === String(year))
  if (!current) throw hidden
  const score = readJson('assessment_result', 'score', current.score)
  const tasks = await db
    .selectFrom('task')
    .select(['id', 'source_id', 'state', 'due_on'])
    .where('plan_id', '=', context.plan.id)
    .where('kind', '=', 'rectification')
    .where('assignee', '=', unitId)
    .where('period', '=', String(year))
    .where('source_id', 'like', `rectification.${assessmentId}.%`)
    .execute()
  const names = context.model.actors(context.members)
  return {
    assessment: assessmentSummary(context, assessment),
    run: runSummary(current),
    unit: { id: unitId, name: names.get(unitId)?.name ?? unitId },
    score,
    consequences: readJson('assessment_result', 'consequences', current.consequences),
    rectifications: tasks.map((task) => ({
      id: task.id,
      item: task.source_id.split('.').pop()!,
      state: task.state,
      dueOn: task.due_on,
    })),
    // Earlier years count once published; the year shown counts as it stands.
    trend: runs
      .filter((row) => row.status === 'published' || row.period === String(year))
      .map((row) => ({
        year: Number(row.period),
        status: row.status,
        total: row.total,
        grade: row.grade_id
          ? {
              id: row.grade_id,
              name: assessment.grades.find((g) => g.id === row.grade_id)?.name ?? row.grade_id,
            }
          : null,
        vetoedBy: row.vetoed_by,
      })),
  }
}

export type UnitReport = Awaited<ReturnType<typeof unitReport>>
export type RunView = Awaited<ReturnType<typeof runView>>
