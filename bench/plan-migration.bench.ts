/**
 * Revising a running plan at province scale: the generated plan (2,800 primary-care units × 100
 * responsibilities, 280,000 tasks) is started, then moved to a revision that moves one duty's
 * deadline, drops one and adds one — 2,800 tasks each re-planned, withdrawn and made. The preview
 * (`layoutMigration`, reads only) and the apply (`applyMigration`, one transaction) are timed, and
 * how long reads of the plan list over HTTP waited meanwhile (plan-list-reader.ts).
 */
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { parse, stringify } from 'yaml'
import { SimulatedClock } from '../server/clock.ts'
import { loadPlanContext } from '../server/plan-model/plan-context.ts'
import { applyMigration, countChanges } from '../server/plans/migrate-plan.ts'
import { layoutMigration } from '../server/plans/migration-preview.ts'
import { startPlan } from '../server/plans/start-plan.ts'
import { publishPolicy } from '../server/policies/publish-policy.ts'
import { makeDb, storeOf } from '../test/helpers/make-db.ts'
import { generatePlanPolicy } from '../test/helpers/generated-policy.ts'
import { planListReader, waitLine } from './plan-list-reader.ts'

const UNITS = 2800
const RESPONSIBILITIES = 100

interface Duty {
  id: string
  due: string
  source: { quote: string }
}

/** The revision: duty-0 due a month later, duty-1 dropped, duty-new added (quoting duty-1's clause). */
function revise(text: string): string {
  const config = parse(text) as {
    metadata: { version: string }
    responsibilities: Duty[]
  }
  config.metadata.version = '1.1.0'
  const [first, second] = config.responsibilities
  first!.due = '2019年4月下旬'
  config.responsibilities.splice(1, 1, { ...second!, id: 'duty-new' })
  return stringify(config)
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9

export async function benchPlanMigration(): Promise<string[]> {
  const lines = [
    '',
    `Plan migration (${UNITS.toLocaleString('en-US')} units × ${RESPONSIBILITIES} responsibilities; a deadline moved, a duty dropped, one added)`,
  ]
  const { text, source } = generatePlanPolicy(UNITS, RESPONSIBILITIES)
  const { db, file, writes } = await makeDb()
  const clock = new SimulatedClock('2019-01-01')
  const reader = await planListReader({ db, file, writes, clock })
  try {
    const store = storeOf(db)
    const { version } = await publishPolicy(store, clock, 'bench', {
      yaml: text,
      sourceText: source,
    })
    const started = await startPlan(store, clock, 'bench', { versionId: version.id })
    const { version: to } = await publishPolicy(store, clock, 'bench', {
      yaml: revise(text),
      sourceText: source,
      note: 'bench',
    })
    const context = await loadPlanContext(db, started.plan.id)
    let from = process.hrtime.bigint()
    const { value: preview, waits: previewWaits } = await reader.during(() =>
      layoutMigration(db, context, version, to, {}, clock.now()),
    )
    const previewSeconds = seconds(from)
    const counts = countChanges(preview)
    from = process.hrtime.bigint()
    const { waits: applyWaits } = await reader.during(() =>
      store.writes.run(async (trx) => {
        const fresh = await loadPlanContext(trx, started.plan.id)
        const layout = await layoutMigration(trx, fresh, version, to, {}, clock.now())
        await applyMigration(trx, fresh, layout, { actor: 'bench', now: clock.now() })
      }),
    )
    const applySeconds = seconds(from)
    lines.push(
      `${'preview (layoutMigration, reads only)'.padEnd(48)} ${previewSeconds.toFixed(2).padStart(8)} s`,
      waitLine('  reads of the plan list meanwhile', previewWaits),
      `${'apply (laid out again + written, one transaction)'.padEnd(48)} ${applySeconds.toFixed(2).padStart(8)} s`,
      waitLine('  reads of the plan list meanwhile', applyWaits),
      `${''.padEnd(48)} ${started.tasks.toLocaleString('en-US')} tasks: kept ${counts.kept.toLocaleString('en-US')}, deadline ${counts.deadline}, removed ${counts.removed}, added ${counts.added}, timers ${counts.timers}`,
    )
  } finally {
    await reader.close().catch(() => undefined)
    await db.destroy().catch(() => undefined)
    rmSync(dirname(file), { recursive: true, force: true })
  }
  return lines
}

if (process.argv[1]?.endsWith('plan-migration.bench.ts')) {
  for (const line of await benchPlanMigration()) console.log(line)
}
