/**
 * @module The order a stopping server closes things in (SIGTERM, SIGINT): the HTTP server first
 * (stop accepting, drain the requests in flight), then the group committer (commit what is
 * queued, refuse the rest with 503), then the scheduler and the checkpointer, and the database
 * last, when nothing can use it any more.
 */
import type { Kysely } from 'kysely'
import type { Database } from './db/database.ts'
import type { GroupCommitter } from './db/group-commit.ts'
import type { RequestDrain } from './http/drain-server.ts'

/** How long a stop waits for requests in flight (ms); `LUOSHI_SHUTDOWN_MS` overrides it. */
export const DEFAULT_DRAIN_MS = 10_000

export interface RunningServer {
  requests: RequestDrain
  writes: GroupCommitter
  stopScheduler: () => Promise<void>
  db: Kysely<Database>
  reads: Kysely<Database>
  stopCheckpointer: () => Promise<void>
}

/**
 * Stops a running server in order; never throws (a step that fails is logged and the next runs).
 * @returns how many requests were still running when the wait ran out.
 */
export async function stopServer(
  parts: RunningServer,
  options: { drainMs?: number; log?: (line: string) => void } = {},
): Promise<{ abandoned: number }> {
  const log = options.log ?? console.log
  const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS
  log(
    `luoshi 正在停止 / stopping: ${parts.requests.inFlight()} request(s) in flight, waiting up to ${drainMs} ms`,
  )
  const step = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run()
    } catch (error) {
      console.error(`shutdown: ${what}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  let abandoned = 0
  await step('drain requests', async () => ({ abandoned } = await parts.requests.drain(drainMs)))
  if (abandoned > 0)
    log(`luoshi: ${abandoned} request(s) still running after ${drainMs} ms were cut off`)
  await step('group commit', () => parts.writes.close())
  await step('scheduler', () => parts.stopScheduler())
  await step('database', () => parts.db.destroy())
  if (parts.reads !== parts.db) await step('read connection', () => parts.reads.destroy())
  await step('checkpointer', () => parts.stopCheckpointer())
  log('luoshi 已停止 / stopped')
  return { abandoned }
}
