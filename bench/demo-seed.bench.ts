/**
 * The demo a first `npm start` loads, into a fresh migrated SQLite file: every bundled policy
 * published, the accounts, each ended plan driven through its period in simulated time and
 * closed, the 演示 plan driven up to today — and a second load on the same file, which finds it
 * all in place. A few runs each: a first load takes seconds.
 */
import { seedDemo } from '../server/bootstrap/seed-demo.ts'
import { SimulatedClock } from '../server/clock.ts'
import { clearPlanCache } from '../server/plan-model/plan-context.ts'
import { makeDb } from '../test/helpers/make-db.ts'
import type { TestDb } from '../test/helpers/make-db.ts'
import { report } from './measure.ts'
import type { Timing } from './measure.ts'

/** A day after every bundled plan's stated period, so each is driven through its history. */
const TODAY = '2026-12-07T09:00:00+08:00'
const RUNS = 3
const FIRST_TARGET_MS = 15_000
const SECOND_TARGET_MS = 1_000

function timing(samples: number[]): Timing {
  samples.sort((a, b) => a - b)
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p90: samples[Math.floor(samples.length * 0.9)]!,
    runs: samples.length,
  }
}

export async function benchDemoSeed(): Promise<string[]> {
  const first: number[] = []
  const second: number[] = []
  for (let run = 0; run < RUNS; run++) {
    clearPlanCache()
    const t: TestDb = await makeDb()
    try {
      for (const samples of [first, second]) {
        const start = process.hrtime.bigint()
        await seedDemo(t, new SimulatedClock(TODAY), 'policies')
        samples.push(Number(process.hrtime.bigint() - start) / 1e6)
      }
    } finally {
      await t.db.destroy()
    }
  }
  return [
    '',
    'Demo load (bundled policies, fresh SQLite file, histories simulated up to 2026-12-07)',
    report('first load (publish, accounts, histories, 演示 plan)', timing(first), FIRST_TARGET_MS),
    report('second load on the same data (adds nothing)', timing(second), SECOND_TARGET_MS),
  ]
}
