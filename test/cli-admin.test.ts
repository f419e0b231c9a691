/**
 * `luoshi admin create`, `luoshi admin reset-password` and the production start, run as an
 * operator runs them: the real CLI as a child process with the password on stdin, the real server
 * with `LUOSHI_DEMO=0` on a new data folder, real HTTP.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { childEnv, killHard, login, ROOT, startServer } from './helpers/durability-server.ts'
import type { ServerProcess } from './helpers/durability-server.ts'

/** Runs `node bin/luoshi.js …` with `stdin` piped in; resolves with its exit code and output. */
function luoshi(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/luoshi.js', ...args], {
      cwd: ROOT,
      env: childEnv({ NO_COLOR: '1' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

/** Reads the data folder's database directly (read-only), as an operator's check would. */
function query<T>(dataDir: string, sql: string): T[] {
  const db = new SQLite(join(dataDir, 'luoshi.db'), { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

const loginStatus = async (baseUrl: string, username: string, password: string) =>
  (
    await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  ).status

let server: ServerProcess | undefined
afterEach(async () => {
  await killHard(server)
  server = undefined
})

describe('luoshi admin create', () => {
  it('creates the first administrator in a new data folder, migrating it; the server then starts without asking for one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-admin-'))
    const created = await luoshi(
      ['admin', 'create', 'chief', '--display-name', '信息科管理员', '--data', dataDir],
      'Chief-Pass-2024\n',
    )
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('已创建系统管理员「chief」')
    expect(existsSync(join(dataDir, 'luoshi.db'))).toBe(true)
    const [entry] = query<{ actor: string; payload: string }>(
      dataDir,
      "select actor, payload from audit_log where action = 'user.create'",
    )
    expect(entry!.actor).toBe('system')
    expect(JSON.parse(entry!.payload)).toMatchObject({
      username: 'chief',
      displayName: '信息科管理员',
      roles: ['admin'],
    })
    expect(entry!.payload).not.toContain('Chief-Pass-2024')
    expect(entry!.payload).not.toMatch(/scrypt/)

    server = await startServer({ dataDir, env: { LUOSHI_DEMO: '0' } })
    expect(server.output()).not.toContain('admin create')
    const chief = await login(server.baseUrl, 'chief', 'Chief-Pass-2024')
    const users = (await (await chief.get('/api/users')).json()) as {
      users: Array<{ username: string; roles: string[]; mustChangePassword: boolean }>
    }
    expect(users.users).toEqual([
      expect.objectContaining({ username: 'chief', roles: ['admin'], mustChangePassword: false }),
    ])
  }, 60_000)

  it('refuses a taken username, a weak password and a password on the command line with exit code 1, changing nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-admin-'))
    expect(
      (await luoshi(['admin', 'create', 'chief', '--data', dataDir], 'Chief-Pass-2024\n')).code,
    ).toBe(0)
    const taken = await luoshi(['admin', 'create', 'chief', '--data', dataDir], 'Other-Pass-2024\n')
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain('用户名「chief」已存在')
    expect(taken.stderr).toContain('already exists')
    const weak = await luoshi(['admin', 'create', 'deputy', '--data', dataDir], 'password\n')
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('密码至少需要 10 个字符')
    expect(weak.stderr).toContain('at least 10 characters')
    const argv = await luoshi(
      ['admin', 'create', 'deputy', '--password', 'Deputy-Pass-2024', '--data', dataDir],
      '',
    )
    expect(argv.code).toBe(1)
    expect(argv.stderr).toContain('never taken from the command line')
    expect(query<{ username: string }>(dataDir, 'select username from app_user')).toEqual([
      { username: 'chief' },
    ])
    expect(query(dataDir, "select seq from audit_log where action = 'user.create'")).toHaveLength(1)
    expect((await luoshi(['admin', 'create', '--data', dataDir], '')).code).toBe(2)
  }, 60_000)
})

describe('luoshi admin reset-password', () => {
  /** A data folder with the administrator `chief` (password `Chief-Pass-2024`), and its server. */
  async function lockedOutChief(): Promise<{ dataDir: string; baseUrl: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-reset-'))
    const created = await luoshi(
      ['admin', 'create', 'chief', '--data', dataDir],
      'Chief-Pass-2024\n',
    )
    expect(created.code, created.stderr).toBe(0)
    server = await startServer({ dataDir, env: { LUOSHI_DEMO: '0' } })
    return { dataDir, baseUrl: server.baseUrl }
  }

  const resets = (dataDir: string) =>
    query<{ actor: string; entity_id: string; payload: string }>(
      dataDir,
      "select actor, entity_id, payload from audit_log where action = 'user.password-reset'",
    )

  it('sets the password read from stdin, ends the sessions and audits the reset as the API does', async () => {
    const { dataDir, baseUrl } = await lockedOutChief()
    const before = await login(baseUrl, 'chief', 'Chief-Pass-2024')
    expect((await before.get('/api/auth/me')).status).toBe(200)

    const reset = await luoshi(
      ['admin', 'reset-password', 'chief', '--data', dataDir],
      'New-Chief-Pass-2025\nignored second line\n',
    )
    expect(reset.stderr).toBe('')
    expect(reset.code).toBe(0)
    expect(reset.stdout).toContain('已重设「chief」的密码，其所有会话已结束')
    expect(reset.stdout).not.toContain('New-Chief-Pass-2025')

    expect((await before.get('/api/auth/me')).status).toBe(401)
    expect(await loginStatus(baseUrl, 'chief', 'Chief-Pass-2024')).toBe(401)
    const after = await login(baseUrl, 'chief', 'New-Chief-Pass-2025')
    // A password the operator chose is not a one-time one: no change is forced.
    expect((await after.get('/api/users')).status).toBe(200)

    const [chief] = query<{ id: string }>(
      dataDir,
      "select id from app_user where username = 'chief'",
    )
    const entries = resets(dataDir)
    expect(entries).toHaveLength(1)
    expect(entries[0]!.actor).toBe('system')
    expect(entries[0]!.entity_id).toBe(chief!.id)
    expect(JSON.parse(entries[0]!.payload)).toEqual({ username: 'chief', sessionsEnded: 1 })
    expect(entries[0]!.payload).not.toContain('New-Chief-Pass-2025')
    // The entry joined the server's one audit chain.
    const verified = await luoshi(['audit', 'verify', '--data', dataDir], '')
    expect(verified.code, verified.stdout + verified.stderr).toBe(0)
  }, 60_000)

  it('at a terminal asks for the password twice without echoing it', async () => {
    const { dataDir, baseUrl } = await lockedOutChief()
    // `script` gives the command a real terminal; what it prints is what an operator would see.
    const child = spawn(
      'script',
      [
        '-qec',
        `"${process.execPath}" bin/luoshi.js admin reset-password chief --data "${dataDir}"`,
        '/dev/null',
      ],
      { cwd: ROOT, env: childEnv({ NO_COLOR: '1' }), stdio: ['pipe', 'pipe', 'pipe'] },
    )
    let screen = ''
    let answered = 0
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk
      const prompts = screen.split(/password: |again: /).length - 1
      while (answered < prompts) {
        answered += 1
        child.stdin.write('Typed-Chief-2025!\r')
      }
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code, screen).toBe(0)
    expect(screen).toContain('密码 / password:')
    expect(screen).toContain('再次输入 / again:')
    expect(screen).toContain('已重设「chief」的密码')
    expect(screen).not.toContain('Typed-Chief-2025!')
    expect((await login(baseUrl, 'chief', 'Typed-Chief-2025!')).cookie).not.toBe('')
  }, 60_000)

  it('with --one-time prints a generated password once, which must be changed at the next login', async () => {
    const { dataDir, baseUrl } = await lockedOutChief()
    const reset = await luoshi(
      ['admin', 'reset-password', 'chief', '--one-time', '--data', dataDir],
      '',
    )
    expect(reset.code, reset.stderr).toBe(0)
    expect(reset.stdout).toContain('只显示这一次')
    const password = reset.stdout.trim().split('\n').at(-1)!.trim()
    expect(password.length).toBeGreaterThanOrEqual(20)
    expect(reset.stdout.split(password)).toHaveLength(2)

    expect(await loginStatus(baseUrl, 'chief', 'Chief-Pass-2024')).toBe(401)
    const fresh = await login(baseUrl, 'chief', password)
    const blocked = await fresh.get('/api/users')
    expect(blocked.status).toBe(403)
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe(
      'password-change-required',
    )
    expect(
      query<{ must: number }>(dataDir, 'select must_change_password as must from app_user'),
    ).toEqual([{ must: 1 }])
    expect(resets(dataDir)).toHaveLength(1)
    expect(resets(dataDir)[0]!.payload).not.toContain(password)
  }, 60_000)

  it('refuses an unknown username, a weak password, a password on the command line and a folder without a database with exit code 1, changing nothing', async () => {
    const { dataDir, baseUrl } = await lockedOutChief()
    const unknown = await luoshi(
      ['admin', 'reset-password', 'nobody', '--data', dataDir],
      'Nobody-Pass-2025\n',
    )
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('没有用户名为「nobody」的账号')
    const weak = await luoshi(['admin', 'reset-password', 'chief', '--data', dataDir], 'chief\n')
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('密码至少需要 10 个字符')
    const argv = await luoshi(
      ['admin', 'reset-password', 'chief', '--password=Other-Pass-2025', '--data', dataDir],
      '',
    )
    expect(argv.code).toBe(1)
    expect(argv.stderr).toContain('never taken from the command line')
    const empty = mkdtempSync(join(tmpdir(), 'luoshi-reset-empty-'))
    const nowhere = await luoshi(
      ['admin', 'reset-password', 'chief', '--data', empty],
      'Other-Pass-2025!\n',
    )
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toContain('没有数据库')
    expect(existsSync(join(empty, 'luoshi.db'))).toBe(false)
    expect((await luoshi(['admin', 'reset-password', '--data', dataDir], '')).code).toBe(2)
    expect(
      (await luoshi(['admin', 'reset-password', 'chief', '--onetime', '--data', dataDir], '')).code,
    ).toBe(2)

    expect(resets(dataDir)).toEqual([])
    expect((await login(baseUrl, 'chief', 'Chief-Pass-2024')).cookie).not.toBe('')
  }, 60_000)
})

describe('a production start (LUOSHI_DEMO=0)', () => {
  it('seeds no account and names the command; once it has run, that administrator logs in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-production-'))
    server = await startServer({ dataDir, env: { LUOSHI_DEMO: '0' } })
    expect(server.output()).toContain('尚无系统管理员')
    expect(server.output()).toContain(`npx luoshi admin create <username> --data ${dataDir}`)
    expect(query(dataDir, 'select id from app_user')).toEqual([])
    expect(query(dataDir, 'select id from policy_version')).toEqual([])
    expect(await loginStatus(server.baseUrl, 'admin', 'luoshi-demo')).toBe(401)

    // While the server runs, as an operator would do it on a fresh install.
    const created = await luoshi(['admin', 'create', 'ops', '--data', dataDir], 'Ops-Pass-2024!\n')
    expect(created.code, created.stderr).toBe(0)
    const ops = await login(server.baseUrl, 'ops', 'Ops-Pass-2024!')
    const me = (await (await ops.get('/api/auth/me')).json()) as {
      user: { username: string; roles: string[] }
    }
    expect(me.user).toMatchObject({ username: 'ops', roles: ['admin'] })
    const made = await ops.post('/api/users', {
      username: 'first.user',
      displayName: '第一位用户',
      roles: ['author'],
    })
    expect(made.status).toBe(201)
  }, 60_000)
})
