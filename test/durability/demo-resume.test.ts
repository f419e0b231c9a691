/**
 * A first `npm start` killed (SIGKILL) while it drives an ended plan's history: the next start
 * carries the history on from where it stopped and closes the plan, and the demo ends up whole —
 * one plan per bundled policy, the ended ones closed, one 演示 plan, one extension — with nothing
 * started twice. Real server processes on a real data folder (and, on `npm run test:postgres`, a
 * PostgreSQL database).
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { ROOT, childEnv, killHard, startServer } from '../helpers/durability-server.ts'
import {
  databaseEnv,
  databaseOf,
  newDataFolder,
  openDatabase,
  SLOWER,
} from '../helpers/durability-db.ts'
import { allPolicyFiles } from '../helpers/policy-files.ts'

/** A day after the end of every bundled plan's stated period. */
const NOW = '2026-12-07T09:00:00+08:00'

/** Reads the folder's database (beside a running writer: SQLite's WAL allows it). */
async function read<T>(ref: string, query: string): Promise<T[]> {
  const db = await openDatabase(ref)
  try {
    return (await sql.raw<T>(query).execute(db)).rows
  } finally {
    await db.destroy()
  }
}

/** A count query's answer (PostgreSQL answers count(*) as a string). */
async function count(ref: string, query: string): Promise<number> {
  const [row] = await read<{ n: number | string }>(ref, query)
  return Number(row!.n)
}

describe('a first start killed half-way through the demo’s history', () => {
  it(
    'is carried on by the next start: ended plans closed once, the 演示 plan started once',
    async () => {
      const dataDir = await newDataFolder('luoshi-demo-resume-')
      const file = databaseOf(dataDir)
      const child = spawn(process.execPath, ['server/main.ts'], {
        cwd: ROOT,
        env: childEnv({
          PORT: '0',
          LUOSHI_DATA: dataDir,
          LUOSHI_NOW: NOW,
          ...databaseEnv(dataDir),
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
      const exited = new Promise((resolve) => child.once('exit', resolve))
      // Killed once a simulated history has steps written, before the server is ready.
      for (;;) {
        if (/已启动 \/ started/.test(output))
          throw new Error(`started before it was killed:\n${output}`)
        if (output.includes('模拟历史')) {
          if ((await count(file, 'select count(*) as n from task_event')) > 50) break
        }
        await sleep(50)
      }
      child.kill('SIGKILL')
      await exited
      const halfway = await read<{ status: string }>(
        file,
        'select status from plan where shift_years = 0',
      )
      expect(halfway.some((plan) => plan.status === 'running')).toBe(true)

      const server = await startServer({ dataDir, now: NOW, timeoutMs: 120_000 * SLOWER })
      await killHard(server)
      const plans = await read<{ policy_id: string; status: string; shift_years: number }>(
        file,
        'select policy_id, status, shift_years from plan',
      )
      const policies = new Set(allPolicyFiles().map((path) => path.split('/')[1])).size
      const bundled = plans.filter((plan) => plan.shift_years === 0)
      expect(bundled).toHaveLength(policies)
      expect(new Set(bundled.map((plan) => plan.policy_id)).size).toBe(policies)
      expect(plans.filter((plan) => plan.shift_years !== 0)).toHaveLength(1)
      // Every plan that was being driven when the first start died is closed now.
      const closes = await count(
        file,
        "select count(*) as n from audit_log where action = 'plan.close'",
      )
      expect(closes).toBe(bundled.filter((plan) => plan.status === 'closed').length)
      expect(bundled.filter((plan) => plan.status === 'closed').length).toBeGreaterThan(0)
      expect(await read(file, 'select id from extension_request')).toHaveLength(1)
      rmSync(dataDir, { recursive: true, force: true })
    },
    240_000 * SLOWER,
  )
})
