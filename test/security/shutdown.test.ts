/**
 * SIGTERM under load: the real server as a child process, a department saving its tasks from
 * many concurrent requests, and a SIGTERM while they are in flight. The server stops accepting,
 * answers what it has, flushes the group committer and only then closes the database: no client
 * ever gets a 500 (before, 8–13 per shutdown said "driver has already been destroyed"), every
 * request answered 200 is in the file after a restart, and the process exits 0.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter, WritesClosedError } from '../../server/db/group-commit.ts'
import { killHard, login, startServer } from '../helpers/durability-server.ts'
import type { HttpSession, ServerProcess } from '../helpers/durability-server.ts'
import { expectHistoriesWhole } from '../helpers/durability-checks.ts'
import { makeDb } from '../helpers/make-db.ts'
import { demoDataFolder } from '../helpers/demo-data.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

const NOW = '2018-04-02T09:00:00+08:00'
const USER = 'pingnan.county-finance-bureau'
const PASSWORD = 'luoshi-demo'
const CONCURRENCY = 12

let dataDir: string
let server: ServerProcess | undefined
let restarted: ServerProcess | undefined
let db: Kysely<Database> | undefined

beforeAll(async () => {
  dataDir = await demoDataFolder(NOW, 'luoshi-shutdown-')
}, 90_000)

afterAll(async () => {
  await killHard(server)
  await killHard(restarted)
  await db?.destroy()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The user's Pingnan tasks, started, that accept a draft SAVE. */
async function startedTasks(session: HttpSession): Promise<string[]> {
  const list = await session.get('/api/tasks')
  const { tasks } = (await list.json()) as { tasks: Array<{ id: string; state: string }> }
  const ids: string[] = []
  for (const task of tasks.filter((each) => each.state === 'assigned')) {
    await session.post(`/api/tasks/${task.id}/events`, { type: 'START' })
    const saved = await session.post(`/api/tasks/${task.id}/events`, {
      type: 'SAVE',
      data: { summary: 'probe' },
    })
    if (saved.status === 200) ids.push(task.id)
  }
  expect(ids.length).toBeGreaterThanOrEqual(3)
  return ids
}

describe('SIGTERM', () => {
  it(
    'drains in-flight writes, answers no 500, keeps every acknowledged write and exits 0',
    { timeout: 90_000 },
    async () => {
      server = await startServer({ dataDir, now: NOW })
      const session = await login(server.baseUrl, USER, PASSWORD)
      const taskIds = await startedTasks(session)

      const acks: Array<{ requestId: string; taskId: string; version: number }> = []
      const statuses = new Map<number, number>()
      const bodies: string[] = []
      let inFlight = 0
      let stop = false
      const worker = async (offset: number): Promise<void> => {
        for (let n = offset; !stop; n += CONCURRENCY) {
          const taskId = taskIds[n % taskIds.length]!
          inFlight++
          try {
            const response = await session.post(`/api/tasks/${taskId}/events`, {
              type: 'SAVE',
              data: { summary: `n${n}` },
            })
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
            const text = await response.text()
            if (response.status === 200) {
              acks.push({
                requestId: response.headers.get('x-request-id') ?? '',
                taskId,
                version: Number((response.headers.get('etag') ?? '').replace(/"/g, '')),
              })
            } else {
              bodies.push(`${response.status} ${text}`)
            }
          } catch {
            return // connection refused or closed: the server has stopped accepting
          } finally {
            inFlight--
          }
        }
      }
      const workers = Array.from({ length: CONCURRENCY }, (_, index) => worker(index))
      const started = Date.now()
      while (acks.length < 200 && Date.now() - started < 15_000)
        await new Promise((resolve) => setTimeout(resolve, 20))
      const inFlightAtSignal = inFlight
      const ackedAtSignal = acks.length
      process.kill(server.pid, 'SIGTERM')
      const exit = await server.exited
      stop = true
      await Promise.all(workers)

      expect(inFlightAtSignal).toBeGreaterThan(0)
      expect(
        acks.length,
        'requests in flight at the signal were answered, not cut off',
      ).toBeGreaterThan(ackedAtSignal)
      expect(exit).toEqual({ code: 0, signal: null })
      expect(server.output()).not.toContain('destroyed')
      expect(server.output()).not.toMatch(/"level":"error"/)
      // Refusals while stopping are 503 in the one error shape; never a 500.
      expect(statuses.get(500) ?? 0).toBe(0)
      for (const body of bodies)
        expect(body).toMatch(
          /^503 \{"error":\{"code":"shutting-down","message":\{"zh":".+","en":".+"\}/,
        )

      db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
      const ids = acks.map((ack) => ack.requestId)
      const found = new Set<string>()
      for (let index = 0; index < ids.length; index += 500) {
        const rows = await db
          .selectFrom('task_event')
          .select('request_id')
          .where('request_id', 'in', ids.slice(index, index + 500))
          .execute()
        for (const row of rows) found.add(row.request_id!)
      }
      expect(
        ids.filter((id) => !found.has(id)),
        'acknowledged writes missing after SIGTERM',
      ).toEqual([])
      await expectHistoriesWhole(db)
      await db.destroy()
      db = undefined

      restarted = await startServer({ dataDir, now: NOW })
      const again = await login(restarted.baseUrl, USER, PASSWORD)
      const more = await again.post(`/api/tasks/${taskIds[0]}/events`, {
        type: 'SAVE',
        data: { summary: 'after restart' },
      })
      expect(more.status).toBe(200)
      restarted.child.kill('SIGTERM')
      expect(await restarted.exited).toEqual({ code: 0, signal: null })
    },
  )
})

describe('GroupCommitter.close()', () => {
  it('commits the writes already queued, then refuses new ones', async () => {
    const { db: local } = await makeDb()
    const writes = new GroupCommitter(local)
    const queued = Array.from({ length: 5 }, (_, index) =>
      writes.run((trx) =>
        trx
          .insertInto('idempotency')
          .values({
            user_id: 'u',
            key: `k${index}`,
            request_hash: 'h',
            status: 200,
            response: '{}',
            created_at: NOW,
          })
          .execute(),
      ),
    )
    await writes.close()
    await Promise.all(queued)
    await expect(writes.run(async () => 1)).rejects.toBeInstanceOf(WritesClosedError)
    const rows = await local
      .selectFrom('idempotency')
      .select('key')
      .where('user_id', '=', 'u')
      .execute()
    expect(rows).toHaveLength(5)
    await local.destroy()
  })
})

describe('a write after the group committer closed', () => {
  it('is answered 503 shutting-down with Retry-After, in the one error shape, and saves nothing', async () => {
    const t = await makeTestApp()
    const { planId } = await startBundledPlan(t, 'pingnan')
    const id = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId: 'pingnan-medical-alliance', unitId: 'county-finance-bureau' }],
    })
    await t.writes.close()
    const response = await finance.post(`/api/tasks/${id}/events`, { type: 'START' })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    const body = (await response.json()) as { error: { code: string; message: LocalizedText } }
    expect(body.error.code).toBe('shutting-down')
    expect(body.error.message.zh).toMatch(/未保存/)
    expect(body.error.message.en).toMatch(/did not save/)
    expect(
      await t.db
        .selectFrom('task')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ version: 1 })
    await t.db.destroy()
  })
})
