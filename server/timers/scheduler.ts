/**
 * @module The scheduler: finds timers that are due and fires each in its own write, through the
 * server's group committer (so a timer shares commits with requests, never competes with them).
 * It holds no timer in memory — the rows are the schedule — so a restart loses nothing, and
 * several processes can run it against one database (see fire-timer.ts for why each fires once).
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import { newId } from '../ids.ts'
import { fireTimer, ofRunningPlan } from './fire-timer.ts'

export interface SchedulerRun {
  fired: number
  skipped: number
}

/**
 * Fires every timer due at the clock's current time (including ones firing creates). A suspended
 * plan's timers are left pending: neither looked for nor claimed (fire-timer.ts).
 */
export async function runDueTimers(
  store: Store,
  clock: Clock,
  options: { owner?: string; batch?: number } = {},
): Promise<SchedulerRun> {
  const { db, writes } = store
  const owner = options.owner ?? `pid-${process.pid}`
  const batch = options.batch ?? 200
  const result: SchedulerRun = { fired: 0, skipped: 0 }
  for (;;) {
    const now = clock.now()
    const due = await db
      .selectFrom('timer')
      .selectAll()
      .where('status', '=', 'pending')
      .where('fire_at', '<=', now.toISOString())
      .where(ofRunningPlan)
      .orderBy('fire_at')
      .orderBy('id')
      .limit(batch)
      .execute()
    if (due.length === 0) return result
    for (const timer of due) {
      const fired = await writes.run((trx) => fireTimer(trx, timer, now, owner))
      if (fired) result.fired++
      else result.skipped++
    }
  }
}

/** The earliest pending timer's instant (of a running plan), or undefined when none is pending. */
export async function nextTimerAt(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('timer')
    .select('fire_at')
    .where('status', '=', 'pending')
    .where(ofRunningPlan)
    .orderBy('fire_at')
    .limit(1)
    .executeTakeFirst()
  return row?.fire_at
}

/**
 * Polls the database every `intervalMs` and fires what is due. Returns a stop function.
 * The interval only decides how often to look; what to fire lives in the database.
 */
export function startScheduler(
  store: Store,
  clock: Clock,
  intervalMs = 1000,
  onError: (error: unknown) => void = console.error,
): () => Promise<void> {
  const owner = `scheduler-${newId().slice(0, 8)}`
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const handle = setInterval(() => {
    running = running.then(() =>
      stopped ? undefined : runDueTimers(store, clock, { owner }).catch(onError),
    )
  }, intervalMs)
  handle.unref()
  return async () => {
    stopped = true
    clearInterval(handle)
    await running
  }
}
