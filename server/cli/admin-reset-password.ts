/**
 * @module `luoshi admin reset-password <username> [--one-time] [--data <folder>]`: a new password
 * for an account that cannot log in — above all the one administrator who is locked out, when no
 * other administrator can reset it on 用户管理.
 *
 * The password is read from a prompt without echo (asked twice) or the first line of piped stdin,
 * never from the command line, and is checked by the password policy. With `--one-time` a
 * one-time password is generated instead, printed this once, and must be changed at the next
 * login. Either way the account's sessions end, and the reset is audited as the API's is
 * (`user.password-reset`, actor `system`), in the same transaction.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { oneTimePassword, passwordIssues } from '../auth/password-policy.ts'
import { hashPassword } from '../auth/passwords.ts'
import { prepareDataFolder } from '../data-folder.ts'
import { resetPassword } from '../users/user-admin.ts'
import { dataFolderOf, openAdminDatabase } from './admin-database.ts'
import type { AdminDatabase } from './admin-database.ts'
import { messageOf, positional, refuse } from './cli-args.ts'
import { readPassword } from './read-password.ts'

export const RESET_USAGE =
  '  luoshi admin reset-password <username> [--one-time] [--data <folder>]  重设密码并结束其会话（密码从提示或标准输入读取；--one-time 生成一次性密码）/ set a new password and end the sessions (password from a prompt or stdin; --one-time generates a one-time one)'

/**
 * Runs `luoshi admin reset-password …` (the arguments after the sub-command); returns the exit
 * code: 0 done, 1 refused (no such account, a password the policy refuses, no database), 2 usage.
 */
export async function resetPasswordCommand(args: string[]): Promise<number> {
  const [username, ...extra] = positional(args, ['--data'])
  const unknown = args.filter(
    (arg, index) =>
      arg.startsWith('--') &&
      arg !== '--one-time' &&
      arg !== '--data' &&
      !arg.startsWith('--data=') &&
      args[index - 1] !== '--data',
  )
  if (!username || extra.length > 0 || unknown.length > 0) {
    console.error(`用法 / usage:\n${RESET_USAGE}`)
    return 2
  }
  const oneTime = args.includes('--one-time')
  const dataDir = dataFolderOf(args)
  // Resetting never creates a database: a mistyped folder must not look like a missing account.
  if (!process.env.LUOSHI_DATABASE_URL && !existsSync(join(dataDir, 'luoshi.db')))
    return refuse(
      `数据目录 ${dataDir} 中没有数据库（luoshi.db）：请用 --data 指向服务器的数据目录`,
      `The data folder ${dataDir} has no database (luoshi.db): point --data at the server's data folder`,
    )
  let opened: AdminDatabase | undefined
  try {
    prepareDataFolder(dataDir)
    opened = await openAdminDatabase(dataDir)
    const found = await opened.db
      .selectFrom('app_user')
      .select(['id', 'active'])
      .where('username', '=', username)
      .executeTakeFirst()
    if (!found)
      return refuse(
        `没有用户名为「${username}」的账号，未做任何更改`,
        `No account has the username "${username}"; nothing was changed`,
      )
    let password: string
    if (oneTime) password = oneTimePassword()
    else {
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
    }
    const hash = await hashPassword(password)
    await opened.writes.run((trx) =>
      resetPassword(trx, found.id, hash, { actor: 'system', now: new Date() }, oneTime),
    )
    console.log(
      `✓ 已重设「${username}」的密码，其所有会话已结束\n  reset the password of "${username}"; all their sessions have ended`,
    )
    if (oneTime)
      console.log(
        `  一次性密码（只显示这一次，首次登录须修改）/ one-time password (shown this once; must be changed at the next login):\n  ${password}`,
      )
    if (found.active !== 1)
      console.error(
        `! 该账号已停用：须由一位管理员在「用户管理」中重新启用后才能登录\n  This account is deactivated: an administrator must re-activate it on 用户管理 before it can log in`,
      )
    return 0
  } catch (error) {
    return refuse(
      `无法重设密码：${messageOf(error)}`,
      `Could not reset the password: ${messageOf(error)}`,
    )
  } finally {
    await opened?.close()
  }
}
