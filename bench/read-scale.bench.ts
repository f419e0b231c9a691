/**
 * Reads at province scale, through `app.request` (no network), on SQLite: a unit's inbox page and
 * the office's review queue page, scoped to one plan and to a region of a third of the plans (100
 * of 300 at full size); a plan's progress and colours, its 督办 list and its ledger's first page,
 * which are read plan by plan (no region-wide form), on two plans of a region.
 *
 * The database is generated once into a cache folder (`LUOSHI_BENCH_CACHE`, else the system's
 * temporary folder) and reused, brought up to date by the migrations as a deployment's database
 * is: three regions, each one real plan started from a generated policy and copied into more
 * plans of the same policy by SQL. `LUOSHI_BENCH_READ_TASKS` sets the size (default 100,000; the
 * target is stated at 1,000,000 tasks across 300 plans); `LUOSHI_BENCH_READ_ONLY` runs the rows
 * whose name contains it. The wall time (p50, p99) is held to the target; beside it each row gives
 * the process's CPU time during a request (p50, p99), which holds still when the machine is busy
 * but also counts V8's background threads.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../server/app.ts'
import { SimulatedClock } from '../server/clock.ts'
import { createDb } from '../server/db/create-db.ts'
import { GroupCommitter } from '../server/db/group-commit.ts'
import { migrateToLatest } from '../server/db/migrate.ts'
import { clearPlanCache } from '../server/plan-model/plan-context.ts'
import { loginAs } from '../test/helpers/test-app.ts'
import type { Client, TestApp } from '../test/helpers/test-app.ts'
import { generateReadsApart, PLANS_PER_REGION, REGIONS, TASKS } from './read-scale-data.ts'

const RUNS = 200
/**
 * Requests before the timed ones, as a server that has been serving a while has compiled its
 * routes. Fewer leave V8's optimising compiler at work during the timed ones: with 50, a plan's
 * progress took 4.8 ms at the median on 1M tasks, against 1.9 ms after 300.
 */
const WARM_UP = Number(process.env.LUOSHI_BENCH_READ_WARM_UP ?? 300)

function cacheFile(): string {
  const folder = process.env.LUOSHI_BENCH_CACHE ?? join(tmpdir(), 'luoshi-bench-read-scale')
  mkdirSync(folder, { recursive: true })
  // Not keyed by the schema: a cached database is brought up to date by the migrations, which is
  // also how a deployment's database meets a new migration (its counts filled once).
  return join(folder, `${REGIONS * PLANS_PER_REGION}-plans.db`)
}

/** Builds the SQLite database into `file` (renamed into place once whole). */
async function generate(file: string): Promise<void> {
  const building = `${file}.building`
  rmSync(building, { force: true })
  await generateReadsApart({ kind: 'sqlite', file: building })
  renameSync(building, file)
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}

/**
 * Times `runs` requests one after another: wall time and, per request, the CPU time the process
 * spent on it. On a machine shared with other work the wall time's tail is mostly waiting for a
 * core; the CPU time is what the request itself costs.
 */
async function timed(client: Client, path: string, runs = RUNS) {
  for (let i = 0; i < WARM_UP; i++) await (await client.get(path)).arrayBuffer()
  const wall: number[] = []
  const cpu: number[] = []
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const used = process.cpuUsage()
    const start = process.hrtime.bigint()
    const response = await client.get(path)
    bytes = (await response.arrayBuffer()).byteLength
    wall.push(Number(process.hrtime.bigint() - start) / 1e6)
    const spent = process.cpuUsage(used)
    cpu.push((spent.user + spent.system) / 1000)
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
  }
  wall.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  return {
    p50: percentile(wall, 0.5),
    p99: percentile(wall, 0.99),
    cpu50: percentile(cpu, 0.5),
    cpu99: percentile(cpu, 0.99),
    bytes,
    runs,
  }
}

const mark = (value: number, target: number | null) =>
  target === null ? ' ' : value <= target ? '✓' : '✗'

/**
 * Times every read the target names, for one plan and for a region (or a second plan of the
 * region where the read is a plan's), on the app `t` over a database `generateReads` filled.
 */
export async function measureReads(t: TestApp, dialect: string, how: string): Promise<string[]> {
  const { db } = t
  const tasks = await db
    .selectFrom('task')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const plans = await db
    .selectFrom('plan')
    .select(['id', 'policy_id'])
    .where('policy_id', '=', 'bench-region-0')
    .orderBy('id')
    .execute()
  const plan = plans[0]!.id
  const clinic = await loginAs(t, 'bench-clinic', {
    units: [{ policyId: 'bench-region-0', unitId: 'clinic-7' }],
  })
  const office = await loginAs(t, 'bench-office', {
    units: [{ policyId: 'bench-region-0', unitId: 'reform-office' }],
  })
  // The per-plan reads (progress, 督办, ledger) have no region-wide form: a leader reads them
  // plan by plan, so their region row reads one plan of a region of 100 plans, another one.
  const other = plans[Math.floor(plans.length / 2)]!.id
  const rows: Array<[string, Client, string, number | null]> = [
    ['unit inbox, first page, one plan', clinic, `/api/tasks?plan=${plan}&pageSize=50`, 5],
    ['unit inbox, first page, region', clinic, `/api/tasks?pageSize=50`, 20],
    [
      'review queue, first page, one plan',
      office,
      `/api/tasks?plan=${plan}&role=review&pageSize=50`,
      5,
    ],
    ['review queue, first page, region', office, `/api/tasks?role=review&pageSize=50`, 20],
    ['plan progress and colours, one plan', office, `/api/plans/${plan}/progress`, 5],
    ['plan progress, another plan of the region', office, `/api/plans/${other}/progress`, 5],
    ['督办 list, one plan', office, `/api/plans/${plan}/escalations`, 5],
    ['督办 list, another plan of the region', office, `/api/plans/${other}/escalations`, 5],
    ['ledger, first page, one plan', office, `/api/plans/${plan}/ledger?pageSize=50`, 5],
    ['ledger, whole (no page), one plan', office, `/api/plans/${plan}/ledger`, null],
    ['unit inbox, whole list (no page), one plan', clinic, `/api/tasks?plan=${plan}`, null],
    [
      'review queue, whole list (no page), one plan',
      office,
      `/api/tasks?plan=${plan}&role=review`,
      null,
    ],
  ]
  const lines = [
    '',
    `Reads at scale (${dialect}, app.request): ${Number(tasks.n).toLocaleString('en-US')} tasks in ${REGIONS * PLANS_PER_REGION} plans, a region = ${plans.length} plans; LUOSHI_BENCH_READ_TASKS=${TASKS}; ${how}`,
    `  ms per request, the wall time's p99 ✓/✗ against the target; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall time waits for a core when the load is above that; CPU time does not, but counts V8's compiler and collector working beside the request on the other core, so its tail can pass the wall time's)`,
  ]
  const only = process.env.LUOSHI_BENCH_READ_ONLY
  for (const [name, client, path, target] of rows) {
    if (only && !name.includes(only)) continue
    const r = await timed(client, path, target === null ? 20 : RUNS)
    const ms = (value: number) => value.toFixed(2).padStart(7)
    lines.push(
      `${name.padEnd(44)} wall p50 ${ms(r.p50)} p99 ${ms(r.p99)} ${mark(r.p99, target)}   cpu p50 ${ms(r.cpu50)} p99 ${ms(r.cpu99)}     ${target === null ? 'no target' : `target p99 ≤ ${target} ms`}  ${String(r.bytes).padStart(7)} B (${r.runs} runs)`,
    )
  }
  return lines
}

export async function benchReadScale(): Promise<string[]> {
  const file = cacheFile()
  const generatedNow = !existsSync(file)
  const startedAt = performance.now()
  if (generatedNow) await generate(file)
  const generation = (performance.now() - startedAt) / 1000
  clearPlanCache()
  const db = await createDb({ kind: 'sqlite', file })
  const migrating = performance.now()
  await migrateToLatest(db)
  const migration = (performance.now() - migrating) / 1000
  const reads = await createDb({ kind: 'sqlite', file })
  const clock = new SimulatedClock('2019-07-01T09:00:00+08:00')
  const writes = new GroupCommitter(db)
  const t: TestApp = {
    app: createApp({ db, reads, clock, writes, files: join(file, '..', 'attachments') }),
    db,
    file,
    clock,
    writes,
  }
  try {
    return await measureReads(
      t,
      'SQLite',
      `${generatedNow ? `generated in ${generation.toFixed(0)} s` : 'cached'} at ${file}; migrations ${migration.toFixed(1)} s`,
    )
  } finally {
    await writes.close()
    await reads.destroy()
    await db.destroy()
  }
}

if (process.argv[1]?.endsWith('read-scale.bench.ts')) {
  for (const line of await benchReadScale()) console.log(line)
}
