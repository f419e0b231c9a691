/**
 * Two scheduler processes on one database fire each timer exactly once. The Pingnan plan is
 * started on a real database (a SQLite file, or PostgreSQL on `npm run test:postgres`) and copied;
 * two child processes then run the scheduler on it at the same instant (released together, small batches, so they race for the same rows), while this
 * process runs a single scheduler on the copy. Each timer must be claimed by exactly one process,
 * its effect must have happened once, and the outcome must be exactly the single scheduler's.
 *
 * Child processes, not two connections in this process: better-sqlite3 waits for a lock
 * synchronously (busy_timeout), so two connections in one process holding write transactions
 * across awaits block each other until SQLITE_BUSY — unlike two real processes. On PostgreSQL
 * they are what a deployment of several processes is.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { SimulatedClock } from '../../server/clock.ts'
import type { Database } from '../../server/db/database.ts'
import { clearPlanCache } from '../../server/plan-model/plan-context.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import {
  expectHistoriesWhole,
  expectLadderAt,
  expectNoDuplicateTimers,
  expectNothingDue,
  expectPhasesOpenedOnce,
  normalizedOutcome,
} from '../helpers/durability-checks.ts'
import { spawnScheduler } from '../helpers/durability-server.ts'
import type { SchedulerProcess } from '../helpers/durability-server.ts'
import { storeOf } from '../helpers/make-db.ts'
import { copyOfDatabase, folderOf, openDatabase, SLOWER } from '../helpers/durability-db.ts'
import { makeTestApp, startBundledPlan } from '../helpers/test-app.ts'

/** Past the 2018 ladders, the quarterly supervision periods and the first summary's deadline. */
const NOW = '2019-03-01T09:00:00+08:00'

const children: SchedulerProcess[] = []
const open: Array<Kysely<Database>> = []
let folder: string
let appFolder: string | undefined

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'luoshi-two-schedulers-'))
})

afterAll(async () => {
  for (const child of children) {
    child.child.kill('SIGKILL')
    await child.exited
  }
  for (const db of open) await db.destroy()
  rmSync(folder, { recursive: true, force: true })
  if (appFolder) rmSync(appFolder, { recursive: true, force: true })
})

it(
  'fires each due timer exactly once with two scheduler processes racing on one database',
  { timeout: 30_000 * SLOWER },
  async () => {
    const t = await makeTestApp('2018-04-02T09:00:00+08:00')
    open.push(t.db)
    appFolder = folderOf(t.file)
    // Two runs of the plan, so the firing takes long enough for the second process to join the race.
    await startBundledPlan(t, 'pingnan')
    await startBundledPlan(t, 'pingnan')
    const copy = await copyOfDatabase(t.db, t.file, folder, 'solo')
    const pendingAtStart = await t.db
      .selectFrom('timer')
      .select('id')
      .where('status', '=', 'pending')
      .execute()
    await t.db.destroy()
    open.pop()

    const a = spawnScheduler(t.file, NOW, 'process-a', 5)
    const b = spawnScheduler(t.file, NOW, 'process-b', 5)
    children.push(a, b)
    await Promise.all([a.ready, b.ready])
    a.go()
    b.go()
    const [ra, rb] = await Promise.all([a.result, b.result])
    expect(await a.exited).toEqual({ code: 0, signal: null })
    expect(await b.exited).toEqual({ code: 0, signal: null })

    // The same plan, one scheduler, on the copy: the reference outcome.
    clearPlanCache()
    const solo = await openDatabase(copy)
    open.push(solo)
    const clock = new SimulatedClock(NOW)
    const reference = await runDueTimers(storeOf(solo), clock, { owner: 'solo' })
    expect(reference.fired).toBeGreaterThan(pendingAtStart.length) // firing planned more (ladders, periods)

    const db = await openDatabase(t.file)
    open.push(db)
    const fired = await db
      .selectFrom('timer')
      .select(['id', 'claimed_by', 'status'])
      .where('status', '=', 'fired')
      .execute()
    // They raced: at least one claim found its timer already taken by the other process. (SQLite's
    // busy handler is not fair, so one process often does nearly all the firing while the other
    // waits on the lock; which one varies. On PostgreSQL the loser of a claim waits on the row
    // lock and then finds the timer fired.)
    expect(ra.skipped + rb.skipped).toBeGreaterThan(0)
    // Together exactly the reference's number of firings, each claimed by the one who fired it.
    expect(ra.fired + rb.fired).toBe(reference.fired)
    expect(fired).toHaveLength(reference.fired)
    expect(fired.filter((timer) => timer.claimed_by === 'process-a')).toHaveLength(ra.fired)
    expect(fired.filter((timer) => timer.claimed_by === 'process-b')).toHaveLength(rb.fired)

    await expectNothingDue(db, clock.now())
    await expectNoDuplicateTimers(db)
    const ladder = await expectLadderAt(db, clock.now())
    expect(ladder.steps).toBeGreaterThan(50)
    expect(await expectPhasesOpenedOnce(db)).toBeGreaterThanOrEqual(4)
    await expectHistoriesWhole(db)
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true })
    const levels = await db.selectFrom('task').select('escalation_level').execute()
    expect(levels.filter((task) => task.escalation_level === 4).length).toBeGreaterThan(20)

    // Row for row (ids aside), the racing pair did exactly what one scheduler did.
    expect(await normalizedOutcome(db)).toEqual(await normalizedOutcome(solo))
    // And nothing is left for either of them.
    expect(await runDueTimers(storeOf(db), clock, { owner: 'process-c' })).toEqual({
      fired: 0,
      skipped: 0,
    })
  },
)
