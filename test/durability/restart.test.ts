/**
 * Restart with open tasks and pending timers: nothing lost, timers fire once. The Pingnan plan
 * runs in-process on a real database (a SQLite file, or PostgreSQL on `npm run test:postgres`); a
 * department starts and saves tasks, the first reminder fires, then the database is closed and
 * reopened as a fresh process would
 * (new connection, empty plan cache, new app). Every row is still there, the old session still
 * works, and moving the clock past several deadlines fires each remaining timer exactly once —
 * and a second scheduler pass at the same instant fires nothing.
 *
 * Then the harder restart: a scheduler process SIGKILLed in the middle of a run. Each timer's
 * claim and effect share a transaction, so a timer is either fired with its effect or still
 * pending; after the restart the rest fire, and the outcome is exactly an uninterrupted run's.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { createApp } from '../../server/app.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { clearPlanCache } from '../../server/plan-model/plan-context.ts'
import { SimulatedClock } from '../../server/clock.ts'
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
import { storeOf, TEST_DIALECT } from '../helpers/make-db.ts'
import { copyOfDatabase, folderOf, openDatabase, SLOWER } from '../helpers/durability-db.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

let t: TestApp | undefined
const open: Array<Kysely<Database>> = []
const folders: string[] = []
/** Removes `folder` (if any) when the file's tests are done. */
const removeLater = (folder: string | undefined) => void (folder && folders.push(folder))
let doomed: SchedulerProcess | undefined

afterAll(async () => {
  if (doomed) {
    doomed.child.kill('SIGKILL')
    await doomed.exited
  }
  await t?.db.destroy()
  for (const db of open) await db.destroy()
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** Everything a restart must keep, row for row. */
async function dump(db: Kysely<Database>) {
  return {
    plans: await db.selectFrom('plan').selectAll().orderBy('id').execute(),
    phases: await db
      .selectFrom('plan_phase')
      .selectAll()
      .orderBy('plan_id')
      .orderBy('phase_id')
      .execute(),
    tasks: await db.selectFrom('task').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('task_event').selectAll().orderBy('id').execute(),
    timers: await db.selectFrom('timer').selectAll().orderBy('id').execute(),
    notifications: await db.selectFrom('notification').selectAll().orderBy('id').execute(),
    sessions: await db.selectFrom('session').selectAll().orderBy('id').execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('seq').execute(),
  }
}

it(
  'keeps open tasks and pending timers across a restart, then fires each timer exactly once',
  { timeout: 30_000 * SLOWER },
  async () => {
    t = await makeTestApp('2018-04-02T09:00:00+08:00')
    removeLater(folderOf(t.file))
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    // Work in progress on tasks whose ladders run through the restart: the plan draft (due 04-10)
    // and a hospital's two organisation steps (due 06-30).
    const office = await loginAs(t, 'reform-office', {
      units: [{ policyId, unitId: 'county-reform-office' }],
    })
    const hospital = await loginAs(t, 'hospital', {
      units: [{ policyId, unitId: 'county-peoples-hospital' }],
    })
    const draft = await taskId(t, planId, 'step-draft-plan', 'county-reform-office')
    const organize = await taskId(t, planId, 'step-organize-alliances', 'county-peoples-hospital')
    const filing = await taskId(t, planId, 'step-council-filing', 'county-peoples-hospital')
    for (const [client, id] of [
      [office, draft],
      [hospital, organize],
      [hospital, filing],
    ] as const) {
      expect((await client.post(`/api/tasks/${id}/events`, { type: 'START' })).status).toBe(200)
    }
    expect(
      (
        await office.post(`/api/tasks/${draft}/events`, {
          type: 'SAVE',
          data: { summary: '方案初稿' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await hospital.post(`/api/tasks/${organize}/events`, {
          type: 'SAVE',
          data: { summary: '已拟定医联体组建方案' },
        })
      ).status,
    ).toBe(200)

    // Before the restart: the first reminder (due 2018-04-10, reminded on 04-07) fires.
    t.clock.set('2018-04-08T09:00:00+08:00')
    const before = await runDueTimers(t, t.clock, { owner: 'before-restart' })
    expect(before.fired).toBeGreaterThan(0)
    const firedBefore = await t.db
      .selectFrom('timer')
      .selectAll()
      .where('status', '=', 'fired')
      .execute()
    expect(firedBefore.length).toBe(before.fired)
    // Sessions last 12 hours; this one is opened just before the restart and must survive it.
    const client = await loginAs(t, 'hospital')

    const state = await dump(t.db)
    expect(
      state.tasks
        .filter((task) => task.state === 'in_progress')
        .map((task) => task.id)
        .sort(),
    ).toEqual([draft, organize, filing].sort())
    expect(state.tasks.filter((task) => task.state === 'assigned').length).toBeGreaterThan(50)
    expect(state.timers.filter((timer) => timer.status === 'pending').length).toBeGreaterThan(30)

    // The restart: close the only connection, forget every in-memory cache, reopen the database.
    await t.db.destroy()
    clearPlanCache()
    const db = await openDatabase(t.file)
    await migrateToLatest(db)
    const writes = new GroupCommitter(db)
    // A second connection for reads on SQLite; one pool for both on PostgreSQL, as the server has.
    const reads = TEST_DIALECT === 'postgres' ? db : await openDatabase(t.file)
    if (reads !== db) open.push(reads)
    const files = join(mkdtempSync(join(tmpdir(), 'luoshi-restart-')), 'attachments')
    removeLater(join(files, '..'))
    Object.assign(t, {
      db,
      writes,
      app: createApp({ db, reads, clock: t.clock, writes, files }),
    })

    expect(await dump(db)).toEqual(state)
    // The session from before the restart still works against the new app.
    const detail = await client.get(`/api/tasks/${organize}`)
    expect(detail.status).toBe(200)
    expect(detail.headers.get('etag')).toBe(
      `"${state.tasks.find((task) => task.id === organize)!.version}"`,
    )

    // After the restart: past the 2018-04-10 ladder's end, the 06-30 deadlines and the July openings.
    const now = new Date('2018-07-10T09:00:00+08:00')
    t.clock.set(now)
    const after = await runDueTimers(storeOf(db), t.clock, { owner: 'after-restart' })
    expect(after.skipped).toBe(0)
    expect(after.fired).toBeGreaterThan(20)

    // The timers fired before the restart were not fired again.
    const timers = await db.selectFrom('timer').selectAll().execute()
    for (const old of firedBefore) expect(timers.find((timer) => timer.id === old.id)).toEqual(old)
    const fired = timers.filter((timer) => timer.status === 'fired')
    expect(fired.filter((timer) => timer.claimed_by === 'after-restart')).toHaveLength(after.fired)
    expect(fired.filter((timer) => timer.claimed_by === 'before-restart')).toHaveLength(
      before.fired,
    )
    expect(
      fired.every((timer) => timer.fired_at !== null && timer.fired_at <= now.toISOString()),
    ).toBe(true)
    // Every timer that was pending at the restart and is due now fired in this run.
    const duePending = state.timers.filter(
      (timer) => timer.status === 'pending' && timer.fire_at <= now.toISOString(),
    )
    expect(duePending.length).toBeGreaterThan(10)
    for (const timer of duePending)
      expect(timers.find((row) => row.id === timer.id)).toMatchObject({
        status: 'fired',
        claimed_by: 'after-restart',
      })

    await expectNothingDue(db, now)
    await expectNoDuplicateTimers(db)
    const ladder = await expectLadderAt(db, now)
    expect(ladder.steps).toBe(fired.filter((timer) => timer.task_id !== null).length)
    expect(await expectPhasesOpenedOnce(db)).toBeGreaterThanOrEqual(2)
    // The two quarterly/monthly duties opening on 2018-07-01 made their first period's tasks once.
    const july = await db
      .selectFrom('task')
      .select(['source_id', 'period'])
      .where('plan_id', '=', planId)
      .where('created_at', '=', now.toISOString())
      .execute()
    expect(july.length).toBeGreaterThan(0)
    await expectHistoriesWhole(db)
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true })

    // The work in progress is intact and was escalated along its ladder, not reset.
    const inProgress = await db
      .selectFrom('task')
      .selectAll()
      .where('id', 'in', [draft, organize, filing])
      .execute()
    expect(inProgress.map((task) => task.state)).toEqual([
      'in_progress',
      'in_progress',
      'in_progress',
    ])
    expect(JSON.parse(inProgress.find((task) => task.id === draft)!.data!)).toEqual({
      summary: '方案初稿',
    })
    expect(JSON.parse(inProgress.find((task) => task.id === organize)!.data!)).toEqual({
      summary: '已拟定医联体组建方案',
    })
    expect(inProgress.find((task) => task.id === draft)!.escalation_level).toBe(4)
    expect(
      inProgress.find((task) => task.id === organize)!.escalation_level,
    ).toBeGreaterThanOrEqual(2)

    // Running the scheduler again at the same instant finds nothing to do.
    const rows = await dump(db)
    expect(await runDueTimers(storeOf(db), t.clock, { owner: 'again' })).toEqual({
      fired: 0,
      skipped: 0,
    })
    expect(await dump(db)).toEqual(rows)
  },
)

it(
  'a scheduler process killed mid-run leaves no half-fired timer: the rest fire after the restart, none twice',
  { timeout: 30_000 * SLOWER },
  async () => {
    const NOW = '2019-03-01T09:00:00+08:00'
    const app = await makeTestApp('2018-04-02T09:00:00+08:00')
    open.push(app.db)
    removeLater(folderOf(app.file))
    await startBundledPlan(app, 'pingnan')
    await startBundledPlan(app, 'pingnan')
    const copyFolder = mkdtempSync(join(tmpdir(), 'luoshi-uninterrupted-'))
    removeLater(copyFolder)
    const copy = await copyOfDatabase(app.db, app.file, copyFolder, 'uninterrupted')

    // The reference: the same plans, one uninterrupted run.
    clearPlanCache()
    const reference = await openDatabase(copy)
    open.push(reference)
    const clock = new SimulatedClock(NOW)
    const uninterrupted = await runDueTimers(storeOf(reference), clock, { owner: 'uninterrupted' })
    expect(uninterrupted.fired).toBeGreaterThan(200)

    // A scheduler process on the database, killed once it has fired a few dozen timers.
    doomed = spawnScheduler(app.file, NOW, 'doomed', 5)
    await doomed.ready
    doomed.go()
    const firedCount = async () =>
      Number(
        (
          await app.db
            .selectFrom('timer')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'fired')
            .executeTakeFirstOrThrow()
        ).n,
      )
    const deadline = Date.now() + 15_000
    while ((await firedCount()) < 40) {
      if (Date.now() > deadline)
        throw new Error(`the scheduler fired too few timers in time:\n${doomed.output()}`)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    doomed.child.kill('SIGKILL')
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' })
    await app.db.destroy()
    open.splice(open.indexOf(app.db), 1)

    // The restart: a new connection, an empty plan cache.
    clearPlanCache()
    const db = await openDatabase(app.file)
    open.push(db)
    const firedAtKill = await db
      .selectFrom('timer')
      .select(['id', 'claimed_by'])
      .where('status', '=', 'fired')
      .execute()
    expect(firedAtKill.length).toBeGreaterThanOrEqual(40)
    expect(firedAtKill.length).toBeLessThan(uninterrupted.fired) // really cut short
    expect(firedAtKill.every((timer) => timer.claimed_by === 'doomed')).toBe(true)
    const after = await runDueTimers(storeOf(db), clock, { owner: 'after-crash' })
    expect(firedAtKill.length + after.fired).toBe(uninterrupted.fired)

    await expectNothingDue(db, clock.now())
    await expectNoDuplicateTimers(db)
    await expectLadderAt(db, clock.now())
    await expectPhasesOpenedOnce(db)
    await expectHistoriesWhole(db)
    expect(await verifyAuditChains(db)).toMatchObject({ ok: true })
    expect(await normalizedOutcome(db)).toEqual(await normalizedOutcome(reference))
  },
)
