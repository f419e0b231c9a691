/**
 * A full or unwritable disk: the client gets 507 `storage-full` or 503 `storage-unavailable` in
 * the one error shape (zh and en), never a 500; an upload leaves nothing behind when its row did
 * not commit; files a data folder kept on disk are moved into the database at start; and a data folder that cannot be
 * created or written stops the server with a message naming it and the fix (exit 1, no stack).
 *
 * The database is filled with SQLite's `max_page_count` (SQLITE_FULL exactly as on a full disk);
 * attachments' bytes live in the database, so a full database is a full attachment store too.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { databaseAttachmentStore } from '../../server/attachments/database-store.ts'
import { importAttachmentFiles, PART_SUFFIX } from '../../server/attachments/import-files.ts'
import { createDb } from '../../server/db/create-db.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { newId } from '../../server/ids.ts'
import { childEnv, ROOT } from '../helpers/durability-server.ts'
import { loginAs, makeTestApp, startedFinanceTask } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

function expectStorageError(
  json: { error: { code: string; message: LocalizedText } },
  code: string,
): void {
  expect(json.error.code).toBe(code)
  expect(json.error.message.zh).toMatch(/未保存/)
  expect(json.error.message.en).toMatch(/not saved/)
}

describe('a full or read-only database', () => {
  let t: TestApp
  let finance: Client
  let id: string

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ finance, id } = await startedFinanceTask(t))
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  const save = (summary: string) =>
    finance.post(`/api/tasks/${id}/events`, { type: 'SAVE', data: { summary } })
  const upload = (name: string, body: string) =>
    finance.raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent(name) },
      body,
    })

  it('answers SQLITE_FULL with 507 storage-full (zh/en), even when SQLite rolled the whole batch back', async () => {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.db)
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(t.db)
    try {
      // Sent together, so they share one group commit: the big one cannot fit.
      const [big, small] = await Promise.all([save('满'.repeat(20_000)), save('小')])
      expect(big.status).toBe(507)
      expectStorageError(await big.json(), 'storage-full')
      expect([200, 507]).toContain(small.status)
      const task = await t.db
        .selectFrom('task')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(task.version).toBe(small.status === 200 ? 3 : 2)
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(t.db)
    }
    expect((await save('磁盘已清理')).status).toBe(200)
  })

  it('answers an upload that does not fit with 507 storage-full, keeps nothing of it, and takes one that fits afterwards', async () => {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.db)
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 4}`).execute(t.db)
    try {
      const tooBig = await upload('big.txt', 'x'.repeat(200_000))
      expect(tooBig.status).toBe(507)
      expectStorageError(await tooBig.json(), 'storage-full')
      expect(await t.db.selectFrom('attachment').select('id').execute()).toEqual([])
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(t.db)
    }
    expect(await t.db.selectFrom('attachment_chunk').select('seq').execute()).toEqual([])
  })

  it('answers a read-only database with 503 storage-unavailable, and keeps nothing of the upload', async () => {
    await sql`pragma query_only = on`.execute(t.db)
    try {
      const response = await upload('证明.txt', '已落实')
      expect(response.status).toBe(503)
      expectStorageError(await response.json(), 'storage-unavailable')
    } finally {
      await sql`pragma query_only = off`.execute(t.db)
    }
    expect(await t.db.selectFrom('attachment_chunk').select('seq').execute()).toEqual([])
    expect(await t.db.selectFrom('attachment').select('id').execute()).toEqual([])
    const stored = await upload('证明.txt', '已落实')
    expect(stored.status).toBe(201)
    const chunks = await t.db.selectFrom('attachment_chunk').select('attachment_id').execute()
    expect(chunks).toEqual([{ attachment_id: ((await stored.json()) as { id: string }).id }])
  })
})

describe('attachments kept on disk before they moved into the database', () => {
  it('moves in a file (or the part file) whose row committed, removes files without a row, leaves other names', async () => {
    const t = await makeTestApp()
    const finance = await loginAs(t, 'finance')
    const files = join(t.file, '..', 'attachments')
    mkdirSync(files, { recursive: true })
    const { id: userId } = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', finance.username)
      .executeTakeFirstOrThrow()
    const insertRow = async (name: string) => {
      const id = newId()
      await t.db
        .insertInto('attachment')
        .values({
          id,
          user_id: userId,
          name,
          type: 'text/plain',
          size: 1,
          sha256: '-',
          created_at: '2018-04-02T01:00:00.000Z',
        })
        .execute()
      return id
    }
    const kept = await insertRow('a.txt')
    const renameLost = await insertRow('b.txt')
    writeFileSync(join(files, kept), 'evidence')
    writeFileSync(join(files, `${renameLost}${PART_SUFFIX}`), 'half-renamed')
    writeFileSync(join(files, `${newId()}${PART_SUFFIX}`), 'half')
    writeFileSync(join(files, newId()), 'no row')
    writeFileSync(join(files, 'notes.txt'), 'not ours')

    expect(
      await importAttachmentFiles({ db: t.db, writes: t.writes }, databaseAttachmentStore, files),
    ).toEqual({ imported: 2, removed: 2 })
    expect(readdirSync(files)).toEqual(['notes.txt'])
    expect(await (await finance.get(`/api/attachments/${kept}`)).text()).toBe('evidence')
    expect(await (await finance.get(`/api/attachments/${renameLost}`)).text()).toBe('half-renamed')
    await t.db.destroy()
  })

  it('is a no-op on a folder that does not exist yet', async () => {
    const db = await createDb({ kind: 'sqlite', file: ':memory:' })
    const writes = new GroupCommitter(db)
    expect(
      await importAttachmentFiles(
        { db, writes },
        databaseAttachmentStore,
        join(tmpdir(), `luoshi-none-${newId()}`),
      ),
    ).toEqual({ imported: 0, removed: 0 })
    await db.destroy()
  })
})

/** Runs `server/main.ts` (through `sh -c script`, which ends with `exec node …`) until it exits. */
async function startAndFail(
  dataDir: string,
  script = 'exec "$1" server/main.ts',
): Promise<{ code: number; output: string }> {
  const command = ['sh', '-c', script, 'sh', process.execPath]
  const [file, ...args] = script.includes('mount')
    ? ['unshare', '--user', '--map-root-user', '--mount', ...command]
    : command
  try {
    const { stdout, stderr } = await promisify(execFile)(file!, args, {
      cwd: ROOT,
      env: childEnv({ PORT: '0', LUOSHI_DATA: dataDir }),
      timeout: 30_000,
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

describe('a data folder luoshi cannot use', () => {
  const expectClearStop = (result: { code: number; output: string }, folder: string) => {
    expect(result.code).toBe(1)
    expect(result.output).toContain(folder)
    expect(result.output).toContain('LUOSHI_DATA')
    expect(result.output).toMatch(/数据文件夹/)
    expect(result.output).not.toMatch(/\n\s+at .+:\d+/) // never a stack trace
    expect(result.output).not.toContain('SqliteError')
  }

  it('stops with the folder named and the fix when it cannot be created', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'luoshi-notdir-')), 'plain-file')
    writeFileSync(file, '')
    const result = await startAndFail(join(file, 'data'))
    expectClearStop(result, join(file, 'data'))
    expect(result.output).toContain('Cannot create the data folder')
  })

  it('stops with the folder named and the fix when it is read-only', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'luoshi-readonly-'))
    const result = await startAndFail(
      folder,
      `mount -t tmpfs -o ro,size=64k tmpfs "${folder}" && exec "$1" server/main.ts`,
    )
    expectClearStop(result, folder)
    expect(result.output).toContain('cannot be written (EROFS')
    rmSync(folder, { recursive: true, force: true })
  })
})
