/**
 * A client that lost its answer in a crash retries with the same Idempotency-Key: the write is
 * done exactly once. The key is recorded in the same transaction as the work, so after a kill -9
 * either both are on disk (the retry replays the answer) or neither is (the retry does the work).
 * On SQLite, or PostgreSQL on `npm run test:postgres`.
 */
import { freezeMidFlight, killHard, login, startServer } from '../helpers/durability-server.ts'
import type { ServerProcess } from '../helpers/durability-server.ts'
import { demoDataFolder } from '../helpers/demo-data.ts'
import { databaseOf, openDatabase } from '../helpers/durability-db.ts'

const NOW = '2018-04-02T09:00:00+08:00'

describe('Idempotency-Key across a kill -9', () => {
  let server: ServerProcess | undefined

  afterAll(async () => {
    await killHard(server)
  })

  it('applies every retried write once', async () => {
    const dataDir = await demoDataFolder(NOW, 'luoshi-idem-')
    server = await startServer({ dataDir, now: NOW })
    let session = await login(server.baseUrl, 'pingnan.county-finance-bureau', 'luoshi-demo')
    const { tasks } = (await (await session.get('/api/tasks')).json()) as {
      tasks: Array<{ id: string }>
    }
    const ids = tasks.map((task) => task.id)
    for (const id of ids) await session.post(`/api/tasks/${id}/events`, { type: 'START' })

    const sent = new Map<string, { taskId: string; acked: boolean }>()
    let stop = false
    let waiting = 0
    const workers = Array.from({ length: 12 }, async (_, worker) => {
      for (let n = worker; !stop; n += 12) {
        const key = `k${n}`
        const taskId = ids[n % ids.length]!
        sent.set(key, { taskId, acked: false })
        waiting++
        try {
          const response = await session.post(
            `/api/tasks/${taskId}/events`,
            { type: 'SAVE', data: { summary: key } },
            { 'idempotency-key': key },
          )
          await response.arrayBuffer()
          if (response.status === 200) sent.get(key)!.acked = true
        } catch {
          return // the connection died with the server
        } finally {
          waiting--
        }
      }
    })
    // ~1.5 s of load; longer on a busy machine (up to 15 s), until there are enough writes to lose.
    const started = Date.now()
    while (Date.now() - started < 1500 || (sent.size <= 50 && Date.now() - started < 15_000))
      await new Promise((resolve) => setTimeout(resolve, 20))
    await freezeMidFlight(
      server,
      { allWaiting: () => waiting >= 12, sent: () => sent.size },
      started + 20_000,
    )
    process.kill(server.pid, 'SIGKILL')
    stop = true
    await Promise.all(workers)
    await server.exited

    const unacknowledged = [...sent].filter(([, entry]) => !entry.acked)
    expect(sent.size).toBeGreaterThan(50)
    expect(unacknowledged.length).toBeGreaterThan(0)

    server = await startServer({ dataDir, now: NOW })
    session = await login(server.baseUrl, 'pingnan.county-finance-bureau', 'luoshi-demo')
    for (const [key, entry] of unacknowledged) {
      const retry = await session.post(
        `/api/tasks/${entry.taskId}/events`,
        { type: 'SAVE', data: { summary: key } },
        { 'idempotency-key': key },
      )
      expect(retry.status).toBe(200)
    }
    await killHard(server)
    server = undefined

    const db = await openDatabase(databaseOf(dataDir))
    const events = await db
      .selectFrom('task_event')
      .select('payload')
      .where('type', '=', 'SAVE')
      .execute()
    await db.destroy()
    const counts = new Map<string, number>()
    for (const event of events) {
      const key = (JSON.parse(event.payload) as { data: { summary: string } }).data.summary
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    expect([...counts].filter(([, count]) => count > 1)).toEqual([])
    for (const [key, entry] of sent) if (entry.acked) expect(counts.get(key)).toBe(1)
    for (const [key] of unacknowledged) expect(counts.get(key)).toBe(1)
  }, 300_000)
})
