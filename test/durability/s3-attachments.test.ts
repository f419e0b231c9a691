/**
 * Attachments in an S3-compatible bucket, with real server processes (`server/main.ts` with
 * `LUOSHI_ATTACHMENTS=s3`) against a real S3 server: two processes sharing one data folder and
 * one bucket serve each other's uploads; `luoshi admin attachments` finds and removes an object
 * left without a row; `luoshi admin backup` says the objects are not in it; and a bucket that does
 * not answer stops the start with the variable to fix.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ensureUser } from '../../server/auth/users.ts'
import { S3AttachmentStore } from '../../server/attachments/s3-store.ts'
import { createDb } from '../../server/db/create-db.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { newId } from '../../server/ids.ts'
import { childEnv, killHard, login, ROOT, startServer } from '../helpers/durability-server.ts'
import type { ServerProcess } from '../helpers/durability-server.ts'
import { storeOf } from '../helpers/make-db.ts'
import { startS3Server } from '../helpers/s3-server.ts'
import type { S3TestServer } from '../helpers/s3-server.ts'

const AUDIT_KEY = 'c'.repeat(64)
const run = promisify(execFile)

/** Runs `node <args>` in the checkout; resolves with its exit code and output. */
async function node(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: childEnv({ LUOSHI_AUDIT_KEY: AUDIT_KEY, ...env }),
      timeout: 60_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('attachments in an S3-compatible bucket, across server processes', () => {
  const root = mkdtempSync(join(tmpdir(), 'luoshi-s3-processes-'))
  const dataDir = join(root, 'data')
  const servers: ServerProcess[] = []
  let s3: S3TestServer

  beforeAll(async () => {
    s3 = await startS3Server()
    const db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
    await migrateToLatest(db)
    await ensureUser(
      storeOf(db),
      { username: 'admin', displayName: 'admin', password: 'admin-password', roles: ['admin'] },
      '2026-01-01T00:00:00Z',
    )
    await db.destroy()
  })

  afterAll(async () => {
    for (const server of servers) await killHard(server)
    await s3.close()
    rmSync(root, { recursive: true, force: true })
  })

  it(
    'serves an upload through one process from the other, byte for byte',
    { timeout: 120_000 },
    async () => {
      const env = { LUOSHI_DEMO: '0', LUOSHI_AUDIT_KEY: AUDIT_KEY, ...s3.env }
      const [first, second] = await Promise.all([
        startServer({ dataDir, env }),
        startServer({ dataDir, env }),
      ])
      servers.push(first, second)
      const admin = await login(first.baseUrl, 'admin', 'admin-password')
      const bytes = Buffer.from('跨进程读取的佐证材料 '.repeat(60_000))
      const uploaded = await fetch(`${first.baseUrl}/api/attachments`, {
        method: 'POST',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'text/plain',
          'x-filename': encodeURIComponent('跨进程.txt'),
        },
        body: bytes,
      })
      expect(uploaded.status).toBe(201)
      const { id } = (await uploaded.json()) as { id: string }
      const download = await fetch(`${second.baseUrl}/api/attachments/${id}`, {
        headers: { cookie: admin.cookie },
      })
      expect(download.status).toBe(200)
      const received = Buffer.from(await download.arrayBuffer())
      expect(createHash('sha256').update(received).digest('hex')).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      )
    },
  )

  it('lists an object without a row with luoshi admin attachments, and removes it with --remove', async () => {
    const stray = newId()
    await new S3AttachmentStore(s3.options).put({
      id: stray,
      body: Buffer.from('孤立对象'),
      sha256: createHash('sha256').update('孤立对象').digest('hex'),
    })
    const args = ['bin/luoshi.js', 'admin', 'attachments', '--data', dataDir]
    const young = await node(args, s3.env)
    expect(young.code).toBe(0)
    expect(young.stdout).toContain('0 object(s) without a row')
    expect(young.stdout).toContain('1 younger than 60 minutes left alone')
    const listed = await node([...args, '--min-age-minutes', '0'], s3.env)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain(`attachments/${stray}\t`)
    expect(listed.stdout).toContain('1 object(s) without a row')
    const removed = await node([...args, '--min-age-minutes', '0', '--remove'], s3.env)
    expect(removed.stdout).toContain('removed 1 object(s) without a row')
    expect(await new S3AttachmentStore(s3.options).exists(undefined, stray)).toBe(false)
  })

  it('says that luoshi admin backup holds the rows but not the bucket’s objects', async () => {
    const file = join(root, 'backup.db')
    const backup = await node(['bin/luoshi.js', 'admin', 'backup', file, '--data', dataDir], s3.env)
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(/附件对象在 S3 兼容存储中，不在本备份内/)
    expect(backup.stdout).toContain('not in this backup')
  })

  it('stops at start, naming the variable to fix, when the bucket is missing or the store cannot be reached', async () => {
    const start = (env: Record<string, string>) =>
      node(['server/main.ts'], { PORT: '0', LUOSHI_DATA: join(root, 'other'), ...env })
    const missing = await start({ ...s3.env, LUOSHI_S3_BUCKET: 'no-such-bucket' })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/LUOSHI_S3_BUCKET 所指的存储桶不存在/)
    expect(missing.stderr).toContain('LUOSHI_S3_BUCKET is not a bucket there')
    const closed = await startS3Server()
    await closed.close()
    const unreachable = await start(closed.env)
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toMatch(/LUOSHI_S3_ENDPOINT 无法连接/)
    for (const result of [missing, unreachable]) {
      expect(result.stderr).not.toContain(s3.env.LUOSHI_S3_SECRET_ACCESS_KEY!)
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/) // never a stack trace
    }
  })
})
