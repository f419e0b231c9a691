/**
 * The real server as a child process, for the durability tests: `node server/main.ts`
 * on a data folder of the test's choosing, on a port the OS picks (PORT=0; the port is read back
 * from the start-up line), loopback only. Also a minimal HTTP client with the session cookie and
 * the CSRF token.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { databaseEnv } from './durability-db.ts'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  pid: number
  baseUrl: string
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  alive(): boolean
}

/** An environment for a child: the parent's, minus anything that would point it elsewhere. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(env)) if (key.startsWith('LUOSHI_')) delete env[key]
  return { ...env, ...extra }
}

/**
 * Spawns `server/main.ts` and resolves once it logs "luoshi 已启动" with its address. On the
 * PostgreSQL run a data folder bound to a database (durability-db.ts) runs the server on it.
 */
export async function startServer(options: {
  dataDir: string
  now?: string
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: ROOT,
    env: childEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      LUOSHI_DATA: options.dataDir,
      ...databaseEnv(options.dataDir),
      ...(options.now ? { LUOSHI_NOW: options.now } : {}),
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal }
      resolve(exit)
    })
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const timeoutMs = options.timeoutMs ?? 40_000
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const match = /luoshi 已启动 \/ started: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(
        new Error(`the server exited before starting (code ${code}, signal ${signal}):\n${output}`),
      )
    })
  })
  return {
    child,
    pid: child.pid!,
    baseUrl,
    output: () => output,
    exited,
    alive: () => exit === undefined,
  }
}

/** SIGKILLs the process if it is still running and waits for it to be gone. */
export async function killHard(server: ServerProcess | undefined): Promise<void> {
  if (!server) return
  if (server.alive()) server.child.kill('SIGKILL')
  await server.exited
}

/**
 * Freezes the server wherever it is (SIGSTOP), as a kill would find it, then waits until every
 * client waits on an answer (`allWaiting()`) and no request has been sent for 200 ms (`sent()`, a
 * count that grows with each): answers the server wrote before it froze have then all been read,
 * and a SIGKILL sent now cuts every request still waiting. Killed at once, a server that had
 * answered every request, its answers unread by a busy test process, would cut none. Gives up at
 * `deadline` (ms since the epoch).
 */
export async function freezeMidFlight(
  server: ServerProcess,
  clients: { allWaiting: () => boolean; sent: () => number },
  deadline: number,
): Promise<void> {
  process.kill(server.pid, 'SIGSTOP')
  let sent = clients.sent()
  let since = Date.now()
  while (Date.now() < deadline) {
    if (clients.sent() !== sent) {
      sent = clients.sent()
      since = Date.now()
    } else if (clients.allWaiting() && Date.now() - since >= 200) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A logged-in HTTP client against a running server. */
export interface HttpSession {
  baseUrl: string
  cookie: string
  csrfToken: string
  get(path: string): Promise<Response>
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>
}

/** Logs in through POST /api/auth/login. */
export async function login(
  baseUrl: string,
  username: string,
  password: string,
): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200)
    throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`)
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  return {
    baseUrl,
    cookie,
    csrfToken,
    get: (path) => fetch(`${baseUrl}${path}`, { headers: { cookie } }),
    post: (path, body, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie,
          'x-csrf-token': csrfToken,
          ...headers,
        },
        body: JSON.stringify(body),
      }),
  }
}

/** A scheduler child process (durability-scheduler-child.ts), waiting for `go()`. */
export interface SchedulerProcess {
  child: ChildProcess
  ready: Promise<void>
  go(): void
  /** The run's result, or a rejection with the output if the process ends without one. */
  result: Promise<{ fired: number; skipped: number }>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  output(): string
}

export function spawnScheduler(
  file: string,
  instant: string,
  owner: string,
  batch: number,
): SchedulerProcess {
  const child = spawn(
    process.execPath,
    ['test/helpers/durability-scheduler-child.ts', file, instant, owner, String(batch)],
    {
      cwd: ROOT,
      env: childEnv({}),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const lines: string[] = []
  const waiters: Array<() => void> = []
  let buffer = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
    buffer += chunk
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    lines.push(...parts)
    waiters.splice(0).forEach((wake) => wake())
  })
  const line = (match: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(match)
        if (found !== undefined) return resolve(found)
        waiters.push(check)
      }
      void exited.then(({ code, signal }) =>
        reject(
          new Error(
            `scheduler ${owner} ended (code ${code}, signal ${signal}) without the line:\n${output}`,
          ),
        ),
      )
      check()
    })
  const ready = line((l) => l === 'ready').then(() => undefined)
  const result = line((l) => l.startsWith('{')).then(
    (l) => JSON.parse(l) as { fired: number; skipped: number },
  )
  // Whoever does not wait for one of these must not see an unhandled rejection.
  ready.catch(() => undefined)
  result.catch(() => undefined)
  return { child, ready, go: () => child.stdin.write('go\n'), result, exited, output: () => output }
}
