/**
 * `luoshi admin backup` copies a running server's SQLite database while requests write to it, and
 * `luoshi admin restore` puts it into another data folder: the restored audit chains verify (with
 * the checkpoints that travel with the backup), and a server on the restored folder serves an
 * attachment uploaded before the backup.
 *
 * SQLite only (vitest.postgres.config.ts leaves it out): these commands copy the SQLite file; a
 * PostgreSQL database is backed up with pg_dump (pg-dump-restore.postgres.test.ts).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ensureUser } from '../../server/auth/users.ts'
import { createDb } from '../../server/db/create-db.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { childEnv, killHard, login, ROOT, startServer } from '../helpers/durability-server.ts'
import type { ServerProcess } from '../helpers/durability-server.ts'
import { storeOf } from '../helpers/make-db.ts'

const AUDIT_KEY = 'b'.repeat(64)
const run = promisify(execFile)

async function luoshi(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/luoshi.js', ...args], {
      cwd: ROOT,
      env: childEnv({ LUOSHI_AUDIT_KEY: AUDIT_KEY }),
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

async function auditRows(dataDir: string): Promise<number> {
  const db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
  try {
    const row = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  } finally {
    await db.destroy()
  }
}

describe('backup and restore of a running SQLite database', () => {
  const root = mkdtempSync(join(tmpdir(), 'luoshi-backup-'))
  const servers: ServerProcess[] = []

  afterAll(async () => {
    for (const server of servers) await killHard(server)
    rmSync(root, { recursive: true, force: true })
  })

  it(
    'backs up while requests write, restores into another folder, and the chains verify',
    { timeout: 120_000 },
    async () => {
      const source = join(root, 'source')
      const db = await createDb({ kind: 'sqlite', file: join(source, 'luoshi.db') })
      await migrateToLatest(db)
      await ensureUser(
        storeOf(db),
        { username: 'admin', displayName: 'admin', password: 'admin-password', roles: ['admin'] },
        '2026-01-01T00:00:00Z',
      )
      await db.destroy()
      const env = { LUOSHI_DEMO: '0', LUOSHI_AUDIT_KEY: AUDIT_KEY }
      const server = await startServer({ dataDir: source, env })
      servers.push(server)
      const admin = await login(server.baseUrl, 'admin', 'admin-password')
      const bytes = Buffer.from('备份前上传的佐证材料 '.repeat(40_000))
      const uploaded = await fetch(`${server.baseUrl}/api/attachments`, {
        method: 'POST',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'text/plain',
          'x-filename': 'evidence.txt',
        },
        body: bytes,
      })
      expect(uploaded.status).toBe(201)
      const { id } = (await uploaded.json()) as { id: string }

      // Logins are audited writes; they go on until the backup has finished.
      let writing = true
      let written = 0
      const writer = (async () => {
        while (writing) {
          await login(server.baseUrl, 'admin', 'admin-password')
          written++
        }
      })()
      while (written < 3) await new Promise((resolve) => setTimeout(resolve, 20))
      const backupFile = join(root, 'luoshi-backup.db')
      const backup = await luoshi('admin', 'backup', backupFile, '--data', source)
      writing = false
      await writer
      expect(backup.code).toBe(0)
      expect(backup.stdout).toContain('已备份')

      server.child.kill('SIGTERM')
      await server.exited
      const target = join(root, 'target')
      const restore = await luoshi('admin', 'restore', backupFile, '--data', target)
      expect(restore.code).toBe(0)
      const restoredRows = await auditRows(target)
      expect(restoredRows).toBeGreaterThanOrEqual(5)
      expect(restoredRows).toBeLessThanOrEqual(await auditRows(source))
      const verified = await luoshi('audit', 'verify', '--data', target)
      expect(verified.code).toBe(0)
      expect(verified.stdout).toContain('审计链完整')

      const again = await luoshi('admin', 'restore', backupFile, '--data', target)
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('--replace')

      const restored = await startServer({ dataDir: target, env })
      servers.push(restored)
      const reader = await login(restored.baseUrl, 'admin', 'admin-password')
      const download = await reader.get(`/api/attachments/${id}`)
      expect(download.status).toBe(200)
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true)
    },
  )
})
