/**
 * Backup and restore of a PostgreSQL deployment, exactly as docs/deployment.md tells it: the real
 * server runs on a cluster of the system's PostgreSQL (test/helpers/system-postgres.ts) with the
 * demo, takes writes and an attachment; the checkpoint file is copied, then `pg_dump -Fc` runs
 * while requests go on writing; `pg_restore --no-owner` fills a fresh database; `luoshi audit
 * verify` passes on it with the copied checkpoints; a server on it serves the same tasks and the
 * attachment byte for byte; and its timers fire once — what firing does on the restored database
 * is, row for row, what it does on the original.
 *
 * Runs with `npm run test:postgres` (it needs Debian's `postgresql` package; .ci/run installs it)
 * and fails, not skips, when the binaries are missing.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Kysely } from 'kysely'
import { installAuditKey, loadAuditKey } from '../../server/audit/audit-key.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { SimulatedClock } from '../../server/clock.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { clearPlanCache } from '../../server/plan-model/plan-context.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import {
  expectNoDuplicateTimers,
  expectNothingDue,
  normalizedOutcome,
} from '../helpers/durability-checks.ts'
import { childEnv, killHard, login, ROOT, startServer } from '../helpers/durability-server.ts'
import type { HttpSession, ServerProcess } from '../helpers/durability-server.ts'
import { storeOf } from '../helpers/make-db.ts'
import { startSystemPostgres } from '../helpers/system-postgres.ts'
import type { SystemPostgres } from '../helpers/system-postgres.ts'

const NOW = '2018-04-02T09:00:00+08:00'
/** Past the Pingnan plan's first reminders and deadlines (2018-04-07, 04-10). */
const LATER = '2018-04-12T09:00:00+08:00'
const AUDIT_KEY = 'c'.repeat(64)
const USER = 'pingnan.county-finance-bureau'
const run = promisify(execFile)

let cluster: SystemPostgres | undefined
let root: string
const servers: ServerProcess[] = []
const open: Array<Kysely<Database>> = []

afterAll(async () => {
  for (const server of servers) await killHard(server)
  for (const db of open) await db.destroy()
  await cluster?.stop()
  if (root) rmSync(root, { recursive: true, force: true })
})

/** `npx luoshi …` on the restored database, as an operator runs it. */
async function luoshi(url: string, ...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, ['bin/luoshi.js', ...args], {
      cwd: ROOT,
      env: childEnv({ LUOSHI_DATABASE_URL: url, LUOSHI_AUDIT_KEY: AUDIT_KEY }),
    })
    return { code: 0, output: stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

async function upload(session: HttpSession, bytes: Buffer): Promise<string> {
  const response = await fetch(`${session.baseUrl}/api/attachments`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent('佐证材料.pdf'),
    },
    body: new Uint8Array(bytes),
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** Every task as a restore must keep it. */
async function tasks(db: Kysely<Database>) {
  return db
    .selectFrom('task')
    .select(['id', 'plan_id', 'assignee', 'state', 'version', 'data', 'escalation_level'])
    .orderBy('id')
    .execute()
}

it(
  'restores a pg_dump taken under load into a fresh database: same tasks, chains verify, the attachment is whole, timers fire once',
  { timeout: 600_000 },
  async () => {
    cluster = await startSystemPostgres()
    root = mkdtempSync(join(tmpdir(), 'luoshi-pg-dump-'))
    const original = await cluster.createDatabase('luoshi')
    const env = (url: string) => ({ LUOSHI_DATABASE_URL: url, LUOSHI_AUDIT_KEY: AUDIT_KEY })
    const live = join(root, 'live')
    const server = await startServer({ dataDir: live, now: NOW, env: env(original) })
    servers.push(server)

    // Work before the backup: tasks started and saved, an attachment uploaded.
    const session = await login(server.baseUrl, USER, 'luoshi-demo')
    const { tasks: inbox } = (await (await session.get('/api/tasks')).json()) as {
      tasks: Array<{ id: string; state: string }>
    }
    const worked = inbox.filter((task) => task.state === 'assigned').slice(0, 3)
    expect(worked).toHaveLength(3)
    for (const task of worked) {
      const started = await session.post(`/api/tasks/${task.id}/events`, { type: 'START' })
      expect(started.status, await started.clone().text()).toBe(200)
      const saved = await session.post(`/api/tasks/${task.id}/events`, {
        type: 'SAVE',
        data: { summary: `备份前 ${task.id}` },
      })
      expect(saved.status, await saved.clone().text()).toBe(200)
    }
    // Every byte value, over several of the database's 256 KiB chunks.
    const bytes = Buffer.from(Array.from({ length: 700_000 }, (_, index) => (index * 7) % 256))
    const attachment = await upload(session, bytes)

    // The procedure: the checkpoint file first, then the dump while requests keep writing.
    const backups = join(root, 'backups')
    mkdirSync(backups)
    copyFileSync(join(live, 'audit-checkpoints.jsonl'), join(backups, 'luoshi.checkpoints.jsonl'))
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        await login(server.baseUrl, USER, 'luoshi-demo') // an audited write
        written++
      }
    })()
    while (written < 3) await new Promise((resolve) => setTimeout(resolve, 20))
    const dump = join(backups, 'luoshi.dump')
    await cluster.tool('pg_dump', ['--format=custom', `--file=${dump}`, original])
    writing = false
    await writer
    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })

    // Restore into an empty database, the checkpoint file into the new process's folder, verify.
    const restored = await cluster.createDatabase('luoshi_restored')
    await cluster.tool('pg_restore', ['--no-owner', `--dbname=${restored}`, dump])
    const fresh = join(root, 'fresh')
    mkdirSync(fresh)
    copyFileSync(join(backups, 'luoshi.checkpoints.jsonl'), join(fresh, 'audit-checkpoints.jsonl'))
    const verified = await luoshi(restored, 'audit', 'verify', '--data', fresh)
    expect(verified.output).toContain('审计链完整')
    expect(verified.code).toBe(0)

    const before = await createDb({ kind: 'postgres', url: original, poolSize: 2 })
    const after = await createDb({ kind: 'postgres', url: restored, poolSize: 2 })
    open.push(before, after)
    // Logins during the dump touched no task: every task is as it was.
    expect(await tasks(after)).toEqual(await tasks(before))
    const count = async (db: Kysely<Database>) =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await count(after)).toBeLessThanOrEqual(await count(before))

    // A server on the restored database serves the work and the attachment.
    const second = await startServer({ dataDir: fresh, now: NOW, env: env(restored) })
    servers.push(second)
    const again = await login(second.baseUrl, USER, 'luoshi-demo')
    for (const task of worked) {
      const detail = await again.get(`/api/tasks/${task.id}`)
      expect(detail.status).toBe(200)
      expect(detail.headers.get('etag')).toBe('"3"')
    }
    const download = await again.get(`/api/attachments/${attachment}`)
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true)
    second.child.kill('SIGTERM')
    expect(await second.exited).toEqual({ code: 0, signal: null })

    // Timers: firing at a later instant does on the restored database what it does on the
    // original, each timer once, and a second pass finds nothing.
    installAuditKey(loadAuditKey({ dataDir: fresh, env: { LUOSHI_AUDIT_KEY: AUDIT_KEY } }).key)
    const clock = new SimulatedClock(LATER)
    clearPlanCache()
    const reference = await runDueTimers(storeOf(before), clock, { owner: 'original' })
    clearPlanCache()
    const fired = await runDueTimers(storeOf(after), clock, { owner: 'restored' })
    expect(fired.fired).toBeGreaterThan(0)
    expect(fired).toEqual(reference)
    expect(await runDueTimers(storeOf(after), clock, { owner: 'again' })).toEqual({
      fired: 0,
      skipped: 0,
    })
    await expectNothingDue(after, clock.now())
    await expectNoDuplicateTimers(after)
    // The audit log differs by the logins written during the dump; the work does not.
    const { audit: _restoredAudit, ...restoredOutcome } = await normalizedOutcome(after)
    const { audit: _originalAudit, ...originalOutcome } = await normalizedOutcome(before)
    expect(restoredOutcome).toEqual(originalOutcome)
    expect(
      await verifyAuditChains(after, {
        key: loadAuditKey({ dataDir: fresh, env: { LUOSHI_AUDIT_KEY: AUDIT_KEY } }).key,
      }),
    ).toMatchObject({ ok: true })
  },
)
