/**
 * Two real server processes on one PostgreSQL database: started together on an empty database
 * (one prepares it under the start-up lock, the other waits and goes on), both serve; a file
 * uploaded through one is downloaded through the other.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { killHard, login, startServer } from '../helpers/durability-server.ts'
import type { ServerProcess } from '../helpers/durability-server.ts'
import { startPostgres } from '../helpers/postgres.ts'
import type { TestPostgres } from '../helpers/postgres.ts'

const AUDIT_KEY = 'a'.repeat(64)

describe('two server processes on one PostgreSQL database', () => {
  let pg: TestPostgres
  let root: string
  const servers: ServerProcess[] = []

  beforeAll(async () => {
    pg = await startPostgres('luoshi_two')
    root = mkdtempSync(join(tmpdir(), 'luoshi-two-'))
  }, 60_000)

  afterAll(async () => {
    for (const server of servers) await killHard(server)
    await pg?.stop()
    rmSync(root, { recursive: true, force: true })
  })

  it('both start at once on an empty database and both serve the demo', async () => {
    const start = (name: string) =>
      startServer({
        dataDir: join(root, name),
        timeoutMs: 150_000,
        env: { LUOSHI_DATABASE_URL: pg.url, LUOSHI_AUDIT_KEY: AUDIT_KEY },
      })
    servers.push(...(await Promise.all([start('a'), start('b')])))
    for (const server of servers) {
      const session = await login(server.baseUrl, 'admin', 'luoshi-demo')
      expect((await session.get('/api/plans')).status).toBe(200)
      expect(server.alive()).toBe(true)
    }
  }, 300_000)

  it('a file uploaded through one process downloads through the other', async () => {
    const [a, b] = servers
    const uploader = await login(a!.baseUrl, 'admin', 'luoshi-demo')
    const bytes = Buffer.from('佐证材料 '.repeat(50_000))
    const uploaded = await fetch(`${a!.baseUrl}/api/attachments`, {
      method: 'POST',
      headers: {
        cookie: uploader.cookie,
        'x-csrf-token': uploader.csrfToken,
        'content-type': 'text/plain',
        'x-filename': encodeURIComponent('说明.txt'),
      },
      body: bytes,
    })
    expect(uploaded.status).toBe(201)
    const { id } = (await uploaded.json()) as { id: string }
    const reader = await login(b!.baseUrl, 'admin', 'luoshi-demo')
    const downloaded = await reader.get(`/api/attachments/${id}`)
    expect(downloaded.status).toBe(200)
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(bytes)).toBe(true)
  }, 60_000)
})
