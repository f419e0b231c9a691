/**
 * Plan start at province scale: 100 responsibilities led by a unit set of 2,800 primary-care
 * units, each duty with a fixed due date, so `startPlan` writes 280,000 tasks and as many
 * escalation timers in one transaction into a fresh, migrated SQLite file (WAL, synchronous=FULL).
 * Timed once: it is heavy, and a second start would not run on a fresh file. Meanwhile a reader on
 * another thread asks the app over HTTP for the plan list, one request after another: how long a
 * person would wait for a page while a province's plan starts.
 */
import { rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { SimulatedClock } from '../server/clock.ts'
import { publishPolicy } from '../server/policies/publish-policy.ts'
import { startPlan } from '../server/plans/start-plan.ts'
import { makeDb, storeOf } from '../test/helpers/make-db.ts'
import { planListReader, waitLine } from './plan-list-reader.ts'
import { generatePlanPolicy } from '../test/helpers/generated-policy.ts'

const UNITS = 2800
const RESPONSIBILITIES = 100
const TARGET_SECONDS = 10

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`
}

/** The database file plus its WAL, which holds the transaction until a checkpoint. */
function fileSize(file: string): { db: number; wal: number } {
  const size = (path: string) => {
    try {
      return statSync(path).size
    } catch {
      return 0
    }
  }
  return { db: size(file), wal: size(`${file}-wal`) }
}

export async function benchPlanStart(): Promise<string[]> {
  const lines = [
    '',
    `Plan start (${UNITS.toLocaleString('en-US')} units × ${RESPONSIBILITIES} responsibilities, fresh SQLite file, timed once)`,
  ]
  const { text, source } = generatePlanPolicy(UNITS, RESPONSIBILITIES)
  const { db, file, writes } = await makeDb()
  const clock = new SimulatedClock('2019-01-01')
  const reader = await planListReader({ db, file, writes, clock })
  try {
    const { version } = await publishPolicy(storeOf(db), clock, 'bench', {
      yaml: text,
      sourceText: source,
    })
    const start = process.hrtime.bigint()
    const cpuStart = process.cpuUsage()
    const { value: started, waits } = await reader.during(() =>
      startPlan(storeOf(db), clock, 'bench', { versionId: version.id }),
    )
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    // The process's CPU time (the database runs in it, and answers the reads): on a shared
    // machine, wall time waits too.
    const cpu = process.cpuUsage(cpuStart)
    const expected = UNITS * RESPONSIBILITIES
    if (started.tasks !== expected)
      throw new Error(`expected ${expected} tasks, got ${started.tasks}`)
    const tasks = await db
      .selectFrom('task')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(tasks.n) !== expected)
      throw new Error(`the task table holds ${tasks.n} rows, expected ${expected}`)
    const escalation = await db
      .selectFrom('timer')
      .where('task_id', 'is not', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(escalation.n) !== expected)
      throw new Error(`expected an escalation timer per task, found ${escalation.n}`)
    const before = fileSize(file)
    await reader.close()
    await db.destroy() // closes the connection, which checkpoints the WAL into the file
    const after = fileSize(file)
    const verdict =
      seconds <= TARGET_SECONDS ? `✓ ≤ ${TARGET_SECONDS} s` : `✗ target ${TARGET_SECONDS} s`
    lines.push(
      `${'startPlan'.padEnd(48)} ${seconds.toFixed(2).padStart(8)} s   ${Math.round(
        started.tasks / seconds,
      )
        .toLocaleString('en-US')
        .padStart(8)} tasks/s   ${verdict}`,
      `${''.padEnd(48)} CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s)`,
      `${''.padEnd(48)} ${started.tasks.toLocaleString('en-US')} tasks, ${started.timers.toLocaleString('en-US')} timers (${Number(escalation.n).toLocaleString('en-US')} escalation, the rest phases)`,
      waitLine('reads of the plan list meanwhile', waits),
      `${''.padEnd(48)} database ${mib(after.db)} after checkpoint (right after start: file ${mib(before.db)} + WAL ${mib(before.wal)})`,
    )
  } finally {
    await reader.close().catch(() => undefined)
    await db.destroy().catch(() => undefined)
    rmSync(dirname(file), { recursive: true, force: true })
  }
  return lines
}

if (process.argv[1]?.endsWith('plan-start.bench.ts')) {
  for (const line of await benchPlanStart()) console.log(line)
}
