/**
 * @module `luoshi admin create <username> [--display-name …] [--data <folder>]`: creates a system
 * administrator — the first account of a production start (`LUOSHI_DEMO=0` seeds none). The
 * password is read from a prompt without echo (asked twice) when stdin is a terminal, or as the
 * first line of stdin when it is piped; never from the command line, where `ps` and the shell's
 * history would keep it. The database (the data folder's SQLite file, or `LUOSHI_DATABASE_URL`)
 * is migrated first if needed. Exits 0 on success, 1 when refused (a taken or malformed username,
 * a password the policy refuses), 2 on a usage error.
 */
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { USERNAME_PATTERN } from '../../schemas/api/requests.schema.ts'
import { auditCheckpointFile, readCheckpoints } from '../audit/audit-checkpoint.ts'
import { installAuditKey, loadAuditKey } from '../audit/audit-key.ts'
import { keyAuditChain } from '../audit/audit-upgrade.ts'
import { passwordIssues } from '../auth/password-policy.ts'
import { hashPassword } from '../auth/passwords.ts'
import { prepareDataFolder } from '../data-folder.ts'
import { createDb } from '../db/create-db.ts'
import { GroupCommitter } from '../db/group-commit.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { AppError } from '../errors.ts'
import { createUser } from '../users/user-admin.ts'

export const ADMIN_USAGE =
  '  luoshi admin create <username> [--display-name <name>] [--data <folder>]  创建系统管理员（密码从提示或标准输入读取）/ create a system administrator (password from a prompt or stdin)'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The value after a flag (`--data x`) or in it (`--data=x`). */
function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  if (index >= 0) return args[index + 1]
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1)
}

/** The arguments that are neither flags nor a flag's value. */
function positional(args: string[], flags: string[]): string[] {
  return args.filter(
    (arg, index) => !arg.startsWith('--') && !flags.includes(args[index - 1] ?? ''),
  )
}

function refuse(zh: string, en: string): number {
  console.error(`✗ ${zh}\n  ${en}`)
  return 1
}

/** Runs `luoshi admin <sub-command> …`; returns the exit code. */
export async function adminCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (rest.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    return refuse(
      '密码不从命令行读取（会留在 shell 历史和进程列表中）：请在提示时输入，或从标准输入传入',
      'The password is never taken from the command line (shell history and the process list keep it): type it at the prompt or pipe it on stdin',
    )
  }
  const [username, ...extra] = positional(rest, ['--data', '--display-name'])
  if (sub !== 'create' || !username || extra.length > 0) {
    console.error(`用法 / usage:\n${ADMIN_USAGE}`)
    return 2
  }
  if (!new RegExp(USERNAME_PATTERN).test(username)) {
    return refuse(
      `用户名「${username}」不合规：须为 3–64 个小写字母、数字或 . _ -`,
      `The username "${username}" is not valid: 3–64 of lower-case letters, digits, . _ -`,
    )
  }
  const displayName = flag(rest, '--display-name') ?? '系统管理员'
  if (!/\S/.test(displayName) || displayName.length > 100)
    return refuse('显示名称须为 1–100 个字符', 'The display name must be 1–100 characters')

  let password: string
  try {
    password = await readPassword()
  } catch (error) {
    return refuse(
      `未能读取密码：${error instanceof Error ? error.message : String(error)}`,
      `Could not read the password: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const issues = passwordIssues(password, username, '/password')
  if (issues.length > 0)
    return refuse(
      issues.map((issue) => issue.message.zh).join('；'),
      issues.map((issue) => issue.message.en).join('; '),
    )

  const dataDir = resolve(flag(rest, '--data') ?? process.env.LUOSHI_DATA ?? join(ROOT, 'data'))
  const url = process.env.LUOSHI_DATABASE_URL
  try {
    prepareDataFolder(dataDir)
  } catch (error) {
    return refuse(
      `数据目录不可用：${String(error instanceof Error ? error.message : error)}`,
      `The data folder cannot be used: ${String(error instanceof Error ? error.message : error)}`,
    )
  }
  const db = await createDb(
    url ? { kind: 'postgres', url } : { kind: 'sqlite', file: join(dataDir, 'luoshi.db') },
  )
  const writes = new GroupCommitter(db)
  try {
    await migrateToLatest(db)
    // The same key and checkpoints the server uses: the entry joins the one audit chain.
    const { key } = loadAuditKey({ dataDir, create: true })
    installAuditKey(key)
    await keyAuditChain({ db, writes }, key, readCheckpoints(auditCheckpointFile(dataDir), key))
    const hash = await hashPassword(password)
    const user = await writes.run((trx) =>
      createUser(
        trx,
        { username, displayName, roles: ['admin'] },
        { hash, oneTime: false },
        { actor: 'system', now: new Date() },
      ),
    )
    console.log(
      `✓ 已创建系统管理员「${user.username}」（${user.displayName}），可以登录了\n  created the system administrator "${user.username}"; log in with it now`,
    )
    return 0
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') {
      return refuse(
        `用户名「${username}」已存在，未做任何更改`,
        `The username "${username}" already exists; nothing was changed`,
      )
    }
    // What went wrong and where, without a stack trace (a database that cannot be opened, a key file).
    const message = error instanceof Error ? error.message : String(error)
    return refuse(`无法创建管理员：${message}`, `Could not create the administrator: ${message}`)
  } finally {
    await writes.close()
    await db.destroy()
  }
}

/** The password: typed twice at a terminal without echo, or the first line of piped stdin. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    const [line = ''] = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)
    if (line === '') throw new Error('标准输入为空 / stdin is empty')
    return line
  }
  const first = await promptHidden('密码 / password: ')
  const second = await promptHidden('再次输入 / again: ')
  if (first !== second) throw new Error('两次输入不一致 / the two entries differ')
  return first
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(question)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolvePassword, reject) => {
    let value = ''
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish()
          return resolvePassword(value)
        }
        if (char === '\u0003' || char === '\u0004') {
          finish()
          return reject(new Error('已取消 / cancelled'))
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}
