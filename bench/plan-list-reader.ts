/**
 * What a person waits for while heavy work runs: the app over a bench's database, served on a
 * port of its own, and a user who reads the plan list over HTTP from another thread, one request
 * after another (test/helpers/reads-meanwhile.ts). `during(work)` runs the work and answers how
 * long each read that waited on it took; `waitLine` says it in one line.
 */
import { dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import { createApp } from '../server/app.ts'
import type { SimulatedClock } from '../server/clock.ts'
import { createDb } from '../server/db/create-db.ts'
import { listen } from '../server/http/listen.ts'
import type { Database } from '../server/db/database.ts'
import type { GroupCommitter } from '../server/db/group-commit.ts'
import { readWhile } from '../test/helpers/reads-meanwhile.ts'
import { loginAs } from '../test/helpers/test-app.ts'

export async function planListReader(options: {
  db: Kysely<Database>
  file: string
  writes: GroupCommitter
  clock: SimulatedClock
}) {
  const { db, file, writes, clock } = options
  const reads = await createDb({ kind: 'sqlite', file })
  const app = createApp({ db, reads, clock, writes, files: join(dirname(file), 'attachments') })
  const { server, address } = listen(app.fetch, { port: 0, hostname: '127.0.0.1' })
  const reader = await loginAs({ app, db, file, clock, writes }, 'bench-reader', {
    roles: ['admin'],
  })
  const url = `http://127.0.0.1:${(await address).port}/api/plans`
  return {
    /** Runs `work` while the plan list is read: its value, and each read's wait (ms, sorted). */
    async during<T>(work: () => Promise<T>): Promise<{ value: T; waits: number[] }> {
      const { value, waited } = await readWhile(url, { cookie: reader.cookie }, work)
      if (waited.some((read) => read.status !== 200))
        throw new Error('a read of the plan list failed while the work ran')
      const waits = waited.map((read) => read.answered - read.sent).sort((a, b) => a - b)
      return { value, waits }
    },
    /** Stops serving and closes the reader's connection; again, does nothing. */
    async close(): Promise<void> {
      if (!server.listening) return
      await new Promise((resolve) => server.close(resolve))
      await reads.destroy()
    },
  }
}

const percentile = (sorted: readonly number[], p: number): number | undefined =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]

const ms = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)} ms`)

/** `reads of the plan list meanwhile   382 waited on it; wait p50 …, p99 …, longest …`. */
export function waitLine(label: string, waits: readonly number[]): string {
  return `${label.padEnd(48)} ${waits.length} waited on it; wait p50 ${ms(percentile(waits, 0.5))}, p99 ${ms(percentile(waits, 0.99))}, longest ${ms(waits.at(-1))}`
}
