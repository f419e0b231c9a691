/**
 * Durable transitions through HTTP: the real server in its own process (demo data, SQLite with
 * WAL and synchronous=FULL, group commit), a load generator here sending SAVE events — each one
 * a state change written to disk before it is acknowledged.
 *
 * Two runs: as fast as it goes with many requests in flight (throughput, target ≥ 5,000/s), and
 * a steady 1,000 requests/s (latency, target p99 ≤ 25 ms); then a third, sampled by the server's
 * own profiler, that shows where a request's CPU goes by stage (cpu-stages.ts). Then the same load
 * against an empty HTTP server, and the disk's durable commits, so that the figures can be read
 * against the machine they came from (machine-ceiling.ts).
 */
import { spawn } from 'node:child_process'
import http from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { cpuByStage } from './cpu-stages.ts'
import { inspectorAddress, inspectorProfiler } from './inspector-profile.ts'
import { againstEmptyServer, durableCommitsPerSecond } from './machine-ceiling.ts'

const PORT = 18787 + Math.floor(Math.random() * 1000)
const BASE = `http://127.0.0.1:${PORT}`

interface Session {
  cookie: string
  csrf: string
}

async function waitForServer(child: ReturnType<typeof spawn>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the server did not start within 120 s')),
      120_000,
    )
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('luoshi 已启动')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)))
  })
}

async function login(username: string): Promise<Session> {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'luoshi-demo' }),
  })
  const body = (await response.json()) as { csrfToken: string }
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken }
}

// A plain keep-alive agent: the load generator shares the machine with the server, so it should
// spend as little CPU per request as it can (undici's fetch costs several times more).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** Sends an event; answers the status and the answer's size in bytes. */
function event(
  session: Session,
  taskId: string,
  body: object,
  base = BASE,
): Promise<{ status: number; bytes: number }> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
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
        },
      },
      (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => (bytes += chunk.length))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }))
      },
    )
    request.on('error', reject)
    request.end(payload)
  })
}

/** An event whose transport failure counts as a failed request (status 0), not a crash. */
async function tryEvent(
  session: Session,
  taskId: string,
  body: object,
  base = BASE,
): Promise<number> {
  try {
    return (await event(session, taskId, body, base)).status
  } catch {
    return 0
  }
}

/**
 * CPU time the server process has used, in ms (user + system, from /proc on Linux; 0 elsewhere):
 * per request, it holds still when the machine is busy with other work, as latencies do not.
 */
function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return 0
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}

/** Keeps `concurrency` requests in flight for `seconds` (to the server at `base`). */
async function closedLoop(
  sessions: Array<{ session: Session; tasks: string[] }>,
  concurrency: number,
  seconds: number,
  base = BASE,
) {
  const latencies: number[] = []
  let failures = 0
  const end = performance.now() + seconds * 1000
  let n = 0
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const { session, tasks } = sessions[worker % sessions.length]!
      while (performance.now() < end) {
        const task = tasks[n++ % tasks.length]!
        const start = performance.now()
        const status = await tryEvent(
          session,
          task,
          { type: 'SAVE', data: { summary: `草稿 ${n}` } },
          base,
        )
        latencies.push(performance.now() - start)
        if (status !== 200) failures++
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  return {
    count: latencies.length,
    failures,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  }
}

/** Sends at a fixed rate, whatever the answers' speed (open loop), for `seconds`. */
async function openLoop(
  sessions: Array<{ session: Session; tasks: string[] }>,
  rate: number,
  seconds: number,
) {
  const latencies: number[] = []
  let failures = 0
  const total = rate * seconds
  const start = performance.now()
  const inflight: Promise<void>[] = []
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 1) await sleep(wait)
    const { session, tasks } = sessions[i % sessions.length]!
    const task = tasks[i % tasks.length]!
    inflight.push(
      (async () => {
        const sent = performance.now()
        const status = await tryEvent(session, task, {
          type: 'SAVE',
          data: { summary: `草稿 ${i}` },
        })
        latencies.push(performance.now() - sent)
        if (status !== 200) failures++
      })(),
    )
  }
  await Promise.all(inflight)
  const elapsed = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  return {
    count: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  }
}

export async function benchHttpTransitions(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-bench-http-'))
  const child = spawn(
    process.execPath,
    // The inspector stays idle until the last phase, which it samples (inspector-profile.ts).
    ['--inspect=127.0.0.1:0', 'server/main.ts'],
    {
      env: {
        ...process.env,
        PORT: String(PORT),
        LUOSHI_DATA: dataDir,
        LUOSHI_NOW: '2018-04-02T09:00:00+08:00',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const inspector = inspectorAddress(child.stderr)
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString()
    if (!/Debugger listening|For help, see|Debugger attached|Waiting for the debugger/.test(text))
      process.stderr.write(text)
  })
  try {
    await waitForServer(child)
    const users = [
      'pingnan.county-finance-bureau',
      'pingnan.county-health-bureau',
      'pingnan.county-reform-office',
      'pingnan.county-hrss-bureau',
    ]
    const sessions: Array<{ session: Session; tasks: string[] }> = []
    for (const username of users) {
      const session = await login(username)
      const inbox = (await (
        await fetch(`${BASE}/api/tasks`, { headers: { cookie: session.cookie } })
      ).json()) as { tasks: Array<{ id: string; state: string }> }
      const tasks = inbox.tasks.filter((task) => task.state === 'assigned').map((task) => task.id)
      for (const task of tasks) await event(session, task, { type: 'START' })
      sessions.push({ session, tasks })
    }
    const { session, tasks } = sessions[0]!
    const answerBytes = (
      await event(session, tasks[0]!, { type: 'SAVE', data: { summary: '草稿' } })
    ).bytes
    await closedLoop(sessions, 32, 2) // warm-up
    let cpu = serverCpuMs(child.pid)
    const burst = await closedLoop(sessions, 64, 8)
    const burstCpu = (serverCpuMs(child.pid) - cpu) / burst.count
    cpu = serverCpuMs(child.pid)
    const steady = await openLoop(sessions, 1000, 8)
    const steadyCpu = (serverCpuMs(child.pid) - cpu) / steady.count
    // Where a request's CPU goes: a third run at half the steady rate, sampled.
    const profiler = await inspectorProfiler(await inspector)
    await profiler.start()
    const profiled = await openLoop(sessions, 500, 4)
    const profile = await profiler.stop()
    // BENCH_PROFILE=<file> keeps the sampled profile, to open in Chrome's DevTools.
    if (process.env.BENCH_PROFILE) writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile))
    const stages = cpuByStage(profile)
    const empty = await againstEmptyServer(PORT + 1, answerBytes, async (base) => {
      await closedLoop(sessions, 32, 1, base) // warm-up
      return closedLoop(sessions, 64, 4, base)
    })
    const commits = durableCommitsPerSecond(tmpdir())
    const profiledMs = [...stages.values()].reduce((sum, ms) => sum + ms, 0)
    const row = (name: string, r: typeof burst, perRequest: number, verdict: string) =>
      `${name.padEnd(48)} ${r.perSecond.toFixed(0).padStart(6)}/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   server cpu ${perRequest.toFixed(2)} ms/req   (${r.count} requests, ${r.failures} failed)  ${verdict}`
    return [
      '',
      'Durable transitions through HTTP (server in its own process, SQLite WAL + synchronous=FULL, group commit)',
      `This machine's ceiling: an empty Node HTTP server (own process, same load generator, 64 in flight, ${answerBytes}-byte answers) ${empty.perSecond.toFixed(0)}/s; durable single-row SQLite commits ${commits.toFixed(0)}/s`,
      row(
        '64 in flight, as fast as it goes',
        burst,
        burstCpu,
        `${burst.perSecond >= 5000 ? '✓ ≥ 5,000/s' : '✗ target 5,000/s'}; ${((100 * burst.perSecond) / empty.perSecond).toFixed(0)} % of the empty server`,
      ),
      row(
        'steady 1,000 requests/s',
        steady,
        steadyCpu,
        steady.p99 <= 25 ? '✓ p99 ≤ 25 ms' : '✗ target p99 25 ms',
      ),
      `Server CPU per request by stage (${profiled.count} requests at 500/s, sampled every 100 µs; the sampling itself slows the server):`,
      ...[...stages]
        .filter(([, ms]) => ms > 0)
        .map(
          ([stage, ms]) =>
            `  ${stage.padEnd(20)} ${(ms / profiled.count).toFixed(3).padStart(7)} ms/req  ${((100 * ms) / profiledMs).toFixed(1).padStart(5)} %`,
        ),
      `  ${'total'.padEnd(20)} ${(profiledMs / profiled.count).toFixed(3).padStart(7)} ms/req`,
    ]
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('http-transitions.bench.ts')) {
  for (const line of await benchHttpTransitions()) console.log(line)
}
