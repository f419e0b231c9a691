/**
 * @module Step two of the assessment cycle: compute every assessed unit's score from the values
 * collected. Recomputing before publication replaces the results (and sends a reviewed run back
 * to review); a published run is final.
 */
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { AssessmentRunRow, Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { newId } from '../ids.ts'
import { entryInputs } from '../indicators/inputs.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import {
  compileAssessment,
  notAssessedIn,
  scoreUnit,
} from '../../domain/scoring/score-assessment.ts'
import type { UnitScore } from '../../domain/scoring/score-types.ts'
import { findAssessment, subjectsOf } from './assessment-access.ts'
import { yearValues } from '../indicators/year-values.ts'

export async function computeRun(
  trx: Transaction<Database>,
  context: PlanContext,
  assessmentId: string,
  year: number,
  actor: string,
  now: Date,
): Promise<{ run: AssessmentRunRow; scores: UnitScore[] }> {
  const assessment = findAssessment(context, assessmentId)
  const planId = context.plan.id
  const existing = await trx
    .selectFrom('assessment_run')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('assessment_id', '=', assessmentId)
    .where('period', '=', String(year))
    .executeTakeFirst()
  if (existing?.status === 'published') {
    throw new AppError(409, 'assessment-published', {
      zh: `${year} 年「${assessment.name}」已于 ${existing.published_at?.slice(0, 10)} 公布，不能重新计算。`,
      en: `The ${year} "${assessment.name}" was published on ${existing.published_at?.slice(0, 10)} and cannot be recomputed.`,
    })
  }
  if (notAssessedIn(assessment, year)) {
    throw new AppError(422, 'assessment-year-not-assessed', {
      zh: `配置写明 ${year} 年不进行「${assessment.name}」（yearsWithoutTargets: not-assessed），不能计算该年的考核。`,
      en: `The config states "${assessment.name}" is not assessed in ${year} (yearsWithoutTargets: not-assessed); that year cannot be computed.`,
    })
  }
  const units = subjectsOf(context, assessment)
  const compiled = compileAssessment(context.model.config, assessmentId)
  const inputs = entryInputs(context.model.config)
  const values = await yearValues(trx, planId, units, year, inputs)
  // Baselines taken from the data (试点前 = 2019): each unit's own values of those years.
  const baselineYears = new Map<number, Awaited<ReturnType<typeof yearValues>>>()
  for (const baseYear of compiled.baselineYears)
    baselineYears.set(baseYear, await yearValues(trx, planId, units, baseYear, inputs))
  const scores = units.map((unit) =>
    scoreUnit(
      compiled,
      unit,
      year,
      values.get(unit)!,
      new Map([...baselineYears].map(([baseYear, byUnit]) => [baseYear, byUnit.get(unit)!])),
    ),
  )
  const at = now.toISOString()
  const run: AssessmentRunRow = {
    id: existing?.id ?? newId(),
    plan_id: planId,
    assessment_id: assessmentId,
    period: String(year),
    status: 'computed',
    version: (existing?.version ?? 0) + 1,
    computed_at: at,
    computed_by: actor,
    reviewed_at: null,
    reviewed_by: null,
    review_note: null,
    published_at: null,
    published_by: null,
  }
  if (existing) {
    await trx.updateTable('assessment_run').set(run).where('id', '=', run.id).execute()
    await trx.deleteFrom('assessment_result').where('run_id', '=', run.id).execute()
  } else {
    await trx.insertInto('assessment_run').values(run).execute()
  }
  const rows = scores.map((score) => ({
    run_id: run.id,
    unit_id: score.unitId,
    complete: score.complete ? 1 : 0,
    total: score.total,
    grade_id: score.grade?.id ?? null,
    vetoed_by: score.vetoedBy,
    score: JSON.stringify(score),
    consequences: null,
  }))
  for (let index = 0; index < rows.length; index += 500) {
    await trx
      .insertInto('assessment_result')
      .values(rows.slice(index, index + 500))
      .execute()
  }
  await appendAudit(trx, [
    {
      at,
      actor,
      action: 'assessment.compute',
      entity: 'assessment_run',
      entityId: run.id,
      planId: run.plan_id,
      payload: {
        planId,
        assessmentId,
        year,
        version: run.version,
        units: units.length,
        complete: scores.filter((s) => s.complete).length,
      },
    },
  ])
  return { run, scores }
}
