/**
 * A first `npm start` killed (SIGKILL) while it drives an ended plan's history: the next start
 * carries the history on from where it stopped and closes the plan, and the demo ends up whole —
 * one plan per bundled policy, the ended ones closed, one 演示 plan, one extension — with nothing
 * started twice. Real server processes on a real data folder.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { ROOT, childEnv, killHard, startServer } from '../helpers/durability-server.ts'
import { allPolicyFiles } from '../helpers/policy-files.ts'

/** A day after the end of every bundled plan's stated period. */
const NOW = '2026-12-07T09:00:00+08:00'

/** Reads the folder's database (read-only, beside a running writer: WAL allows it). */
function read<T>(file: string, query: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(query).all() as T[]
  } finally {
    db.close()
  }
}

describe('a first start killed half-way through the demo’s history', () => {
  it('is carried on by the next start: ended plans closed once, the 演示 plan started once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-demo-resume-'))
    const file = join(dataDir, 'luoshi.db')
    const child = spawn(process.execPath, ['server/main.ts'], {
      cwd: ROOT,
      env: childEnv({ PORT: '0', LUOSHI_DATA: dataDir, LUOSHI_NOW: NOW }),
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
        const [row] = read<{ n: number }>(file, 'select count(*) as n from task_event')
        if (row!.n > 50) break
      }
      await sleep(50)
    }
    child.kill('SIGKILL')
    await exited
    const halfway = read<{ status: string }>(file, 'select status from plan where shift_years = 0')
    expect(halfway.some((plan) => plan.status === 'running')).toBe(true)

    const server = await startServer({ dataDir, now: NOW, timeoutMs: 120_000 })
    await killHard(server)
    const plans = read<{ policy_id: string; status: string; shift_years: number }>(
      file,
      'select policy_id, status, shift_years from plan',
    )
    const policies = new Set(allPolicyFiles().map((path) => path.split('/')[1])).size
    const bundled = plans.filter((plan) => plan.shift_years === 0)
    expect(bundled).toHaveLength(policies)
    expect(new Set(bundled.map((plan) => plan.policy_id)).size).toBe(policies)
    expect(plans.filter((plan) => plan.shift_years !== 0)).toHaveLength(1)
    // Every plan that was being driven when the first start died is closed now.
    const closes = read<{ n: number }>(
      file,
      "select count(*) as n from audit_log where action = 'plan.close'",
    )
    expect(closes[0]!.n).toBe(bundled.filter((plan) => plan.status === 'closed').length)
    expect(bundled.filter((plan) => plan.status === 'closed').length).toBeGreaterThan(0)
    expect(read(file, 'select id from extension_request')).toHaveLength(1)
    rmSync(dataDir, { recursive: true, force: true })
  }, 240_000)
})
