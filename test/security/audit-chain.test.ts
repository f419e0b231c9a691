/**
 * The audit chain holds against someone who can write the database but lacks the key kept
 * outside it: a cut tail is caught against the head row and against the signed checkpoints, a
 * chain re-hashed without the key fails at its first row, an edited checkpoint file fails, and
 * `luoshi audit verify --data <folder>` says all this offline with exit 0/1 (with
 * `--from-checkpoint`, for what each chain gained since its checkpoint).
 */
import { execFile } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Kysely } from 'kysely'
import {
  auditCheckpointFile,
  checkpointHead,
  readCheckpoints,
} from '../../server/audit/audit-checkpoint.ts'
import { installAuditKey, loadAuditKey } from '../../server/audit/audit-key.ts'
import { appendAudit, GENESIS_HASH, unkeyedAuditHash } from '../../server/audit/audit-log.ts'
import { keyAuditChain } from '../../server/audit/audit-upgrade.ts'
import { verifyAuditChain } from '../../server/audit/audit-verify.ts'
import { ensureUser } from '../../server/auth/users.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { AuditRow, Database } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { childEnv, ROOT, startServer } from '../helpers/durability-server.ts'
import { storeOf } from '../helpers/make-db.ts'

interface Folder {
  dataDir: string
  db: Kysely<Database>
  key: Buffer
  file: string
}

const folders: Folder[] = []
afterAll(async () => {
  for (const folder of folders) {
    await folder.db.destroy().catch(() => undefined)
    rmSync(folder.dataDir, { recursive: true, force: true })
  }
})

/** A data folder as the server leaves it: key file, database with `rows` audit rows, a checkpoint at `checkpointAt`. */
async function makeFolder(rows = 20, checkpointAt = 15): Promise<Folder> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-audit-'))
  const { key } = loadAuditKey({ dataDir, create: true, env: {} })
  installAuditKey(key)
  const db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
  await migrateToLatest(db)
  const file = auditCheckpointFile(dataDir, {})
  for (let seq = 1; seq <= rows; seq++) {
    await appendAudit(db, [
      {
        at: `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`,
        actor: 'someone',
        action: 'task.save',
        entity: 'task',
        entityId: `t${seq}`,
        payload: { seq },
      },
    ])
    if (seq === checkpointAt)
      expect(await checkpointHead(db, key, file, new Date('2026-01-01T01:00:00Z'))).toHaveProperty(
        'written',
      )
  }
  const folder = { dataDir, db, key, file }
  folders.push(folder)
  return folder
}

const verify = (f: Folder, withCheckpoints = true) =>
  verifyAuditChain(f.db, {
    key: f.key,
    ...(withCheckpoints ? { checkpoints: readCheckpoints(f.file, f.key) } : {}),
  })

async function rows(f: Folder): Promise<AuditRow[]> {
  return f.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
}

/** What an attacker with the database but not the key can do: rewrite every row's hash with `hash`. */
async function rehashAll(f: Folder, hash: (prev: string, row: AuditRow) => string): Promise<void> {
  let prev = GENESIS_HASH
  for (const row of await rows(f)) {
    const next = hash(prev, row)
    await f.db
      .updateTable('audit_log')
      .set({ prev_hash: prev, hash: next })
      .where('seq', '=', row.seq)
      .execute()
    prev = next
  }
  const last = (await rows(f)).at(-1)!
  await f.db
    .updateTable('audit_head')
    .set({ seq: last.seq, hash: last.hash })
    .where('id', '=', 1)
    .execute()
}

/** Cuts every row after `seq` and, with `moveHead`, moves the head back to it: a consistent shorter chain. */
async function truncate(f: Folder, seq: number, moveHead: boolean): Promise<void> {
  await f.db.deleteFrom('audit_log').where('seq', '>', seq).execute()
  if (moveHead) {
    const last = (await rows(f)).at(-1)!
    await f.db
      .updateTable('audit_head')
      .set({ seq: last.seq, hash: last.hash })
      .where('id', '=', 1)
      .execute()
  }
}

describe('audit chain verification', () => {
  it('keeps the key in a 0600 file outside the database and verifies an intact chain up to its checkpoint', async () => {
    const f = await makeFolder()
    expect(statSync(join(f.dataDir, 'audit.key')).mode & 0o777).toBe(0o600)
    expect(statSync(f.file).mode & 0o777).toBe(0o600)
    expect(await verify(f)).toMatchObject({
      ok: true,
      rows: 20,
      head: { seq: 20 },
      checkpoint: { seq: 15 },
    })
  })

  it('catches a tail cut off below the head row', async () => {
    const f = await makeFolder()
    await truncate(f, 17, false)
    expect(await verify(f)).toMatchObject({
      ok: false,
      brokenAt: 18,
      reason: 'the log ends at row 17 but its head says 20: rows were removed from the end',
    })
  })

  it('catches a tail cut off with the head moved back, through the signed checkpoint', async () => {
    const f = await makeFolder()
    await truncate(f, 11, true)
    // Consistent with itself: only the checkpoint outside the database tells.
    expect(await verify(f, false)).toMatchObject({ ok: true, rows: 11 })
    const result = await verify(f)
    expect(result).toMatchObject({ ok: false, brokenAt: 12 })
    expect(result.ok ? '' : result.message.zh).toContain('检查点已有 15 条')
  })

  it('catches a full re-hash without the key, with sha256 or with another key, at row 1', async () => {
    const f = await makeFolder()
    await f.db
      .updateTable('audit_log')
      .set({ payload: '{"forged":true}' })
      .where('seq', '=', 5)
      .execute()
    await rehashAll(f, (prev, row) => unkeyedAuditHash(prev, row))
    expect(await verify(f, false)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: 'the row was changed after it was written (or re-hashed without the key)',
    })
    const guess = randomBytes(32)
    await rehashAll(f, (prev, row) =>
      createHmac('sha256', guess)
        .update(prev)
        .update(
          JSON.stringify([
            row.seq,
            row.at,
            row.actor,
            row.action,
            row.entity,
            row.entity_id,
            row.payload,
          ]),
        )
        .digest('hex'),
    )
    expect(await verify(f)).toMatchObject({ ok: false, brokenAt: 1 })
  })

  it('catches a chain downgraded to unkeyed, and the server refuses to re-key it over checkpoints', async () => {
    const f = await makeFolder()
    await rehashAll(f, (prev, row) => unkeyedAuditHash(prev, row))
    await f.db.updateTable('audit_head').set({ keyed: 0 }).execute()
    expect(await verify(f)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not keyed'),
    })
    await expect(
      keyAuditChain(storeOf(f.db), f.key, readCheckpoints(f.file, f.key)),
    ).rejects.toThrow(/was rewritten/)
  })

  it('checks the checkpoint file: an edited line or another key fails', async () => {
    const f = await makeFolder()
    const original = readFileSync(f.file, 'utf8')
    writeFileSync(f.file, original.replace('"seq":15', '"seq":9'))
    expect(await verify(f)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('line 1 of the checkpoint file'),
    })
    writeFileSync(f.file, original)
    expect(
      await verifyAuditChain(f.db, {
        key: f.key,
        checkpoints: readCheckpoints(f.file, randomBytes(32)),
      }),
    ).toMatchObject({ ok: false })
    expect(await verify(f)).toMatchObject({ ok: true })
  })

  it('never writes a checkpoint behind the highest one: the file keeps the evidence', async () => {
    const f = await makeFolder()
    await truncate(f, 11, true)
    const before = readFileSync(f.file, 'utf8')
    expect(
      await checkpointHead(f.db, f.key, f.file, new Date('2026-01-01T02:00:00Z')),
    ).toMatchObject({ refused: { head: 11, checkpoint: { seq: 15 } } })
    expect(readFileSync(f.file, 'utf8')).toBe(before)
  })

  it('keys a chain written before the upgrade once, after checking it; a broken one is refused', async () => {
    const f = await makeFolder(20, 0)
    // As the unkeyed code wrote it: plain sha256 links, the head not yet keyed, no checkpoints.
    await rehashAll(f, (prev, row) => unkeyedAuditHash(prev, row))
    await f.db.updateTable('audit_head').set({ keyed: 0 }).execute()
    await expect(
      appendAudit(f.db, [
        { at: 'x', actor: 'a', action: 'b', entity: 'c', entityId: 'd', payload: null },
      ]),
    ).rejects.toThrow(/predates keying/)
    expect(await keyAuditChain(storeOf(f.db), f.key, readCheckpoints(f.file, f.key))).toBe(20)
    expect(await verify(f)).toMatchObject({ ok: true, rows: 20 })
    expect(await keyAuditChain(storeOf(f.db), f.key, readCheckpoints(f.file, f.key))).toBe(0)

    const broken = await makeFolder(5, 0)
    await rehashAll(broken, (prev, row) => unkeyedAuditHash(prev, row))
    await broken.db.updateTable('audit_head').set({ keyed: 0 }).execute()
    await broken.db.updateTable('audit_log').set({ actor: 'forged' }).where('seq', '=', 3).execute()
    await expect(
      keyAuditChain(storeOf(broken.db), broken.key, readCheckpoints(broken.file, broken.key)),
    ).rejects.toThrow(/broken at row 3/)
  })
})

const run = promisify(execFile)

async function luoshi(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/luoshi.js', ...args], {
      cwd: ROOT,
      env: childEnv({ NO_COLOR: '1' }),
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('luoshi audit verify --data <folder>', () => {
  it(
    'exits 0 on an intact folder, 1 with a zh/en message on a cut chain or a missing checkpoint file',
    { timeout: 60_000 },
    async () => {
      const f = await makeFolder()
      const intact = await luoshi('audit', 'verify', '--data', f.dataDir)
      expect(intact.code).toBe(0)
      expect(intact.stdout).toContain('审计链完整：20 条记录')
      expect(intact.stdout).toContain('the audit chains are intact: 20 rows in 1 chain')

      await truncate(f, 11, true)
      const cut = await luoshi('audit', 'verify', '--data', f.dataDir)
      expect(cut.code).toBe(1)
      expect(cut.stderr).toContain('审计链校验失败')
      expect(cut.stderr).toContain('rows were removed from the end')

      rmSync(f.file)
      const unchecked = await luoshi('audit', 'verify', '--data', f.dataDir)
      expect(unchecked.code).toBe(1)
      expect(unchecked.stderr).toContain('找不到检查点文件')
    },
  )

  it(
    'with --from-checkpoint checks each chain from its checkpoint: 0 when intact, 1 for a row changed since',
    { timeout: 60_000 },
    async () => {
      const f = await makeFolder()
      const intact = await luoshi('audit', 'verify', '--data', f.dataDir, '--from-checkpoint')
      expect(intact.code).toBe(0)
      expect(intact.stdout).toContain(
        'from the newest checkpoints on, 6 rows in 1 chain are intact',
      )
      await f.db.updateTable('audit_log').set({ actor: 'forged' }).where('seq', '=', 18).execute()
      const changed = await luoshi('audit', 'verify', '--data', f.dataDir, '--from-checkpoint')
      expect(changed.code).toBe(1)
      expect(changed.stderr).toContain('the row was changed after it was written')
    },
  )

  it(
    'verifies what the real server wrote: its key file, a checkpoint at start and one at shutdown',
    { timeout: 90_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-audit-server-'))
      const db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
      await migrateToLatest(db)
      await ensureUser(
        storeOf(db),
        { username: 'admin', displayName: 'admin', password: 'admin-password', roles: ['admin'] },
        '2026-01-01T00:00:00Z',
      )
      await db.destroy()
      const server = await startServer({ dataDir, env: { LUOSHI_DEMO: '0' } })
      try {
        const login = await fetch(`${server.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'admin-password' }),
        })
        expect(login.status).toBe(200)
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!
        expect(
          await (await fetch(`${server.baseUrl}/api/audit/verify`, { headers: { cookie } })).json(),
        ).toMatchObject({ ok: true, rows: 1, chains: [{ chain: '', checkpoint: { seq: 0 } }] })
      } finally {
        server.child.kill('SIGTERM')
        await server.exited
      }
      expect(statSync(join(dataDir, 'audit.key')).mode & 0o777).toBe(0o600)
      const lines = readFileSync(join(dataDir, 'audit-checkpoints.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
      expect(lines.map((line) => line.seq)).toEqual([0, 1])
      const verified = await luoshi('audit', 'verify', '--data', dataDir)
      expect(verified.code).toBe(0)
      expect(verified.stdout).toContain('覆盖')
      rmSync(dataDir, { recursive: true, force: true })
    },
  )
})
