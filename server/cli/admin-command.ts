/**
 * @module `luoshi admin …`: accounts at the command line, for the operator of the server.
 * - `admin create <username> [--display-name …] [--data <folder>]` creates a system administrator
 *   — the first account of a production start (`LUOSHI_DEMO=0` seeds none).
 * - `admin reset-password <username> [--one-time] [--data <folder>]` sets a new password for a
 *   locked-out account (see {@link resetPasswordCommand}).
 * - `admin backup <file>` / `admin restore <file>` copy the SQLite database online and put it back
 *   (admin-backup.ts).
 * - `admin attachments [--remove]` lists (and removes) objects in the attachment bucket that no
 *   row names (admin-attachments.ts).
 *
 * A password is read from a prompt without echo (asked twice) when stdin is a terminal, or as the
 * first line of stdin when it is piped; never from the command line, where `ps` and the shell's
 * history would keep it. The database (the data folder's SQLite file, or `LUOSHI_DATABASE_URL`)
 * is migrated first if needed. Exits 0 on success, 1 when refused (a taken, unknown or malformed
 * username, a password the policy refuses), 2 on a usage error.
 */
import { USERNAME_PATTERN } from '../../schemas/api/requests.schema.ts'
import { passwordIssues } from '../auth/password-policy.ts'
import { hashPassword } from '../auth/passwords.ts'
import { prepareDataFolder } from '../data-folder.ts'
import { AppError } from '../errors.ts'
import { createUser } from '../users/user-admin.ts'
import { dataFolderOf, openAdminDatabase } from './admin-database.ts'
import { RESET_USAGE, resetPasswordCommand } from './admin-reset-password.ts'
import { BACKUP_USAGE, backupCommand, restoreCommand } from './admin-backup.ts'
import { ATTACHMENTS_USAGE, attachmentsCommand } from './admin-attachments.ts'
import { flag, messageOf, positional, refuse } from './cli-args.ts'
import { readPassword } from './read-password.ts'

export const ADMIN_USAGE = `  luoshi admin create <username> [--display-name <name>] [--data <folder>]  创建系统管理员（密码从提示或标准输入读取）/ create a system administrator (password from a prompt or stdin)
${RESET_USAGE}
${BACKUP_USAGE}
${ATTACHMENTS_USAGE}`

/** Runs `luoshi admin <sub-command> …`; returns the exit code. */
export async function adminCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (rest.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    return refuse(
      '密码不从命令行读取（会留在 shell 历史和进程列表中）：请在提示时输入，或从标准输入传入',
      'The password is never taken from the command line (shell history and the process list keep it): type it at the prompt or pipe it on stdin',
    )
  }
  if (sub === 'reset-password') return resetPasswordCommand(rest)
  if (sub === 'backup') return backupCommand(rest)
  if (sub === 'restore') return restoreCommand(rest)
  if (sub === 'attachments') return attachmentsCommand(rest)
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
      `未能读取密码：${messageOf(error)}`,
      `Could not read the password: ${messageOf(error)}`,
    )
  }
  const issues = passwordIssues(password, username, '/password')
  if (issues.length > 0)
    return refuse(
      issues.map((issue) => issue.message.zh).join('；'),
      issues.map((issue) => issue.message.en).join('; '),
    )

  const dataDir = dataFolderOf(rest)
  try {
    prepareDataFolder(dataDir)
  } catch (error) {
    return refuse(
      `数据目录不可用：${messageOf(error)}`,
      `The data folder cannot be used: ${messageOf(error)}`,
    )
  }
  let opened: Awaited<ReturnType<typeof openAdminDatabase>> | undefined
  try {
    opened = await openAdminDatabase(dataDir)
    const hash = await hashPassword(password)
    const user = await opened.writes.run((trx) =>
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
    return refuse(
      `无法创建管理员：${messageOf(error)}`,
      `Could not create the administrator: ${messageOf(error)}`,
    )
  } finally {
    await opened?.close()
  }
}
