/**
 * A full or unwritable disk: the client gets 507 `storage-full` or 503 `storage-unavailable` in
 * the one error shape (zh and en), never a 500; an upload leaves no file behind when its row did
 * not commit; the attachments folder is settled at start; and a data folder that cannot be
 * created or written stops the server with a message naming it and the fix (exit 1, no stack).
 *
 * The database is filled with SQLite's `max_page_count` (SQLITE_FULL exactly as on a full disk);
 * the file write runs against a real 64 KB tmpfs, mounted in a user namespace for a real server.
 */
import { execFile, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { PART_SUFFIX, sweepAttachmentFiles } from '../../server/attachments/file-store.ts'
import { createDb } from '../../server/db/create-db.ts'
import { newId } from '../../server/ids.ts'
import { childEnv, killHard, login, ROOT } from '../helpers/durability-server.ts'
import type { ServerProcess } from '../helpers/durability-server.ts'
import { demoDataFolder } from '../helpers/demo-data.ts'
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
  let files: string

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ finance, id } = await startedFinanceTask(t))
    files = join(t.file, '..', 'attachments')
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

  it('answers a read-only database with 503 storage-unavailable, and leaves no file of the upload', async () => {
    await sql`pragma query_only = on`.execute(t.db)
    try {
      const response = await upload('证明.txt', '已落实')
      expect(response.status).toBe(503)
      expectStorageError(await response.json(), 'storage-unavailable')
    } finally {
      await sql`pragma query_only = off`.execute(t.db)
    }
    expect(existsSync(files) ? readdirSync(files) : []).toEqual([])
    expect(await t.db.selectFrom('attachment').select('id').execute()).toEqual([])
    const stored = await upload('证明.txt', '已落实')
    expect(stored.status).toBe(201)
    expect(readdirSync(files)).toEqual([((await stored.json()) as { id: string }).id])
  })
})

describe('the attachments folder at start', () => {
  it('completes an upload whose row committed, removes parts without a row and files without one', async () => {
    const t = await makeTestApp()
    const finance = await loginAs(t, 'finance')
    const files = join(t.file, '..', 'attachments')
    const response = await finance.raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-filename': 'a.txt' },
      body: 'evidence',
    })
    const { id } = (await response.json()) as { id: string }
    // A crash between the row's commit and the rename leaves only the part file.
    execFileSync('mv', [join(files, id), join(files, `${id}${PART_SUFFIX}`)])
    const uncommitted = newId()
    const orphan = newId()
    writeFileSync(join(files, `${uncommitted}${PART_SUFFIX}`), 'half')
    writeFileSync(join(files, orphan), 'no row')
    writeFileSync(join(files, 'notes.txt'), 'not ours')

    expect(await sweepAttachmentFiles(t.db, files)).toEqual({ completed: 1, removed: 2 })
    expect(readdirSync(files).sort()).toEqual([id, 'notes.txt'].sort())
    const download = await finance.get(`/api/attachments/${id}`)
    expect(await download.text()).toBe('evidence')
    await t.db.destroy()
  })

  it('is a no-op on a folder that does not exist yet', async () => {
    const db = await createDb({ kind: 'sqlite', file: ':memory:' })
    expect(await sweepAttachmentFiles(db, join(tmpdir(), `luoshi-none-${newId()}`))).toEqual({
      completed: 0,
      removed: 0,
    })
    await db.destroy()
  })
})

const TINY_DISK_NOW = '2018-04-02T09:00:00+08:00'

/**
 * The real server with its attachments folder on a 64 KB tmpfs: `unshare` gives the child its
 * own user and mount namespace, where mounting needs no privilege of the test's user.
 */
async function startOnTinyDisk(dataDir: string): Promise<ServerProcess> {
  const attachments = join(dataDir, 'attachments')
  mkdirSync(attachments, { recursive: true })
  const script = `mount -t tmpfs -o size=64k tmpfs "$1" && exec "$2" server/main.ts`
  const child = spawn(
    'unshare',
    [
      '--user',
      '--map-root-user',
      '--mount',
      'sh',
      '-c',
      script,
      'sh',
      attachments,
      process.execPath,
    ],
    {
      cwd: ROOT,
      env: childEnv({
        PORT: '0',
        HOST: '127.0.0.1',
        LUOSHI_DATA: dataDir,
        LUOSHI_NOW: TINY_DISK_NOW,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  let alive = true
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      alive = false
      resolve({ code, signal })
    }),
  )
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const match = /started: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    void exited.then(() =>
      reject(
        new Error(
          `the server did not start on a tmpfs (unshare needs user namespaces):\n${output}`,
        ),
      ),
    )
  })
  return { child, pid: child.pid!, baseUrl, output: () => output, exited, alive: () => alive }
}

describe('a full disk under the attachments folder', () => {
  let dataDir: string
  let server: ServerProcess | undefined

  beforeAll(async () => {
    dataDir = await demoDataFolder(TINY_DISK_NOW, 'luoshi-tinydisk-')
  }, 90_000)

  afterAll(async () => {
    await killHard(server)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(
    'answers ENOSPC with 507 storage-full, keeps no part file and no row, and takes a file that fits afterwards',
    { timeout: 90_000 },
    async () => {
      server = await startOnTinyDisk(dataDir)
      const session = await login(server.baseUrl, 'pingnan.county-finance-bureau', 'luoshi-demo')
      const upload = (name: string, bytes: number) =>
        fetch(`${server!.baseUrl}/api/attachments`, {
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'text/plain',
            'x-filename': name,
          },
          body: 'x'.repeat(bytes),
        })
      const tooBig = await upload('big.txt', 200_000)
      expect(tooBig.status).toBe(507)
      expectStorageError(await tooBig.json(), 'storage-full')
      // The failed upload's part file is gone, so the 64 KB are free again.
      const fits = await upload('small.txt', 40_000)
      expect(fits.status).toBe(201)
      server.child.kill('SIGTERM')
      expect(await server.exited).toEqual({ code: 0, signal: null })
      expect(server.output()).toMatch(/"code":"storage-full","cause":"ENOSPC"/)
      const db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
      expect(
        (await db.selectFrom('attachment').select('name').execute()).map((row) => row.name),
      ).toEqual(['small.txt'])
      await db.destroy()
    },
  )
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
