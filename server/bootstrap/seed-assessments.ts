/**
 * @module The demo's assessment years: with the demo values just loaded, every assessment of the
 * plan is computed for each year that has values; all but the latest are reviewed and published
 * (so reports show a trend, consequences and 整改 tasks), and the latest waits for the assessor
 * to review and publish it in the web app.
 */
import { computeRun } from '../assessments/compute-run.ts'
import { publishRun, reviewRun } from '../assessments/publish-run.ts'
import type { Clock } from '../clock.ts'
import type { Store } from '../db/group-commit.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'

export async function seedAssessments(
  store: Store,
  clock: Clock,
  context: PlanContext,
  years: number[],
  /** Whether the latest year is published too (else it waits for the assessor's review). */
  publishLatest = false,
): Promise<void> {
  const now = clock.now()
  for (const assessment of context.model.config.assessments ?? []) {
    for (const [index, year] of years.entries()) {
      await store.writes.run(async (trx) => {
        const { scores } = await computeRun(trx, context, assessment.id, year, 'system', now)
        const latest = index === years.length - 1 && !publishLatest
        if (latest || scores.some((score) => !score.complete && !score.vetoedBy)) return
        await reviewRun(trx, context, assessment.id, year, 'system', now, '演示数据 / demo data')
        await publishRun(trx, context, assessment.id, year, 'system', now)
      })
    }
  }
}
