/**
 * A kill -9 under load loses no acknowledged transition. The real server runs as a child process
 * over a fresh data folder; a Pingnan department saves its tasks from many concurrent requests,
 * and the process is SIGKILLed while requests are still in flight. Every request that was answered
 * 200 must then be in the database (the SQLite file, or PostgreSQL on `npm run test:postgres`) — its `task_event` row, under the `X-Request-Id` the answer
 * carried, at the version the answer's ETag named — and every task's history must be whole.
 *
 * What this proves: nobody is answered before their transaction is committed (group commit
 * answers after the commit). A SIGKILL leaves the OS page cache intact, so it cannot tell
 * `synchronous=FULL` from `NORMAL`; sqlite-pragmas.test.ts checks that setting. On PostgreSQL the
 * database server survives the kill and rolls back the transactions the dead process left open.
 */
import { rmSync } from 'node:fs'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { auditCheckpointFile, readCheckpoints } from '../../server/audit/audit-checkpoint.ts'
import { loadAuditKey } from '../../server/audit/audit-key.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import type { Database } from '../../server/db/database.ts'
import { freezeMidFlight, killHard, login, startServer } from '../helpers/durability-server.ts'
import type { HttpSession, ServerProcess } from '../helpers/durability-server.ts'
import { expectHistoriesWhole } from '../helpers/durability-checks.ts'
import { demoDataFolder } from '../helpers/demo-data.ts'
import { databaseOf, openDatabase } from '../helpers/durability-db.ts'
import { TEST_DIALECT } from '../helpers/make-db.ts'

const NOW = '2018-04-02T09:00:00+08:00'
const USER = 'pingnan.county-finance-bureau'
const PASSWORD = 'luoshi-demo'
const IN_FLIGHT = 12
const LOAD_MS = 1500

interface Ack {
  requestId: string
  taskId: string
  version: number
}

let dataDir: string
let server: ServerProcess | undefined
let restarted: ServerProcess | undefined
let db: Kysely<Database> | undefined

beforeAll(async () => {
  dataDir = await demoDataFolder(NOW, 'luoshi-kill9-')
}, 300_000)

afterAll(async () => {
  await killHard(server)
  await killHard(restarted)
  await db?.destroy()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The user's Pingnan tasks, started, that accept a draft SAVE with the default form. */
async function startedTasks(session: HttpSession): Promise<string[]> {
  const list = await session.get('/api/tasks')
  expect(list.status).toBe(200)
  const { tasks } = (await list.json()) as { tasks: Array<{ id: string; state: string }> }
  const assigned = tasks.filter((task) => task.state === 'assigned').map((task) => task.id)
  expect(assigned.length).toBeGreaterThanOrEqual(3)
  const ids: string[] = []
  for (const id of assigned) {
    const started = await session.post(`/api/tasks/${id}/events`, { type: 'START' })
    expect(started.status, await started.clone().text()).toBe(200)
    const saved = await session.post(`/api/tasks/${id}/events`, {
      type: 'SAVE',
      data: { summary: 'probe' },
    })
    if (saved.status === 200) ids.push(id)
  }
  expect(ids.length).toBeGreaterThanOrEqual(3)
  return ids
}

it(
  'keeps every acknowledged SAVE after a SIGKILL under load, and comes back up on the same database',
  { timeout: 60_000 },
  async () => {
    server = await startServer({ dataDir, now: NOW })
    const session = await login(server.baseUrl, USER, PASSWORD)
    const taskIds = await startedTasks(session)

    const acks: Ack[] = []
    const refused: string[] = []
    let sent = 0
    let inFlight = 0
    let networkErrors = 0
    let stop = false

    const worker = async (offset: number): Promise<void> => {
      for (let n = offset; !stop; n++) {
        const taskId = taskIds[n % taskIds.length]!
        inFlight++
        sent++
        try {
          const response = await session.post(`/api/tasks/${taskId}/events`, {
            type: 'SAVE',
            data: { summary: `n${n}` },
          })
          // Acknowledged the moment the status line arrives; the body may be cut off by the kill.
          if (response.status === 200) {
            acks.push({
              requestId: response.headers.get('x-request-id') ?? '',
              taskId,
              version: Number((response.headers.get('etag') ?? '').replace(/"/g, '')),
            })
          } else {
            refused.push(`${response.status} ${await response.text().catch(() => '')}`)
          }
          await response.arrayBuffer().catch(() => undefined)
        } catch {
          networkErrors++
          return // the server is gone
        } finally {
          inFlight--
        }
      }
    }

    const workers = Array.from({ length: IN_FLIGHT }, (_, index) => worker(index))
    // ~1.5 s of load; longer (up to 8 s) on a slow machine, until there are enough writes to lose.
    const started = Date.now()
    while (Date.now() - started < LOAD_MS || (acks.length < 100 && Date.now() - started < 8000)) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await freezeMidFlight(
      server,
      { allWaiting: () => inFlight >= IN_FLIGHT, sent: () => sent },
      started + 10_000,
    )
    const inFlightAtKill = inFlight
    const ackedAtKill = acks.length
    process.kill(server.pid, 'SIGKILL')
    stop = true
    await Promise.all(workers)
    const exit = await server.exited
    expect(exit.signal).toBe('SIGKILL')

    // The test is only meaningful if there was real load and the kill landed mid-flight.
    expect(ackedAtKill).toBeGreaterThan(50)
    expect(inFlightAtKill).toBeGreaterThan(0)
    expect(networkErrors).toBeGreaterThan(0) // some requests were cut off, never answered
    expect(refused).toEqual([])
    for (const ack of acks) {
      expect(ack.requestId).toMatch(/\S/)
      expect(Number.isInteger(ack.version)).toBe(true)
    }
    expect(new Set(acks.map((ack) => ack.requestId)).size).toBe(acks.length)

    db = await openDatabase(databaseOf(dataDir))
    // SQLite's own check of the file the killed process wrote; PostgreSQL keeps its files itself.
    if (TEST_DIALECT === 'sqlite') {
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
      expect(integrity.rows.map((row) => row.integrity_check)).toEqual(['ok'])
    }

    // Every acknowledged request id has its event, on its task, at the version it was told.
    const found = new Map<string, Array<{ task_id: string; seq: number; type: string }>>()
    for (let index = 0; index < acks.length; index += 500) {
      const ids = acks.slice(index, index + 500).map((ack) => ack.requestId)
      const rows = await db
        .selectFrom('task_event')
        .select(['request_id', 'task_id', 'seq', 'type'])
        .where('request_id', 'in', ids)
        .execute()
      for (const row of rows)
        found.set(row.request_id!, [...(found.get(row.request_id!) ?? []), row])
    }
    const lost = acks.filter((ack) => !found.has(ack.requestId))
    expect(
      lost,
      `${lost.length} of ${acks.length} acknowledged writes are missing after kill -9`,
    ).toEqual([])
    const wrong = acks.filter((ack) => {
      const rows = found.get(ack.requestId)!
      return (
        rows.length !== 1 ||
        rows[0]!.task_id !== ack.taskId ||
        rows[0]!.seq !== ack.version - 1 ||
        rows[0]!.type !== 'SAVE'
      )
    })
    expect(wrong).toEqual([])

    // Each task is at least at the highest version it acknowledged, with one event per version step.
    const tasks = await db
      .selectFrom('task')
      .select(['id', 'version', 'state'])
      .where('id', 'in', taskIds)
      .execute()
    for (const task of tasks) {
      const highest = Math.max(
        0,
        ...acks.filter((ack) => ack.taskId === task.id).map((ack) => ack.version),
      )
      expect(task.version).toBeGreaterThanOrEqual(highest)
      expect(task.state).toBe('in_progress')
    }
    await expectHistoriesWhole(db)

    // Committed but never answered: at most the requests that were cut off.
    const saves = await db
      .selectFrom('task_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('task_id', 'in', taskIds)
      .where('type', '=', 'SAVE')
      .executeTakeFirstOrThrow()
    const unanswered = Number(saves.n) - taskIds.length /* probes */ - acks.length
    expect(unanswered).toBeGreaterThanOrEqual(0)
    expect(unanswered).toBeLessThanOrEqual(sent - acks.length)

    // The audit chain survived too: intact, with an audit row for every SAVE.
    // Keyed with the key the server made in its data folder, and checked against its checkpoints.
    const { key } = loadAuditKey({ dataDir, env: {} })
    const chain = await verifyAuditChains(db, {
      key,
      checkpoints: readCheckpoints(auditCheckpointFile(dataDir, {}), key),
    })
    expect(chain).toMatchObject({ ok: true })
    const audited = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'task.save')
      .executeTakeFirstOrThrow()
    expect(Number(audited.n)).toBe(Number(saves.n))

    const versions = new Map(tasks.map((task) => [task.id, task.version]))
    await db.destroy()
    db = undefined

    // The server starts again on the killed database and serves exactly what it holds.
    restarted = await startServer({ dataDir, now: NOW })
    const again = await login(restarted.baseUrl, USER, PASSWORD)
    for (const id of taskIds) {
      const response = await again.get(`/api/tasks/${id}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('etag')).toBe(`"${versions.get(id)}"`)
    }
    const more = await again.post(`/api/tasks/${taskIds[0]}/events`, {
      type: 'SAVE',
      data: { summary: 'after restart' },
    })
    expect(more.status).toBe(200)
    expect(more.headers.get('etag')).toBe(`"${versions.get(taskIds[0]!)! + 1}"`)
    restarted.child.kill('SIGTERM')
    expect(await restarted.exited).toEqual({ code: 0, signal: null })
  },
)
