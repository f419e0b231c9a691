/**
 * Plan start at province scale: 100 responsibilities led by a unit set of 2,800 primary-care
 * units, each duty with a fixed due date, so `startPlan` writes 280,000 tasks and as many
 * escalation timers in one transaction into a fresh, migrated SQLite file (WAL, synchronous=FULL).
 * Timed once: it is heavy, and a second start would not run on a fresh file. Meanwhile a reader on
 * another thread asks the app over HTTP for the plan list, one request after another: how long a
 * person would wait for a page while a province's plan starts.
 */
import { serve } from '@hono/node-server'
import { rmSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { createApp } from '../server/app.ts'
import { SimulatedClock } from '../server/clock.ts'
import { createDb } from '../server/db/create-db.ts'
import { publishPolicy } from '../server/policies/publish-policy.ts'
import { startPlan } from '../server/plans/start-plan.ts'
import { makeDb, storeOf } from '../test/helpers/make-db.ts'
import { epochNow, readsMeanwhile } from '../test/helpers/reads-meanwhile.ts'
import { loginAs } from '../test/helpers/test-app.ts'
import { generatePlanPolicy } from '../test/helpers/generated-policy.ts'

const UNITS = 2800
const RESPONSIBILITIES = 100
const TARGET_SECONDS = 10

const percentile = (sorted: number[], p: number): number | undefined =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]

const ms = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)} ms`)

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
  const reads = await createDb({ kind: 'sqlite', file })
  const clock = new SimulatedClock('2019-01-01')
  const files = join(dirname(file), 'attachments')
  const app = createApp({ db, reads, clock, writes, files })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  try {
    const { version } = await publishPolicy(storeOf(db), clock, 'bench', {
      yaml: text,
      sourceText: source,
    })
    const reader = await loginAs({ app, db, file, clock, writes }, 'bench-reader', {
      roles: ['admin'],
    })
    if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    const reading = await readsMeanwhile(`http://127.0.0.1:${port}/api/plans`, {
      cookie: reader.cookie,
    })
    const sent = epochNow()
    const start = process.hrtime.bigint()
    const cpuStart = process.cpuUsage()
    const started = await startPlan(storeOf(db), clock, 'bench', { versionId: version.id })
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    // The process's CPU time (the database runs in it): on a shared machine, wall time waits too.
    const cpu = process.cpuUsage(cpuStart)
    const done = epochNow()
    // Every read that waited while the start ran, those answered once it had committed too.
    const waits = (await reading.stop())
      .filter((read) => read.answered > sent && read.sent < done)
      .map((read) => read.answered - read.sent)
      .sort((a, b) => a - b)
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
    await new Promise((resolve) => server.close(resolve))
    await reads.destroy()
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
      `${'reads of the plan list meanwhile'.padEnd(48)} ${waits.length} waited on it; wait p50 ${ms(percentile(waits, 0.5))}, p99 ${ms(percentile(waits, 0.99))}, longest ${ms(waits.at(-1))}`,
      `${''.padEnd(48)} database ${mib(after.db)} after checkpoint (right after start: file ${mib(before.db)} + WAL ${mib(before.wal)})`,
    )
  } finally {
    server.close()
    await reads.destroy().catch(() => undefined)
    await db.destroy().catch(() => undefined)
    rmSync(dirname(file), { recursive: true, force: true })
  }
  return lines
}

if (process.argv[1]?.endsWith('plan-start.bench.ts')) {
  for (const line of await benchPlanStart()) console.log(line)
}
